import { join } from 'node:path';
import { RedteamMap } from '../../../shared/imports/redteam-map';
import { readYaml, validateYaml } from '../../catalog/yaml';
import { frameworksDir } from '../../paths';

let cached: { dir: string; map: RedteamMap } | undefined;

/** frameworks/mappings/redteam-threats.yaml, validated; read once per process. */
export function loadRedteamMap(dir: string = frameworksDir()): RedteamMap {
  if (cached?.dir === dir) return cached.map;
  const map = validateYaml(readYaml(join(dir, 'mappings', 'redteam-threats.yaml')), RedteamMap);
  cached = { dir, map };
  return map;
}
