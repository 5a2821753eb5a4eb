/**
 * Prepares an assessment with imported red-team findings for the browser test, until the import
 * screen exists: a system, then our failing garak run and promptfoo's red-team CSV through the
 * readers and the findings sink, as the import engine runs them. Run with: node --import tsx.
 */
import { join } from 'node:path';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { dispatch } from '../../electron/dispatch';
import { garakReader } from '../../electron/imports/formats/garak';
import { promptfooReader } from '../../electron/imports/formats/promptfoo';
import type { FormatReader, ImportRecord } from '../../electron/imports/importer';
import { findingSink } from '../../electron/imports/sinks/findings';
import { openSource } from '../../electron/imports/source';
import { closeAll, useForWriting } from '../../electron/handlers/open-files';
import { ImportOptions } from '../../shared/imports/model';

const file = process.argv[2]!;
const context = { actor: 'Dana Lee', home: join(file, '..', 'home'), defaultFolder: join(file, '..'), recordRecent: false };
const call = (name: string, input: unknown) => {
  const r = dispatch(name as never, input, context);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

call('assessment.create', { file, name: 'Red team review' });
call('systems.add', { file, system: { name: 'Support assistant', roles: ['deployer'] } });
const a = useForWriting(file, 'Dana Lee').assessment;
const options = ImportOptions.parse({ system: 'SYS-001' });
const today = new Date().toISOString().slice(0, 10);
const refs = new Map<string, string>();

async function load(reader: FormatReader, path: string, batchId: string) {
  const ctx = { options, catalog: loadBundledCatalog(), problem: () => undefined, skip: () => undefined, progress: () => undefined, isCancelled: () => false, savedMapping: () => undefined, pseudonymise: (v: string) => v };
  const { records } = await reader.read(openSource(path), ctx);
  const systemOf = (_r: ImportRecord) => 'SYS-001';
  const planned = findingSink.plan(records, { a, today, options, systemOf, threatOf: (r) => r.threat, ref: (_k, id) => refs.get(id), problem: () => undefined });
  a.write((at) =>
    findingSink.apply(planned, {
      a, at, actor: 'Dana Lee', today, batchId, options, systemOf, threatOf: (r) => r.threat,
      ref: (_k, id) => refs.get(id), setRef: (_k, e, id) => refs.set(e, id), linkEvidence: () => undefined, isCancelled: () => false, progress: () => undefined,
    }),
  );
}

await load(garakReader, 'tests/fixtures/imports/redteam/own-garak-failing.report.jsonl', 'IMP-001');
await load(promptfooReader, 'tests/fixtures/imports/redteam/report_my-red-team-configuration.csv', 'IMP-002');
closeAll();
