import { type MetricInput, type MetricKind, gradePoints } from '../../../shared/domain/human-risk/model';
import { AssayError } from '../../../shared/errors';
import type { FormatReader, ImportRecord } from '../importer';
import { readCsvTable } from '../tabular/read-table';
import { dayOf, figureRecord, figuresEvidence, personKey, todayUtc } from './human-risk-common';

/**
 * Mimecast Awareness Training SafeScore details (CSV, as the Sentinel connector and the API
 * export give them): per user, letter grades A–F for risk, human error, sentiment, engagement and
 * knowledge. The user's address becomes a pseudonym; the name column is never read.
 */

const gradeColumns: [string, MetricKind][] = [
  ['risk', 'grade_risk'],
  ['humanerror', 'grade_human_error'],
  ['sentiment', 'grade_sentiment'],
  ['engagement', 'grade_engagement'],
  ['knowledge', 'grade_knowledge'],
];
const facet = (kind: MetricKind) => kind.replace(/^grade_/, '').replace(/_/g, '-');

function column(columns: readonly string[], name: string): string | undefined {
  return columns.find((c) => c.toLowerCase().replace(/[\s_]/g, '') === name);
}

export const mimecastReader: FormatReader = {
  format: 'mimecast',
  label: 'Mimecast Awareness Training SafeScore (CSV)',
  kinds: ['metric'],
  detect(sniff) {
    const header = (sniff.head.split(/\r?\n/, 1)[0] ?? '').toLowerCase().replace(/["\s_]/g, '');
    const cells = new Set(header.split(/[,;\t|]/));
    const grades = gradeColumns.filter(([c]) => cells.has(c)).length;
    return cells.has('emailaddress') && grades >= 3 ? 90 : 0;
  },
  read(source, ctx) {
    const table = readCsvTable(source, ctx);
    const email = column(table.columns, 'emailaddress');
    if (!email) throw new AssayError('invalid_input', `${source.name}: row ${table.headerRow}: has no emailAddress column; a SafeScore export names each user by address`);
    const department = column(table.columns, 'department');
    const time = column(table.columns, 'timegenerated[utc]') ?? column(table.columns, 'timegenerated');
    const grades = gradeColumns.map(([c, kind]) => [column(table.columns, c), kind] as const).filter((g): g is [string, MetricKind] => g[0] !== undefined);
    const records: ImportRecord<MetricInput>[] = [];
    const today = todayUtc();
    table.rows.forEach((row, i) => {
      if (ctx.isCancelled()) return;
      const address = row.cells[email];
      if (typeof address !== 'string' || !address.includes('@')) {
        ctx.problem({ severity: 'warning', location: row.location, field: email, message: 'no e-mail address: the row cannot be given to a person; left out' });
        return;
      }
      const who = personKey(ctx, address);
      const day = (time ? dayOf(row.cells[time]) : null) ?? today;
      const group = department && row.cells[department] !== null ? String(row.cells[department]) : null;
      for (const [col, kind] of grades) {
        const cell = row.cells[col];
        if (cell === null || cell === undefined) continue;
        const letter = String(cell).trim().toUpperCase();
        if (!Object.hasOwn(gradePoints, letter)) {
          ctx.problem({ severity: 'warning', location: row.location, field: col, message: `"${String(cell)}" is not a SafeScore grade (A–F); left out` });
          continue;
        }
        records.push(
          figureRecord(`mimecast:safescore:${who}:${facet(kind)}:${day}`, row.location, {
            subjectKind: 'person',
            subject: who,
            group,
            metric: kind,
            value: gradePoints[letter]!,
            valueText: letter,
            measuredOn: day,
            label: null,
            source: 'mimecast',
          }),
        );
      }
      ctx.progress(i + 1, table.rows.length);
    });
    return { records, evidence: figuresEvidence(source, 'mimecast', records, !ctx.options.keepIdentities) };
  },
};
