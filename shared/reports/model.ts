import { z } from 'zod';
import { formatTimestamp } from '../format-date';

/**
 * A report as a plain model: what it says, in sections, paragraphs, tables and figures, with every
 * number already computed from the assessment by the shared domain functions. One renderer per
 * format turns the same model into bytes, so the PDF and the DOCX of one report always say the same
 * thing. Nothing here knows about pages, fonts or files; renderers decide layout.
 */

export const reportTypes = ['executive', 'gap', 'soa', 'risks', 'trace', 'evidence', 'annex-iv', 'aibom', 'findings', 'human-risk'] as const;
export type ReportType = (typeof reportTypes)[number];

export const reportTitles: Record<ReportType, string> = {
  executive: 'Executive summary',
  gap: 'Gap assessment',
  soa: 'Statement of Applicability',
  risks: 'Risk register',
  trace: 'Traceability matrix',
  evidence: 'Evidence index',
  'annex-iv': 'EU AI Act technical documentation (Annex IV)',
  aibom: 'AI bill of materials',
  findings: 'Findings and plan of action',
  'human-risk': 'Human-risk summary',
};

export const reportFormats = ['pdf', 'docx', 'xlsx', 'csv', 'oscal'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** Reports that are mostly one table: these also come as XLSX (every table a sheet) and CSV (the main table). */
export const tabularReports: readonly ReportType[] = ['gap', 'soa', 'risks', 'trace', 'evidence', 'aibom', 'findings', 'human-risk'];

export const paperSizes = ['A4', 'Letter'] as const;
export type PaperSize = (typeof paperSizes)[number];

/**
 * Who the report is for. `external`: people's names (owners, approvers, who generated it) are
 * replaced by their role or "redacted", and human-risk figures stay pseudonymised, for recipients
 * outside the organisation.
 */
export const audiences = ['internal', 'external'] as const;
export type Audience = (typeof audiences)[number];

/** The Traffic Light Protocol labels (FIRST TLP 2.0), or a label of the organisation's own. */
export const tlpLabels = ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'] as const;

export const ReportOptions = z
  .object({
    type: z.enum(reportTypes),
    format: z.enum(reportFormats),
    /** Framework ids to cover (gap, trace); empty or absent: every framework of the catalog. */
    frameworks: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
    /** System ids or exact names in scope; empty or absent: every system. */
    systems: z.array(z.string().trim().min(1).max(200)).max(500).optional(),
    paper: z.enum(paperSizes).default('A4'),
    label: z.string().trim().min(1).max(60).default('TLP:AMBER'),
    audience: z.enum(audiences).default('internal'),
  })
  .strict();
export type ReportOptions = z.input<typeof ReportOptions>;
export type ReportOptionsParsed = z.output<typeof ReportOptions>;

/** What every report states about where it comes from (and what its manifest repeats). */
export interface ReportMeta {
  type: ReportType;
  title: string;
  /** e.g. the framework or system the report is about; shown under the title. */
  subtitle: string | null;
  assessment: { id: string; name: string };
  /** The audit head the report cites: entry count and head hash (the anchor of step 3). */
  head: { count: number; hash: string };
  catalogVersion: string;
  assayVersion: string;
  /** ISO time of generation: SOURCE_DATE_EPOCH when set, else the clock. */
  generatedAt: string;
  /** Who generated it (a name, or "redacted" for an external audience). */
  generatedBy: string;
  paper: PaperSize;
  label: string;
  audience: Audience;
  /** Scope as chosen: framework ids and system ids (empty: all). */
  frameworks: string[];
  systems: string[];
}

export type Cell = string | number | null;

export interface TableColumn {
  key: string;
  label: string;
  /** Relative width (renderers share the page width by these); default 1. */
  width?: number;
  align?: 'left' | 'right' | 'center';
}

/**
 * A table. Renderers repeat the header row on every page. `main` marks the table a CSV export
 * of the report holds (one per report); XLSX writes every table as a sheet named by `sheet`.
 */
export interface TableBlock {
  kind: 'table';
  sheet: string;
  caption: string | null;
  columns: TableColumn[];
  rows: Cell[][];
  main?: boolean;
}

/**
 * A chart: an ECharts option built by the same pure builders the app's dashboard uses
 * (shared/charts), rendered to SVG outside the browser; PDF embeds the SVG, DOCX an image
 * rendered from it. Width and height in points (1/72 inch).
 */
export interface FigureBlock {
  kind: 'figure';
  caption: string;
  option: Record<string, unknown>;
  width: number;
  height: number;
  /** The figure's data in words, for readers who cannot see the chart (and for text checks). */
  alt: string;
}

export type Block =
  | { kind: 'paragraph'; text: string; tone?: 'normal' | 'muted' | 'warning' }
  | { kind: 'list'; items: string[] }
  /** Label and value pairs, e.g. the assessment's identity, a system's classification. */
  | { kind: 'facts'; rows: [label: string, value: string][] }
  | TableBlock
  | FigureBlock
  /** Lines for signatures: role, name (if known), date, key fingerprint (step 7). */
  | { kind: 'signoff'; rows: { role: string; name: string | null; date: string | null; fingerprint: string | null }[] }
  | { kind: 'pagebreak' };

/** A numbered section ("2", "2.1"): renderers number headings and list them in the table of contents. */
export interface ReportSection {
  title: string;
  blocks: Block[];
  sections?: ReportSection[];
}

export interface ReportDoc {
  meta: ReportMeta;
  sections: ReportSection[];
  /** SHA-256 of every evidence file the report cites (by evidence-index id): the manifest lists them. */
  evidence: { id: string; sha256: string }[];
}

/** The numbered headings in order, as renderers number them and the table of contents lists them. */
export function outline(sections: readonly ReportSection[], prefix = ''): { number: string; title: string; depth: number }[] {
  return sections.flatMap((s, i) => {
    const number = `${prefix}${i + 1}`;
    return [{ number, title: s.title, depth: number.split('.').length }, ...outline(s.sections ?? [], `${number}.`)];
  });
}

/** The line every page's running header and the title page carry. */
export function runningHeader(meta: ReportMeta): string {
  return `${meta.assessment.name} · ${meta.title} · ${meta.label}`;
}

/** The provenance lines every report states (title page and manifest agree on them). */
export function provenance(meta: ReportMeta): [string, string][] {
  return [
    ['Assessment', `${meta.assessment.name} (${meta.assessment.id})`],
    ['Audit head', `${meta.head.count}:${meta.head.hash}`],
    ['Catalog version', meta.catalogVersion],
    ['Assay version', meta.assayVersion],
    ['Generated', formatTimestamp(meta.generatedAt)],
    ['Generated by', meta.generatedBy],
    ['Classification', meta.label],
    ['Audience', meta.audience === 'external' ? 'external (personal names redacted)' : 'internal'],
  ];
}
