import type { ReportFormat, ReportMeta } from '../../shared/reports/model';
import type { Assessment } from '../store/assessment';
import { renderOscal } from './oscal';
import { renderCsv } from './render/csv';
import { renderDocx } from './render/docx';
import { renderPdf } from './render/pdf';
import type { Renderer } from './render/renderer';
import { renderXlsx } from './render/xlsx';

/** The renderer of each format that renders a report model. */
export const renderers: Partial<Record<Exclude<ReportFormat, 'oscal'>, Renderer>> = {
  pdf: renderPdf,
  docx: renderDocx,
  xlsx: renderXlsx,
  csv: renderCsv,
};

/** OSCAL assessment results cover the whole assessment: rendered from it, not from a report model. */
export const oscalRenderer: { render?: (a: Assessment, meta: ReportMeta) => Buffer } = { render: renderOscal };
