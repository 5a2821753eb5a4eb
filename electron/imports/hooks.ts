import type { Assessment } from '../store/assessment';
import { hasPseudonymKey, pseudonymiser } from '../store/pseudonyms';
import type { EngineHooks } from './engine';
import { saveMapping, savedMappingLookup } from './tabular/saved-mappings';
import { mappingKind } from './tabular/table-import';

/**
 * What the engine takes from outside the source file, for one assessment: the keyed hash that
 * pseudonymises people (its key lives in the assessment), and the user's saved column mappings
 * (in the settings folder, shared by every assessment). `writing` is false for a preview of a
 * file opened read-only: without a key yet, its pseudonyms come from a throwaway key, which is
 * fine for a preview (it counts people, it stores nothing).
 */
export function engineHooks(a: Assessment, writing: boolean, env: NodeJS.ProcessEnv = process.env): Pick<EngineHooks, 'pseudonymise' | 'savedMapping' | 'saveMapping'> {
  return {
    ...(writing || hasPseudonymKey(a) ? { pseudonymise: pseudonymiser(a) } : {}),
    savedMapping: savedMappingLookup(env),
    saveMapping: (name, mapping, at) => void saveMapping(name, mapping, mappingKind(mapping), at, env),
  };
}
