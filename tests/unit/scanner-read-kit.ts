import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { FormatReader, ImportRecord, ReadContext, Sniff } from '../../electron/imports/importer';
import { readers } from '../../electron/imports/registry';
import { type ImportSource, openSource } from '../../electron/imports/source';
import { FindingData } from '../../shared/imports/finding-data';
import { ImportOptions, type ImportOptionsParsed, type ImportProblem } from '../../shared/imports/model';
import { tempDir } from './helpers';

/** Reading a file with one reader and a small fake context (the engine's is not needed to test a reader). */

export const scannerFixture = (name: string) => resolve('tests/fixtures/imports/scanners', name);
export const oscalFixture = (name: string) => resolve('tests/fixtures/imports/oscal', name);

export interface Read {
  records: ImportRecord[];
  problems: Omit<ImportProblem, 'file'>[];
  skips: { location: string; reason: string }[];
}

export function fakeContext(options: Partial<ImportOptionsParsed> = {}): ReadContext & Read {
  const read: Read = { records: [], problems: [], skips: [] };
  return Object.assign(read, {
    options: ImportOptions.parse(options),
    catalog: { frameworks: [], threats: [], controls: [], mappings: [] } as unknown as ReadContext['catalog'],
    problem: (p: Omit<ImportProblem, 'file'>) => void read.problems.push(p),
    skip: (location: string, reason: string) => void read.skips.push({ location, reason }),
    progress: () => undefined,
    isCancelled: () => false,
    savedMapping: () => undefined,
    pseudonymise: (v: string) => v,
  });
}

export function readerFor(format: string): FormatReader {
  const reader = readers.find((r) => r.format === format);
  if (!reader) throw new Error(`no reader for ${format}`);
  return reader;
}

export async function readFile(format: string, file: string, options: Partial<ImportOptionsParsed> = {}): Promise<Read> {
  const ctx = fakeContext(options);
  const result = await readerFor(format).read(openSource(file), ctx);
  return { records: result.records, problems: ctx.problems, skips: ctx.skips };
}

/** A source held in memory, for property tests that read thousands of inputs without touching the disk. */
export function memorySource(text: string, name = 'input.json'): ImportSource {
  const bytes = Buffer.from(text, 'utf8');
  return {
    path: name,
    name,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    head: bytes.subarray(0, 65536),
    notes: [],
    text: () => text,
    bytes: () => bytes,
    *lines() {
      let number = 0;
      for (const line of text.split('\n')) yield { number: ++number, line };
    },
  };
}

export function writeTemp(name: string, content: unknown): string {
  const file = join(tempDir(), name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

export function sniffOf(file: string): Sniff {
  const source = openSource(file);
  const name = source.name;
  const ext = name.endsWith('.golden') ? 'golden' : extname(name).slice(1).toLowerCase();
  return { name, ext, head: source.head.toString('utf8'), zip: false };
}

/** The format detection would choose: the reader with the highest score, with the scores. */
export function detected(file: string): { format: string; score: number } {
  const sniff = sniffOf(file);
  const [best] = readers.map((r) => ({ format: r.format, score: r.detect(sniff) })).sort((a, b) => b.score - a.score);
  return best!;
}

/** Every finding record's data checked against the shape the findings sink takes. */
export function findings(read: Read): (ImportRecord & { data: FindingData })[] {
  return read.records.map((r) => {
    if (r.kind !== 'finding') throw new Error(`${r.location} is a ${r.kind}, not a finding`);
    return { ...r, data: FindingData.parse(r.data) };
  });
}
