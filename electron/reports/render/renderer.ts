import type { ReportDoc } from '../../../shared/reports/model';

/**
 * One renderer per format turns a report model into the file's bytes. Renderers are pure given
 * the model: the same model gives the same bytes (every date comes from meta.generatedAt, never
 * from the clock), so a report is reproducible and its manifest's SHA-256 can be checked.
 */
export interface RenderContext {
  /** Polled between pages or tables; when it answers true the renderer throws. */
  isCancelled?: () => boolean;
  onProgress?: (done: number, total: number) => void;
}

export type Renderer = (doc: ReportDoc, ctx?: RenderContext) => Promise<Buffer>;
