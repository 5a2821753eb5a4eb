import type { MetricInput, MetricKind } from '../../../shared/domain/human-risk/model';
import { AssayError } from '../../../shared/errors';
import type { FormatReader, ImportRecord, ReadContext } from '../importer';
import { jsonPath, parseJson } from '../safe-json';
import { dayOf, figureRecord, figuresEvidence, personKey, todayUtc } from './human-risk-common';

/**
 * KnowBe4 KMSAT Reporting API responses: phishing security tests (per group), a test's failed
 * recipients (per person), training enrolments (per person), users with their phish-prone
 * percentage and risk score, groups with their risk score, and risk-score history. The kind of
 * response is told from its keys; people are pseudonymised before anything leaves this file.
 */

type Item = Record<string, unknown>;
type Shape = 'tests' | 'recipients' | 'enrolments' | 'users' | 'groups' | 'history';

const has = (item: Item, ...keys: string[]) => keys.every((k) => Object.hasOwn(item, k));

function shapeOf(item: Item): Shape | null {
  if (has(item, 'recipient_id', 'pst_id')) return 'recipients';
  if (has(item, 'pst_id') && (has(item, 'delivered_count') || has(item, 'phish_prone_percentage'))) return 'tests';
  if (has(item, 'enrollment_id')) return 'enrolments';
  if (has(item, 'email') && (has(item, 'current_risk_score') || has(item, 'phish_prone_percentage'))) return 'users';
  if (has(item, 'name', 'current_risk_score') && (has(item, 'member_count') || has(item, 'group_type'))) return 'groups';
  if (has(item, 'risk_score', 'date')) return 'history';
  return null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null);

interface Reading {
  ctx: ReadContext;
  records: ImportRecord<MetricInput>[];
  file: string;
}

/** The person of a user object: their address, else KnowBe4's user id (still pseudonymised). */
function person(r: Reading, user: unknown, where: string): string | null {
  const u = (user && typeof user === 'object' ? user : {}) as Item;
  const id = str(u.email) ?? (str(u.id) ? `knowbe4-user:${str(u.id)}` : null);
  if (!id) r.ctx.problem({ severity: 'warning', location: where, field: 'email', message: 'names no user (no email or id); left out' });
  return id ? personKey(r.ctx, id) : null;
}

const testCounts: [string, MetricKind, string][] = [
  ['delivered_count', 'phish_delivered', 'delivered'],
  ['opened_count', 'phish_opened', 'opened'],
  ['clicked_count', 'phish_clicked', 'clicked'],
  ['reported_count', 'phish_reported', 'reported'],
  ['data_entered_count', 'phish_data_entered', 'data-entered'],
];

function readTest(r: Reading, t: Item, where: string): void {
  const pst = str(t.pst_id)!;
  const day = dayOf(t.started_at) ?? dayOf(t.scheduled_at);
  if (!day) return r.ctx.problem({ severity: 'warning', location: where, field: 'started_at', message: `phishing test ${pst} has no start date; left out` });
  const label = str(t.name) ? `Phishing test ${pst}: ${str(t.name)}` : `Phishing test ${pst}`;
  const groups = (Array.isArray(t.groups) ? t.groups : []).map((g) => str((g as Item | null)?.name)).filter((g): g is string => g !== null);
  // A test sent to several groups reports one set of figures: each group gets them.
  const subjects = groups.length ? groups.map((g) => ({ subjectKind: 'group' as const, subject: g, group: g })) : [{ subjectKind: 'organisation' as const, subject: '', group: null }];
  for (const s of subjects) {
    const base = { ...s, valueText: null, measuredOn: day, label, source: 'knowbe4' };
    const key = `knowbe4:pst:${pst}:${s.subject || 'organisation'}`;
    const ppp = num(t.phish_prone_percentage);
    if (ppp !== null) r.records.push(figureRecord(`${key}:phish-prone`, where, { ...base, metric: 'phish_prone_pct', value: ppp }));
    for (const [field, metric, name] of testCounts) {
      const n = num(t[field]);
      if (n !== null) r.records.push(figureRecord(`${key}:${name}`, where, { ...base, metric, value: n }));
    }
  }
}

const recipientEvents: [string, MetricKind, string][] = [
  ['delivered_at', 'phish_delivered', 'delivered'],
  ['opened_at', 'phish_opened', 'opened'],
  ['clicked_at', 'phish_clicked', 'clicked'],
  ['reported_at', 'phish_reported', 'reported'],
  ['data_entered_at', 'phish_data_entered', 'data-entered'],
];

function readRecipient(r: Reading, x: Item, where: string): void {
  const who = person(r, x.user, `${where}.user`);
  if (!who) return;
  const pst = str(x.pst_id)!;
  const day = dayOf(x.delivered_at) ?? dayOf(x.scheduled_at);
  if (!day) return r.ctx.problem({ severity: 'warning', location: where, field: 'delivered_at', message: `a recipient of phishing test ${pst} has no delivery date; left out` });
  const template = str((x.template as Item | null)?.name);
  const base = { subjectKind: 'person' as const, subject: who, group: null, valueText: null, measuredOn: day, label: `Phishing test ${pst}${template ? `: ${template}` : ''}`, source: 'knowbe4' };
  for (const [field, metric, name] of recipientEvents) r.records.push(figureRecord(`knowbe4:pst:${pst}:${who}:${name}`, where, { ...base, metric, value: x[field] ? 1 : 0 }));
}

const DONE = new Set(['passed', 'completed', 'complete']);

function readEnrolment(r: Reading, e: Item, where: string): void {
  const who = person(r, e.user, `${where}.user`);
  if (!who) return;
  const status = str(e.status);
  const day = dayOf(e.completion_date) ?? dayOf(e.start_date) ?? dayOf(e.enrollment_date);
  if (!status || !day) return r.ctx.problem({ severity: 'warning', location: where, field: status ? 'enrollment_date' : 'status', message: 'an enrolment without status or date; left out' });
  r.records.push(
    figureRecord(`knowbe4:enrollment:${str(e.enrollment_id)}`, where, {
      subjectKind: 'person',
      subject: who,
      group: null,
      metric: 'training_status',
      value: DONE.has(status.toLowerCase()) ? 1 : 0,
      valueText: status,
      measuredOn: day,
      label: str(e.module_name),
      source: 'knowbe4',
    }),
  );
}

/** A user snapshot has no date of its own: it speaks for the day it is imported, one figure per month. */
function readUser(r: Reading, u: Item, where: string): void {
  const who = person(r, u, where);
  if (!who) return;
  const today = todayUtc();
  const base = { subjectKind: 'person' as const, subject: who, group: str(u.department) ?? str(u.division), valueText: null, measuredOn: today, label: null, source: 'knowbe4' };
  const month = today.slice(0, 7);
  const ppp = num(u.phish_prone_percentage);
  const risk = num(u.current_risk_score);
  if (ppp !== null) r.records.push(figureRecord(`knowbe4:user:${who}:phish-prone:${month}`, where, { ...base, metric: 'phish_prone_pct', value: ppp }));
  if (risk !== null) r.records.push(figureRecord(`knowbe4:user:${who}:risk-score:${month}`, where, { ...base, metric: 'risk_score', value: risk }));
}

function readGroup(r: Reading, g: Item, where: string): void {
  const name = str(g.name)!;
  const risk = num(g.current_risk_score);
  if (risk === null) return r.ctx.problem({ severity: 'warning', location: where, field: 'current_risk_score', message: `group ${name} has no risk score; left out` });
  const today = todayUtc();
  r.records.push(
    figureRecord(`knowbe4:group:${name}:risk-score:${today.slice(0, 7)}`, where, { subjectKind: 'group', subject: name, group: name, metric: 'risk_score', value: risk, valueText: null, measuredOn: today, label: null, source: 'knowbe4' }),
  );
}

function readHistory(r: Reading, h: Item, where: string): void {
  const day = dayOf(h.date);
  const risk = num(h.risk_score);
  if (!day || risk === null) return r.ctx.problem({ severity: 'warning', location: where, field: day ? 'risk_score' : 'date', message: 'a risk-score point without a date or score; left out' });
  r.records.push(figureRecord(`knowbe4:account-risk:${day}`, where, { subjectKind: 'organisation', subject: '', group: null, metric: 'risk_score', value: risk, valueText: null, measuredOn: day, label: 'Account risk score', source: 'knowbe4' }));
}

const readers: Record<Shape, (r: Reading, item: Item, where: string) => void> = {
  tests: readTest,
  recipients: readRecipient,
  enrolments: readEnrolment,
  users: readUser,
  groups: readGroup,
  history: readHistory,
};

export const knowbe4Reader: FormatReader = {
  format: 'knowbe4',
  label: 'KnowBe4 Reporting API (JSON): phishing tests, recipients, training enrolments, users, groups, risk-score history',
  kinds: ['metric'],
  detect(sniff) {
    const head = sniff.head.trimStart();
    if (!head.startsWith('[') && !head.startsWith('{')) return 0;
    const key = (k: string) => head.includes(`"${k}"`);
    if (key('pst_id') && (key('delivered_count') || key('recipient_id'))) return 90;
    if (key('enrollment_id') && key('module_name')) return 90;
    if (key('phish_prone_percentage') || key('current_risk_score')) return 85;
    if (/^[[{]\s*\{?\s*"(risk_score|date)"/.test(head) && key('risk_score') && key('date')) return 60;
    return 0;
  },
  read(source, ctx) {
    const value = parseJson(source.text(), source.name);
    const items = Array.isArray(value) ? value : [value];
    const path = (i: number) => (Array.isArray(value) ? jsonPath(i) : '$');
    const r: Reading = { ctx, records: [], file: source.name };
    const first = items.find((x): x is Item => x !== null && typeof x === 'object' && !Array.isArray(x));
    const shape = first ? shapeOf(first) : null;
    if (!shape) throw new AssayError('invalid_input', `${source.name}: ${path(0)}: is not a KnowBe4 Reporting API response Assay reads (phishing tests, recipients, training enrolments, users, groups or risk-score history)`);
    // A user's or group's risk-score history does not say whose it is; it cannot be given to anyone.
    if (shape === 'history' && /user|group/i.test(source.name)) {
      ctx.problem({ severity: 'warning', location: '$', field: null, message: "a user's or group's risk-score history does not name the user or group; only the account's history (account_risk_score_history) is imported" });
      items.forEach((_x, i) => ctx.skip(path(i), 'risk-score point of an unnamed user or group'));
      return { records: [] };
    }
    items.forEach((item, i) => {
      if (ctx.isCancelled()) return;
      const where = path(i);
      if (!item || typeof item !== 'object' || Array.isArray(item) || shapeOf(item as Item) !== shape) {
        ctx.problem({ severity: 'error', location: where, field: null, message: `is not like the other items of this ${shape} response` });
        return;
      }
      readers[shape](r, item as Item, where);
      ctx.progress(i + 1, items.length);
    });
    return { records: r.records, evidence: figuresEvidence(source, 'knowbe4', r.records, !ctx.options.keepIdentities) };
  },
};
