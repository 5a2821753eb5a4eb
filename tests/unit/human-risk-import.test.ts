import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { knowbe4Reader } from '../../electron/imports/formats/knowbe4';
import { mimecastReader } from '../../electron/imports/formats/mimecast';
import type { Sniff } from '../../electron/imports/importer';
import { readers, sinks } from '../../electron/imports/registry';
import { addEvidenceFiles } from '../../electron/store/evidence-intake';
import { listMetrics } from '../../electron/store/human-risk';
import { createAssessment, openForWriting } from '../../electron/store/open';
import { verifyFile } from '../../electron/store/verify';
import type { MetricInput } from '../../shared/domain/human-risk/model';
import { FIXTURES, type Refs, importRecords, plan, readWith } from './human-risk-fakes';
import { tempDir } from './helpers';

const catalog = loadBundledCatalog();

function newAssessment() {
  const file = join(tempDir(), 'a.assay');
  createAssessment(file, { name: 'People', catalog, actor: 'tester' }).close();
  return { file, a: openForWriting(file, { actor: 'tester' }).assessment };
}

function sniff(file: string): Sniff {
  const head = readFileSync(join(FIXTURES, file), 'utf8').slice(0, 65536);
  return { name: file, ext: file.split('.').pop()!, head, zip: false };
}

const data = (r: { data: unknown }) => r.data as MetricInput;

describe('detection from the content', () => {
  it('knows each KnowBe4 response and the SafeScore CSV, and nothing else', () => {
    for (const f of readdirSync(FIXTURES).filter((n) => n.endsWith('.json'))) {
      expect(knowbe4Reader.detect(sniff(f)), f).toBeGreaterThanOrEqual(60);
      expect(mimecastReader.detect(sniff(f)), f).toBe(0);
    }
    expect(mimecastReader.detect(sniff('mimecast-safescore.csv'))).toBe(90);
    expect(knowbe4Reader.detect(sniff('mimecast-safescore.csv'))).toBe(0);
    expect(knowbe4Reader.detect({ name: 'x.json', ext: 'json', head: '{"bomFormat":"CycloneDX","components":[]}', zip: false })).toBe(0);
    expect(mimecastReader.detect({ name: 'r.csv', ext: 'csv', head: 'Risk,Likelihood,Impact\n', zip: false })).toBe(0);
    expect(readers).toContain(knowbe4Reader);
    expect(readers).toContain(mimecastReader);
    expect(sinks.metric).toBeDefined();
  });
});

describe('KnowBe4 real samples', () => {
  it('phishing security tests: group figures for HUM-04 on the test date', async () => {
    const r = await readWith(knowbe4Reader, 'phishing_security_tests_response.json', null);
    expect(r.problems).toEqual([]);
    const byMetric = Object.fromEntries(r.records.map((x) => [data(x).metric, data(x)]));
    expect(byMetric.phish_prone_pct).toMatchObject({ subjectKind: 'group', subject: 'Corporate Employees', value: 0.5, measuredOn: '2019-04-02', control: 'HUM-04', source: 'knowbe4' });
    expect(byMetric.phish_clicked!.value).toBe(20);
    expect(byMetric.phish_delivered!.value).toBe(4);
    expect(r.records.map((x) => x.externalId)).toContain('knowbe4:pst:16142:Corporate Employees:clicked');
  });

  it('failed recipients: per-person events under a pseudonym', async () => {
    const r = await readWith(knowbe4Reader, 'phishing_security_tests_failed_recipients_response.json', null);
    const events = Object.fromEntries(r.records.map((x) => [data(x).metric, data(x).value]));
    expect(events).toEqual({ phish_delivered: 1, phish_opened: 1, phish_clicked: 1, phish_reported: 0, phish_data_entered: 1 });
    expect(new Set(r.records.map((x) => data(x).subject)).size).toBe(1);
    expect(data(r.records[0]!).subject).toMatch(/^p-[0-9a-f]{16}$/);
  });

  it('training enrolments: status per person for HUM-02, passed counting as done', async () => {
    const r = await readWith(knowbe4Reader, 'training_enrollments_response.json', null);
    expect(r.records.map((x) => [data(x).valueText, data(x).value, data(x).measuredOn, data(x).control])).toEqual([
      ['Passed', 1, '2019-04-02', 'HUM-02'],
      ['Passed', 1, '2019-01-25', 'HUM-02'],
      ['In Progress', 0, '2019-01-25', 'HUM-02'],
      ['Not Started', 0, '2019-01-16', 'HUM-02'],
    ]);
    expect(r.records[0]!.externalId).toBe('knowbe4:enrollment:1425526');
  });

  it('a user record: phish-prone % and risk score, department kept in clear', async () => {
    const r = await readWith(knowbe4Reader, 'groups_members_response.json', null);
    expect(r.records.map((x) => [data(x).metric, data(x).value, data(x).group])).toEqual([
      ['phish_prone_pct', 14.235, 'Sales'],
      ['risk_score', 45.742, 'Sales'],
    ]);
  });

  it("account risk-score history becomes the organisation's trend; a user's history without its user is skipped with a warning", async () => {
    const account = await readWith(knowbe4Reader, 'account_risk_score_history_response.json', null);
    expect(account.records).toHaveLength(12);
    expect(account.records.map((x) => data(x).measuredOn)[0]).toBe('2022-07-27');
    expect(data(account.records[11]!)).toMatchObject({ subjectKind: 'organisation', metric: 'risk_score', value: 10.678, control: 'HUM-05' });
    const user = await readWith(knowbe4Reader, 'user_risk_score_history_response.json', null);
    expect(user.records).toEqual([]);
    expect(user.problems[0]!.message).toMatch(/does not name the user or group/);
    expect(user.skipped).toEqual([{ location: '$', reason: 'risk-score point of an unnamed user or group' }]);
  });
});

describe('Mimecast SafeScore', () => {
  it('grades per person and facet, with the hostile rows reported by row and column', async () => {
    const r = await readWith(mimecastReader, 'mimecast-safescore.csv', null);
    const first = r.records.filter((x) => x.location === 'row 2').map((x) => [data(x).metric, data(x).valueText, data(x).value, data(x).control]);
    expect(first).toEqual([
      ['grade_risk', 'F', 0, 'HUM-05'],
      ['grade_human_error', 'C', 2, 'HUM-05'],
      ['grade_sentiment', 'A', 4, 'HUM-05'],
      ['grade_engagement', 'F', 0, 'HUM-02'],
      ['grade_knowledge', 'F', 0, 'HUM-02'],
    ]);
    expect(data(r.records[0]!)).toMatchObject({ group: 'Claims', measuredOn: '2025-10-28', source: 'mimecast' });
    expect(r.problems).toEqual([
      { severity: 'warning', location: 'row 5', field: 'emailAddress', message: 'no e-mail address: the row cannot be given to a person; left out' },
      { severity: 'warning', location: 'row 6', field: 'risk', message: '"X" is not a SafeScore grade (A–F); left out' },
    ]);
    expect(r.records.filter((x) => x.location === 'row 6')).toHaveLength(2);
  });
});

describe('the metric sink', () => {
  it('creates, then finds an identical re-import unchanged and a changed one an update; links the evidence to the controls measured', async () => {
    const { file, a } = newAssessment();
    const refs: Refs = new Map();
    const first = await readWith(knowbe4Reader, 'training_enrollments_response.json', a);
    const { planned, links } = importRecords(a, first.records, refs);
    expect(planned.map((p) => p.action)).toEqual(['create', 'create', 'create', 'create']);
    expect(links).toEqual([{ kind: 'control', target: 'HUM-02', system: null }]);
    expect(listMetrics(a)).toHaveLength(4);
    expect(listMetrics(a).every((m) => m.batchId === 'BATCH-1')).toBe(true);

    const again = await readWith(knowbe4Reader, 'training_enrollments_response.json', a);
    expect(plan(a, again.records, refs).map((p) => p.action)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    const changed = again.records.map((r, i) => (i === 2 ? { ...r, data: { ...data(r), valueText: 'Passed', value: 1 } } : r));
    const second = importRecords(a, changed, refs);
    expect(second.planned.map((p) => [p.action, p.detail])).toEqual([
      ['unchanged', ''],
      ['unchanged', ''],
      ['update', 'value, valueText'],
      ['unchanged', ''],
    ]);
    expect(listMetrics(a)).toHaveLength(4);
    a.close();
    const verdict = verifyFile(file);
    expect(verdict.ok, verdict.message).toBe(true);
  });

  it('plans a malformed figure as a skip with an error naming its place and field', () => {
    const { a } = newAssessment();
    const problems: { location: string; field: string | null; message: string }[] = [];
    const bad = { kind: 'metric' as const, externalId: 'x:1', location: '$[7]', title: 't', system: null, threat: null, data: { subjectKind: 'group', subject: 'Sales', group: 'Sales', metric: 'mood', value: 1, valueText: null, measuredOn: '2026-01-01', label: null, source: 'csv', control: 'HUM-05' } };
    expect(plan(a, [bad], new Map(), problems as never).map((p) => p.action)).toEqual(['skip']);
    expect(problems[0]).toMatchObject({ location: '$[7]', field: 'metric' });
    a.close();
  });

  it('inside a batch, collects one audit entry per figure for the engine to log', async () => {
    const { a } = newAssessment();
    const r = await readWith(knowbe4Reader, 'phishing_security_tests_response.json', a);
    let collected = 0;
    const original = a.collectAudit.bind(a);
    a.collectAudit = ((at: string, fn: () => unknown) => {
      const out = original(at, fn);
      collected = out.entries.length;
      return out;
    }) as typeof a.collectAudit;
    importRecords(a, r.records, new Map(), {}, true);
    expect(collected).toBe(r.records.length);
    expect(collected).toBeGreaterThan(0);
    a.close();
  });
});

/** Every full name, address (and its local part) and alias the sources hold about people. */
function identities(): string[] {
  const found = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.first_name === 'string' && typeof o.last_name === 'string') found.add(`${o.first_name} ${o.last_name}`);
      for (const [k, x] of Object.entries(o)) {
        if (/^(email|manager_name|manager_email|aliases)$/.test(k)) [x].flat().forEach((e) => typeof e === 'string' && found.add(e));
        walk(x);
      }
    }
  };
  for (const f of readdirSync(FIXTURES).filter((n) => n.endsWith('.json'))) walk(JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')));
  const csv = Papa.parse<Record<string, string>>(readFileSync(join(FIXTURES, 'mimecast-safescore.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
  for (const row of csv) for (const cell of [row.emailAddress, row.name]) if (cell) found.add(cell);
  // Local parts that identify someone (bob.r, s_thomas), not generic words such as "admin".
  for (const v of [...found]) if (v.includes('@') && /[._\d]/.test(v.split('@')[0]!)) found.add(v.split('@')[0]!);
  return [...found];
}

describe('no person in the file', () => {
  it('after importing every sample (figures and their evidence), no name or address from the sources is anywhere in the .assay bytes', async () => {
    const { file, a } = newAssessment();
    const refs: Refs = new Map();
    const dir = tempDir();
    const sources: [typeof knowbe4Reader, string][] = [
      ...readdirSync(FIXTURES).filter((n) => n.endsWith('.json')).map((n): [typeof knowbe4Reader, string] => [knowbe4Reader, n]),
      [mimecastReader, 'mimecast-safescore.csv'],
    ];
    for (const [reader, name] of sources) {
      const r = await readWith(reader, name, a);
      const { links } = importRecords(a, r.records, refs);
      if (r.evidence && r.records.length) {
        const path = join(dir, r.evidence.name);
        writeFileSync(path, r.evidence.bytes);
        addEvidenceFiles(a, { paths: [path], details: { title: `Human-risk import ${name}`, description: r.evidence.description }, links }, 'importer');
      }
    }
    expect(listMetrics(a).length).toBeGreaterThan(40);
    a.close();
    const bytes = readFileSync(file);
    const names = identities();
    expect(names).toEqual(expect.arrayContaining(['William Marcoux', 'example2@kb4-demo.com', 'alias_email', 'bob.r', 'Bob Ross', 'Michael Scott', 'Jane.Doe@example.com', 'Maria Okafor', 'grace.hopper@example.com']));
    for (const n of names) {
      expect(bytes.includes(Buffer.from(n)), n).toBe(false);
      expect(bytes.includes(Buffer.from(n.toLowerCase())), n).toBe(false);
    }
    expect(verifyFile(file).ok).toBe(true);
  });
});
