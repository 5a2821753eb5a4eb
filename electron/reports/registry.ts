import type { ReportRegistry } from './source';

/** Every report the generator knows, by type (each entry: its gatherer and pure builder). */
export const reportSources: ReportRegistry = {};
