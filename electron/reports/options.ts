import { AssayError } from '../../shared/errors';
import { ReportOptions, type ReportOptionsParsed, reportTitles, tabularReports } from '../../shared/reports/model';
import type { ReportScope } from '../../shared/reports/scope';
import type { Assessment } from '../store/assessment';
import { listSystems } from '../store/systems';

/**
 * Report options, checked where a request arrives (the command's handler, before any job starts)
 * and again by the generator. Kept apart from the generator, which loads every renderer: the
 * doors and the command line start without loading pdfmake, docx or exceljs.
 */

/** The reproducible-builds convention: SOURCE_DATE_EPOCH (seconds since 1970) fixes every date written. */
export function generationTime(env: NodeJS.ProcessEnv = process.env, clock: () => Date = () => new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (!epoch) return clock().toISOString();
  if (!/^\d{1,12}$/.test(epoch)) throw new AssayError('invalid_input', `SOURCE_DATE_EPOCH is "${epoch}"; it must be a whole number of seconds since 1970-01-01 (e.g. $(date +%s))`);
  return new Date(Number(epoch) * 1000).toISOString();
}

export function parseReportOptions(input: unknown): ReportOptionsParsed {
  const parsed = ReportOptions.safeParse(input ?? {});
  if (!parsed.success) throw new AssayError('invalid_input', `report options: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('; ')}`);
  const o = parsed.data;
  if ((o.format === 'xlsx' || o.format === 'csv') && !tabularReports.includes(o.type))
    throw new AssayError('invalid_input', `${reportTitles[o.type]} is not a table; ${o.format.toUpperCase()} is written for ${tabularReports.join(', ')} (choose pdf or docx)`);
  return o;
}

/** The systems and frameworks chosen, by id or exact name, or all of them; an unknown one is refused by name. */
export function resolveScope(a: Assessment, o: ReportOptionsParsed, today: string): ReportScope {
  const systems = listSystems(a).map((s) => ({ id: s.id, name: s.name }));
  const frameworks = a.catalog().frameworks.map((f) => ({ id: f.id, name: f.name }));
  const pick = <T extends { id: string; name: string }>(all: T[], wanted: string[] | undefined, what: string): T[] => {
    if (!wanted?.length) return all;
    return wanted.map((w) => {
      const found = all.find((x) => x.id.toLowerCase() === w.toLowerCase() || x.name.toLowerCase() === w.toLowerCase());
      if (!found) throw new AssayError('invalid_input', `${what} "${w}" is not in this assessment; it has ${all.map((x) => x.id).join(', ') || 'none'}`);
      return found;
    });
  };
  return {
    systems: pick(systems, o.systems, 'system'),
    frameworks: pick(frameworks, o.frameworks, 'framework'),
    allSystems: !o.systems?.length,
    allFrameworks: !o.frameworks?.length,
    today,
  };
}
