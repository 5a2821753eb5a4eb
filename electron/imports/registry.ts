import type { RecordKind } from '../../shared/imports/model';
import type { FormatReader, RecordSink } from './importer';
import { cyclonedxReader } from './formats/cyclonedx';
import { spdxReader } from './formats/spdx';
import { componentsSink } from './sinks/components';

/**
 * Every format Assay reads and every kind of record it writes. A format adds its reader here and
 * nothing else changes: detection, the preview, the job and the three doors pick it up.
 */
export const readers: readonly FormatReader[] = [cyclonedxReader, spdxReader];

export const sinks: Partial<Record<RecordKind, RecordSink>> = { component: componentsSink };
