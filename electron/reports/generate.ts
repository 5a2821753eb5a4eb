import { createHash } from 'node:crypto';
import { AssayError } from '../../shared/errors';
import { type Audience, type ReportDoc, type ReportFormat, type ReportMeta, type ReportSection, type ReportType, reportTitles } from '../../shared/reports/model';
import { signoffBlocks } from '../../shared/reports/build/signoff-blocks';
import { gatherSignoffs } from './data/signoffs';
import { APP_VERSION } from '../version';
import type { Assessment } from '../store/assessment';
import { generationTime, parseReportOptions, resolveScope } from './options';
import { type StateSummary, currentState } from './state';
import type { RenderContext, Renderer } from './render/renderer';
import { oscalRenderer, renderers as allRenderers } from './renderers';
import { reportSources as allSources } from './registry';
import { redactNames } from '../../shared/reports/redact';
import { knownNames } from '../store/people';
import type { ReportRegistry } from './source';

/**
 * Generates one report from an assessment opened for reading: options checked, scope resolved,
 * the report's data gathered and built into the model, rendered. Nothing here writes to the
 * assessment, so the head the report cites stays current and the same assessment and clock give
 * the same bytes.
 */

export interface GenerateHooks extends RenderContext {
  /** Who generates the report (a display name). */
  actor: string;
  /** ISO time of generation; default: SOURCE_DATE_EPOCH when set, else the clock. */
  now?: string;
  sources?: ReportRegistry;
  renderers?: Partial<Record<ReportFormat, Renderer>>;
}

export interface Generated {
  format: ReportFormat;
  meta: ReportMeta;
  /** The model rendered (null for OSCAL, rendered from the assessment itself). */
  doc: ReportDoc | null;
  bytes: Buffer;
  sha256: string;
  state: StateSummary;
  evidence: { id: string; sha256: string }[];
}

export async function generateReport(a: Assessment, options: unknown, hooks: GenerateHooks): Promise<Generated> {
  const o = parseReportOptions(options);
  const cancelled = () => {
    if (hooks.isCancelled?.()) throw new AssayError('refused', 'report generation was cancelled; nothing was written');
  };
  const generatedAt = hooks.now ?? generationTime();
  const scope = resolveScope(a, o, generatedAt.slice(0, 10));
  const summary = a.summary();
  const head = a.head();
  const meta: ReportMeta = {
    type: o.type,
    title: reportTitles[o.type],
    subtitle: null,
    assessment: { id: summary.id, name: summary.name },
    head: { count: head.count, hash: head.hash },
    catalogVersion: summary.catalogVersion,
    assayVersion: APP_VERSION,
    generatedAt,
    generatedBy: o.audience === 'external' ? '[redacted]' : hooks.actor,
    paper: o.paper,
    label: o.label,
    audience: o.audience,
    frameworks: scope.allFrameworks ? [] : scope.frameworks.map((f) => f.id),
    systems: scope.allSystems ? [] : scope.systems.map((s) => s.id),
  };
  hooks.onProgress?.(0, 3);
  // The state is read first: the report and its manifest describe the same reads of one file.
  const state = currentState(a);
  cancelled();
  if (o.format === 'oscal') {
    const render = oscalRenderer.render;
    if (!render) throw new AssayError('internal', 'OSCAL export is not available in this build');
    const oscalMeta = { ...meta, title: 'OSCAL assessment results (the whole assessment)' };
    const bytes = render(a, oscalMeta);
    return { format: o.format, meta: oscalMeta, doc: null, bytes, sha256: sha256(bytes), state, evidence: [] };
  }
  const source = (hooks.sources ?? allSources)[o.type];
  if (!source) throw new AssayError('internal', `the ${reportTitles[o.type].toLowerCase()} is not available in this build`);
  const built = source.build(source.gather(a, scope), meta, scope);
  hooks.onProgress?.(1, 3);
  cancelled();
  const model: ReportDoc = { meta: { ...meta, subtitle: built.subtitle }, sections: [...built.sections, ...signoffSection(a, o.type, o.format, o.audience)], evidence: built.evidence };
  const doc = o.audience === 'external' ? redactNames(model, knownNames(a.db)) : model;
  const renderer = (hooks.renderers ?? allRenderers)[o.format];
  if (!renderer) throw new AssayError('internal', `${o.format.toUpperCase()} rendering is not available in this build`);
  const bytes = await renderer(doc, { isCancelled: hooks.isCancelled, onProgress: (done, total) => hooks.onProgress?.(1 + done / Math.max(total, 1), 3) });
  cancelled();
  hooks.onProgress?.(3, 3);
  return { format: o.format, meta: doc.meta, doc, bytes, sha256: sha256(bytes), state, evidence: built.evidence };
}

/**
 * Every document report carries the recorded sign-offs with their fingerprints (the executive
 * summary has its own sign-off section, with blank lines for the roles still to sign). Tabular
 * exports stay one table per sheet or file, and a report of an unsigned assessment gets nothing.
 */
function signoffSection(a: Assessment, type: ReportType, format: ReportFormat, audience: Audience): ReportSection[] {
  if (type === 'executive' || (format !== 'pdf' && format !== 'docx')) return [];
  const signoffs = gatherSignoffs(a);
  return signoffs.length ? [{ title: 'Sign-offs', blocks: signoffBlocks(signoffs, audience, []) }] : [];
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
