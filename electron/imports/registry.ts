import type { RecordKind } from '../../shared/imports/model';
import type { FormatReader, RecordSink } from './importer';
import { knowbe4Reader } from './formats/knowbe4';
import { mimecastReader } from './formats/mimecast';
import { metricSink } from './sinks/metrics';

/**
 * Every format Assay reads and every kind of record it writes. A format adds its reader here and
 * nothing else changes: detection, the preview, the job and the three doors pick it up.
 */
export const readers: readonly FormatReader[] = [knowbe4Reader, mimecastReader];

export const sinks: Partial<Record<RecordKind, RecordSink>> = { metric: metricSink };
