import type { ReportType } from '../../shared/reports/model';
import type { ReportBuilder, ReportScope } from '../../shared/reports/scope';
import type { Assessment } from '../store/assessment';

/**
 * One report = a gatherer on the Node side (reads the assessment through the store functions the
 * read commands use; never writes) and a pure builder in shared/reports/build/<type>.ts that turns
 * the gathered data into the model. The generator looks reports up in the registry below.
 */
export interface ReportSource<D = unknown> {
  gather(a: Assessment, scope: ReportScope): D;
  build: ReportBuilder<D>;
}

export type ReportRegistry = Partial<Record<ReportType, ReportSource<unknown>>>;

/** Registers a report: its data type stays checked between its gatherer and its builder. */
export function defineReport<D>(source: ReportSource<D>): ReportSource<unknown> {
  return source as unknown as ReportSource<unknown>;
}
