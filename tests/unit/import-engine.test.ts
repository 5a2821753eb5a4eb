import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import type { FormatReader, RecordSink } from '../../electron/imports/importer';
import { previewImport } from '../../electron/imports/engine';
import { runImport } from '../../electron/imports/run';
import { listEvidence } from '../../electron/store/evidence';
import { listBatches } from '../../electron/store/imports';
import { openForWriting } from '../../electron/store/open';
import { addRisk, findRisk, updateRisk } from '../../electron/store/risks';
import { verifyFile } from '../../electron/store/verify';
import { parseJson } from '../../electron/imports/safe-json';
import Database from 'better-sqlite3';
import { fileHash, tempDir, testContext } from './helpers';

/**
 * The engine with a small reader of its own (a JSON list of risks) and a sink that calls the real
 * risk register: what every format gets from the engine — preview without writing, one batch entry
 * that replay expands, systems and threats named by the source, updates by external id, the source
 * kept once as evidence, and all-or-nothing on errors and cancel.
 */

interface Row {
  id: string;
  title: string;
  system: string;
  threat?: string;
  likelihood: number;
}

const reader: FormatReader = {
  format: 'json',
  label: 'test risks',
  kinds: ['risk'],
  detect: (s) => (s.head.includes('"testRisks"') ? 90 : 0),
  read(source, ctx) {
    const doc = parseJson(source.text(), source.name) as { testRisks: Row[] };
    return {
      records: doc.testRisks.map((r, i) => {
        if (r.likelihood > 5) ctx.problem({ severity: 'error', location: `$.testRisks[${i}]`, field: 'likelihood', message: 'must be 1 to 5' });
        return { kind: 'risk' as const, externalId: `test:${r.id}`, location: `$.testRisks[${i}]`, title: r.title, system: r.system, threat: r.threat ?? null, data: r };
      }),
    };
  },
};

const sink: RecordSink = {
  kind: 'risk',
  plan(records, ctx) {
    return records.map((record) => {
      const id = ctx.ref('risk', record.externalId);
      if (!id) return { record, action: 'create', entityId: null, detail: '' };
      const current = findRisk(ctx.a, id);
      const row = record.data as Row;
      return current.likelihood === row.likelihood && current.title === row.title
        ? { record, action: 'unchanged', entityId: id, detail: '' }
        : { record, action: 'update', entityId: id, detail: 'likelihood' };
    });
  },
  apply(planned, ctx) {
    for (const p of planned) {
      const row = p.record.data as Row;
      if (p.action === 'create') {
        const risk = addRisk(ctx.a, { system: ctx.systemOf(p.record)!, threat: ctx.threatOf(p.record), title: row.title, likelihood: row.likelihood as 1, impact: 3, treatment: 'mitigate' }, ctx.actor);
        ctx.setRef('risk', p.record.externalId, risk.id);
      } else if (p.action === 'update') updateRisk(ctx.a, p.entityId!, { title: row.title, likelihood: row.likelihood as 1 }, ctx.actor);
      ctx.progress(1, planned.length);
    }
    ctx.linkEvidence([{ kind: 'control', target: 'GOV-01', system: null }]);
  },
};

const hooks = { readers: [reader], sinks: { risk: sink } };

function setUp(dir: string) {
  const file = join(dir, 'a.assay');
  const r = dispatch('assessment.create', { file, name: 'Imports' }, testContext(dir));
  if (!r.ok) throw new Error(r.error.message);
  const added = dispatch('systems.add', { file, system: { name: 'Support assistant', roles: ['deployer'] } }, testContext(dir));
  if (!added.ok) throw new Error(added.error.message);
  return file;
}

function source(dir: string, rows: Row[], name = 'register.json'): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ testRisks: rows }));
  return path;
}

const rows: Row[] = [
  { id: 'R1', title: 'Prompt injection through e-mail', system: 'support assistant', threat: 'THR-08', likelihood: 4 },
  { id: 'R2', title: 'Poisoned training data', system: 'Claims triage', threat: 'Training data poisoning', likelihood: 3 },
  { id: 'R3', title: 'Leaks to public chatbots', system: 'Claims triage', threat: 'staff paste data into chat bots', likelihood: 2 },
];

describe('the import engine', () => {
  it('previews without writing: counts, systems to create, threats matched or left for the user', async () => {
    const dir = tempDir();
    const file = setUp(dir);
    const before = fileHash(file);
    const { assessment: a } = openForWriting(file, { actor: 'tester' });
    try {
      const preview = await previewImport(a, source(dir, rows), {}, hooks);
      expect(preview.format).toBe('json');
      expect(preview.formatReason).toMatch(/detected from the content/);
      expect(preview.counts).toEqual({ create: 3, update: 0, unchanged: 0, skip: 0 });
      expect(preview.systems).toEqual([{ name: 'Claims triage', records: 2, decision: 'create' }]);
      // The exact name matches at once; the free text is left unmatched rather than guessed.
      expect(preview.threats).toEqual([expect.objectContaining({ text: 'staff paste data into chat bots', decision: 'none' })]);
      expect(preview.blocked).toBe(false);
    } finally {
      a.close();
    }
    expect(fileHash(file)).toBe(before);
  });

  it('lets the job collect garbage between the phases: once the read has ended, once the plan has, before anything is written', async () => {
    const dir = tempDir();
    const file = setUp(dir);
    const steps: string[] = [];
    const traced = {
      readers: [{ ...reader, read: (...args: Parameters<FormatReader['read']>) => (steps.push('read'), reader.read(...args)) }],
      sinks: {
        risk: {
          ...sink,
          plan: (...args: Parameters<RecordSink['plan']>) => (steps.push('plan'), sink.plan(...args)),
          apply: (...args: Parameters<RecordSink['apply']>) => (steps.push('apply'), sink.apply(...args)),
        },
      },
      betweenPhases: () => void steps.push('between'),
    };
    const { assessment: a } = openForWriting(file, { actor: 'tester' });
    try {
      await runImport(a, source(dir, rows), {}, 'tester', traced);
    } finally {
      a.close();
    }
    expect(steps).toEqual(['read', 'between', 'plan', 'between', 'apply']);
  });

  it('imports as one batch entry that replay expands; a second import of the changed file updates instead of duplicating', async () => {
    const dir = tempDir();
    const file = setUp(dir);
    const { assessment: a } = openForWriting(file, { actor: 'tester' });
    try {
      const head = a.head().count;
      const result = await runImport(a, source(dir, rows), { threats: { 'staff paste data into chat bots': 'THR-12' } }, 'tester', hooks);
      expect(result.batchId).toBe('IMP-001');
      expect(a.head().count).toBe(head + 1);
      const risks = a.db.prepare('SELECT id, system_id, record FROM risk ORDER BY id').all() as { id: string; system_id: string; record: string }[];
      expect(risks.map((r) => [r.id, r.system_id, JSON.parse(r.record).threatId])).toEqual([
        ['RSK-001', 'SYS-001', 'THR-08'],
        ['RSK-002', 'SYS-002', 'THR-01'],
        ['RSK-003', 'SYS-002', 'THR-12'],
      ]);
      const evidence = listEvidence(a);
      expect(evidence).toHaveLength(1);
      expect(evidence[0]!.id).toBe(result.evidenceId);
      expect(evidence[0]!.links).toEqual([expect.objectContaining({ kind: 'control', target: 'GOV-01' })]);

      const changed = source(dir, [rows[0]!, { ...rows[1]!, likelihood: 5 }, rows[2]!], 'register-v2.json');
      const second = await runImport(a, changed, { threats: { 'staff paste data into chat bots': 'THR-12' } }, 'tester', hooks);
      expect(second.counts).toEqual({ create: 0, update: 1, unchanged: 2, skip: 0 });
      expect(a.db.prepare('SELECT count(*) FROM risk').pluck().get()).toBe(3);
      expect(listBatches(a).map((b) => [b.id, b.sourceName, b.counts.create, b.counts.update])).toEqual([
        ['IMP-001', 'register.json', 3, 0],
        ['IMP-002', 'register-v2.json', 0, 1],
      ]);
      // The same file again: no second evidence item.
      const third = await runImport(a, changed, { threats: { 'staff paste data into chat bots': 'THR-12' } }, 'tester', hooks);
      expect(third.evidenceId).toBe(second.evidenceId);
      expect(listEvidence(a)).toHaveLength(2);
    } finally {
      a.close();
    }
    const verified = verifyFile(file);
    expect(verified.message).not.toMatch(/differ|broken|cannot/);
    expect(verified.difference).toBeUndefined();
    expect(verified.ok).toBe(true);
  });

  it('writes nothing when the file has errors, and names them', async () => {
    const dir = tempDir();
    const file = setUp(dir);
    const before = fileHash(file);
    const { assessment: a } = openForWriting(file, { actor: 'tester' });
    try {
      const result = await runImport(a, source(dir, [...rows, { id: 'R4', title: 'Bad', system: 'x', likelihood: 9 }]), {}, 'tester', hooks);
      expect(result.batchId).toBeNull();
      expect(result.problems).toEqual([{ severity: 'error', file: 'register.json', location: '$.testRisks[3]', field: 'likelihood', message: 'must be 1 to 5' }]);
    } finally {
      a.close();
    }
    expect(fileHash(file)).toBe(before);
  });

  it('a cancel while writing rolls the whole import back', async () => {
    const dir = tempDir();
    const file = setUp(dir);
    const before = fileHash(file);
    const { assessment: a } = openForWriting(file, { actor: 'tester' });
    let writes = 0;
    try {
      const cancelling = { ...hooks, isCancelled: () => writes > 1, onProgress: (s: { phase: string }) => void (s.phase === 'writing' && writes++) };
      await expect(runImport(a, source(dir, rows), {}, 'tester', cancelling)).rejects.toThrow(/cancelled; nothing was changed/);
      expect(a.db.prepare('SELECT count(*) FROM risk').pluck().get()).toBe(0);
      expect(a.db.prepare('SELECT count(*) FROM ai_system').pluck().get()).toBe(1);
    } finally {
      a.close();
    }
    expect(fileHash(file)).toBe(before);
  });

  it('refuses a format it cannot recognise, naming the file and how to choose', async () => {
    const dir = tempDir();
    const file = setUp(dir);
    const path = join(dir, 'notes.txt');
    writeFileSync(path, 'just some notes');
    const { assessment: a } = openForWriting(file, { actor: 'tester' });
    try {
      await expect(previewImport(a, path, {}, hooks)).rejects.toThrow(/notes\.txt: its format was not recognised from its content; choose one with --format/);
      await expect(previewImport(a, path, { threats: { x: 'THR-99' } }, hooks)).rejects.toThrow(/not recognised/);
    } finally {
      a.close();
    }
  });

  it.each([
    ['a batch', "UPDATE import_batch SET counts = json_set(counts, '$.create', 99)", /import_batch row IMP-001, field counts/],
    ['an external id', "UPDATE import_ref SET entity_id = 'RSK-003' WHERE external_id = 'test:R1'", /import_ref row risk.test:R1, field entity_id/],
    ['a risk written by the batch', "UPDATE risk SET record = json_set(record, '$.likelihood', 1) WHERE id = 'RSK-002'", /risk row RSK-002, field record/],
  ])('verify names %s changed behind the log', async (_what, sql, named) => {
    const dir = tempDir();
    const file = setUp(dir);
    const { assessment: a } = openForWriting(file, { actor: 'tester' });
    try {
      await runImport(a, source(dir, rows), {}, 'tester', hooks);
    } finally {
      a.close();
    }
    expect(verifyFile(file).ok).toBe(true);
    const db = new Database(file);
    db.exec(sql);
    db.close();
    const result = verifyFile(file);
    expect(result.ok).toBe(false);
    expect(result.message.replace('\u241f', '.')).toMatch(named);
  });

  describe('what a batch carries, stored in parts beside its entry', () => {
    const many: Row[] = Array.from({ length: 2300 }, (_, i) => ({ id: `M${i}`, title: `Risk ${i}`, system: 'support assistant', likelihood: (i % 5) + 1 }));

    async function imported(): Promise<{ file: string; parts: number }> {
      const dir = tempDir();
      const file = setUp(dir);
      const { assessment: a } = openForWriting(file, { actor: 'tester' });
      try {
        await runImport(a, source(dir, many), {}, 'tester', hooks);
        const entry = a.db.prepare("SELECT payload FROM audit_log WHERE command = 'imports.batch'").pluck().get() as string;
        // The entry itself stays small: it names the parts by count and hash.
        expect(entry.length).toBeLessThan(2000);
        expect(JSON.parse(entry).carried).toMatchObject({ entries: 2302, refs: 2300, parts: 6 });
      } finally {
        a.close();
      }
      expect(verifyFile(file).ok).toBe(true);
      return { file, parts: 6 };
    }

    function tamper(file: string, change: (db: Database.Database) => void): string {
      const db = new Database(file);
      db.exec('DROP TRIGGER IF EXISTS import_batch_part_append_only_update; DROP TRIGGER IF EXISTS import_batch_part_append_only_delete');
      change(db);
      db.close();
      const result = verifyFile(file);
      expect(result.ok).toBe(false);
      return result.message;
    }

    it('replays a batch of several parts, and names a part altered behind the log', async () => {
      const { file } = await imported();
      const message = tamper(file, (db) => {
        const content = db.prepare('SELECT content FROM import_batch_part WHERE part = 1').pluck().get() as Buffer;
        const changed = inflateRawSync(content).toString('utf8').replace('"likelihood":2', '"likelihood":5');
        db.prepare('UPDATE import_batch_part SET content = ? WHERE part = 1').run(deflateRawSync(Buffer.from(changed)));
      });
      expect(message).toMatch(/import batch IMP-001 \(entry \d+\): what it carries no longer matches the SHA-256 its entry records/);
    });

    it('names a part removed, and parts added for a batch the log does not have', async () => {
      const { file } = await imported();
      expect(tamper(file, (db) => db.exec('DELETE FROM import_batch_part WHERE part = 5'))).toMatch(/import batch IMP-001 \(entry \d+\): 5 parts of what it carries are stored, its entry records 6/);
      expect(tamper(file, (db) => db.exec("DELETE FROM import_batch_part WHERE part = 2"))).toMatch(/part 2 of what it carries is missing/);
      const again = await imported();
      expect(
        tamper(again.file, (db) => db.prepare("INSERT INTO import_batch_part (batch_id, part, content) VALUES ('IMP-404', 0, ?)").run(deflateRawSync(Buffer.from('{"refs":[]}')))),
      ).toMatch(/import_batch_part holds parts of IMP-404, which no import entry of the log records/);
    });

    it('keeps the parts append-only', async () => {
      const { file } = await imported();
      const db = new Database(file);
      expect(() => db.exec('DELETE FROM import_batch_part')).toThrow(/append-only/);
      expect(() => db.exec("UPDATE import_batch_part SET batch_id = 'X'")).toThrow(/append-only/);
      db.close();
    });
  });
});
