import type Database from 'better-sqlite3';
import { metricRow } from '../../shared/domain/human-risk/log';
import { HumanMetric, MetricInput, PSEUDONYM } from '../../shared/domain/human-risk/model';
import type { TableRows } from '../../shared/domain/replay';
import { AssayError } from '../../shared/errors';
import type { Assessment } from './assessment';
import { invalid } from './record-tables';

/**
 * The human-risk figures of an assessment. Each figure written is logged with its whole record;
 * bulk imports write through one prepared statement inside the caller's transaction.
 */

const COLUMNS = 'id, subject_kind, subject, group_name, metric, value, value_text, measured_on, label, source, control_id, external_id, batch_id, recorded_at, recorded_by';

interface MetricDbRow {
  id: string;
  subject_kind: HumanMetric['subjectKind'];
  subject: string;
  group_name: string | null;
  metric: HumanMetric['metric'];
  value: number | null;
  value_text: string | null;
  measured_on: string;
  label: string | null;
  source: string;
  control_id: HumanMetric['control'];
  external_id: string | null;
  batch_id: string | null;
}

function toMetric(r: MetricDbRow): HumanMetric {
  return {
    id: r.id,
    subjectKind: r.subject_kind,
    subject: r.subject,
    group: r.group_name,
    metric: r.metric,
    value: r.value,
    valueText: r.value_text,
    measuredOn: r.measured_on,
    label: r.label,
    source: r.source,
    control: r.control_id,
    externalId: r.external_id,
    batchId: r.batch_id,
  };
}

/** What verify compares with the replayed log. */
export function readHumanRiskTables(db: Database.Database): Record<string, TableRows> {
  const rows: TableRows = new Map();
  for (const r of db.prepare(`SELECT ${COLUMNS} FROM human_metric`).all() as (MetricDbRow & { recorded_at: string; recorded_by: string })[])
    rows.set(r.id, metricRow(toMetric(r), r.recorded_at, r.recorded_by));
  return { human_metric: rows };
}

export function listMetrics(a: Assessment): HumanMetric[] {
  return (a.db.prepare(`SELECT ${COLUMNS} FROM human_metric ORDER BY measured_on, id`).all() as MetricDbRow[]).map(toMetric);
}

export function getMetric(a: Assessment, id: string): HumanMetric | undefined {
  const row = a.db.prepare(`SELECT ${COLUMNS} FROM human_metric WHERE id = ?`).get(id) as MetricDbRow | undefined;
  return row ? toMetric(row) : undefined;
}

function nextNumber(db: Database.Database): number {
  const row = db.prepare("SELECT max(CAST(substr(id, 5) AS INTEGER)) AS n FROM human_metric WHERE id LIKE 'HRM-%'").get() as { n: number | null };
  return (row.n ?? 0) + 1;
}

export interface MetricWrite {
  input: MetricInput;
  /** The figure this replaces (a re-import of the same external id); absent for a new one. */
  id?: string | undefined;
  /** Where it came from, for errors: "row 12", "$[3]". */
  location?: string;
}

export interface RecordOptions {
  batchId?: string | null;
  /** The user chose to keep people's identifiers instead of pseudonyms for this import. */
  keepIdentities?: boolean;
}

/**
 * Records figures (new ones and new versions of existing ones) in one transaction: any invalid
 * one refuses them all, naming it. A person's subject must be a pseudonym unless the user chose
 * to keep identities: this is the last door before a name would reach the file and its log.
 */
export function recordMetrics(a: Assessment, writes: readonly MetricWrite[], actor: string, options: RecordOptions = {}): HumanMetric[] {
  const checked = writes.map((w, i) => {
    const parsed = MetricInput.safeParse(w.input);
    const where = w.location ?? `figure ${i + 1}`;
    if (!parsed.success) throw invalid(where, parsed.error);
    if (parsed.data.subjectKind === 'person' && !options.keepIdentities && !PSEUDONYM.test(parsed.data.subject))
      throw new AssayError('invalid_input', `${where}: subject: a person is recorded by pseudonym (p-…) unless identities are kept on purpose; nothing was changed`, [
        { path: 'subject', message: 'not a pseudonym' },
      ]);
    return { ...w, input: parsed.data };
  });
  return a.write((at) => {
    let next = nextNumber(a.db);
    const insert = a.db.prepare(
      `INSERT INTO human_metric (${COLUMNS}) VALUES (@id, @subject_kind, @subject, @group_name, @metric, @value, @value_text, @measured_on, @label, @source, @control_id, @external_id, @batch_id, @recorded_at, @recorded_by)
       ON CONFLICT (id) DO UPDATE SET subject_kind = excluded.subject_kind, subject = excluded.subject, group_name = excluded.group_name, metric = excluded.metric,
         value = excluded.value, value_text = excluded.value_text, measured_on = excluded.measured_on, label = excluded.label, source = excluded.source,
         control_id = excluded.control_id, external_id = excluded.external_id, batch_id = excluded.batch_id, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by`,
    );
    const exists = a.db.prepare('SELECT 1 FROM human_metric WHERE id = ?');
    return checked.map((w) => {
      if (w.id !== undefined && !exists.get(w.id)) throw new AssayError('not_found', `${a.file}: has no human-risk figure ${w.id}; nothing was changed`);
      const id = w.id ?? `HRM-${String(next++).padStart(6, '0')}`;
      const metric: HumanMetric = { id, ...w.input, batchId: options.batchId ?? null };
      const entry = a.audit({ at, actor, command: 'humanRisk.record', entity: 'human_metric', entityId: id, payload: { metric } });
      insert.run({ id, ...metricRow(metric, at, entry.actor) });
      return metric;
    });
  });
}
