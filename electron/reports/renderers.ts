import type { ReportFormat, ReportMeta } from '../../shared/reports/model';
import type { Assessment } from '../store/assessment';
import type { Renderer } from './render/renderer';

/** The renderer of each format that renders a report model. */
export const renderers: Partial<Record<Exclude<ReportFormat, 'oscal'>, Renderer>> = {};

/** OSCAL assessment results cover the whole assessment: rendered from it, not from a report model. */
export const oscalRenderer: { render?: (a: Assessment, meta: ReportMeta) => Buffer } = {};
