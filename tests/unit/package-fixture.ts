import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundledCatalog } from '../../electron/catalog/load';
import type { ScryptParams } from '../../electron/package/format';
import { addEvidenceFiles } from '../../electron/store/evidence-intake';
import { createAssessment, openForWriting } from '../../electron/store/open';
import { pseudonymKey } from '../../electron/store/pseudonyms';

/** Cheap key derivation and small chunks: many chunk boundaries in a small real package, fast to open many times. */
export const FAST: { scrypt: ScryptParams; chunkSize: number } = { scrypt: { logN: 10, r: 8, p: 1 }, chunkSize: 4096 };
export const PASSPHRASE = 'correct horse battery staple';

export interface Fixture {
  dir: string;
  file: string;
  /** The evidence file's bytes, as added. */
  evidence: Buffer;
  key: Buffer;
  remove(): void;
}

/** A real assessment with evidence (two chunks of blob rows) and a pseudonymisation key, in its own folder. */
export function buildFixture(): Fixture {
  const dir = mkdtempSync(join(tmpdir(), 'assay-pkg-'));
  const file = join(dir, 'a.assay');
  createAssessment(file, { name: 'Packed', catalog: loadBundledCatalog(), actor: 'tester' }).close();
  const evidence = randomBytes(1024 * 1024 + 3000);
  const evidencePath = join(dir, 'scan.bin');
  writeFileSync(evidencePath, evidence);
  const { assessment } = openForWriting(file, { actor: 'tester' });
  let key: Buffer;
  try {
    addEvidenceFiles(assessment, { paths: [evidencePath], details: { title: 'Scan output' } }, 'tester');
    key = pseudonymKey(assessment);
  } finally {
    assessment.close();
  }
  return { dir, file, evidence, key, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every name in a folder: "writes nothing" is checked on the folder, temporary files included. */
export const namesIn = (dir: string) => readdirSync(dir).sort();
