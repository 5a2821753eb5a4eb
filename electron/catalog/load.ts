import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { Catalog } from '../../shared/catalog/schema';
import { AssayError, describeIssues, zodIssues } from '../../shared/errors';
import { frameworksDir } from '../paths';

/** Parses one YAML file; a syntax error names the file, line and column. */
export function readYamlFile(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const pos = lineCounter.linePos(first.pos[0]);
    throw new AssayError('invalid_input', `${file}:${pos.line}:${pos.col}: ${first.message.split('\n')[0]}`);
  }
  return doc.toJS() as unknown;
}

let cached: { dir: string; catalog: Catalog } | undefined;

/** The bundled catalog, validated by the shared schema. Read once per process. */
export function loadBundledCatalog(dir: string = frameworksDir()): Catalog {
  if (cached?.dir === dir) return cached.catalog;
  const raw = {
    manifest: readYamlFile(join(dir, 'catalog.yaml')),
    controls: readYamlFile(join(dir, 'controls.yaml')),
  };
  const parsed = Catalog.safeParse(raw);
  if (!parsed.success) throw new AssayError('invalid_input', describeIssues(`the catalog in ${dir}`, zodIssues(parsed.error)));
  cached = { dir, catalog: parsed.data };
  return parsed.data;
}
