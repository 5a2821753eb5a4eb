import type { RecordKind } from '../../shared/imports/model';
import { grypeReader } from './formats/grype';
import { oscalReader } from './formats/oscal';
import { sarifReader } from './formats/sarif';
import { trivyReader } from './formats/trivy';
import type { FormatReader, RecordSink } from './importer';
import { frameworkSink } from './sinks/framework';
import { cyclonedxReader } from './formats/cyclonedx';
import { spdxReader } from './formats/spdx';
import { componentsSink } from './sinks/components';
import { csvReader } from './formats/csv';
import { jsonTableReader } from './formats/json';
import { xlsxReader } from './formats/xlsx';
import type { FormatReader, RecordSink } from './importer';
import { controlSink } from './sinks/controls';
import { riskSink } from './sinks/risks';
import { avidReader } from './formats/avid';
import { garakReader } from './formats/garak';
import { promptfooReader } from './formats/promptfoo';
import type { FormatReader, RecordSink } from './importer';
import { findingSink } from './sinks/findings';

/**
 * Every format Assay reads and every kind of record it writes. A format adds its reader here and
 * nothing else changes: detection, the preview, the job and the three doors pick it up.
 */
export const readers: readonly FormatReader[] = [sarifReader, trivyReader, grypeReader, oscalReader];

export const sinks: Partial<Record<RecordKind, RecordSink>> = { framework: frameworkSink };
export const readers: readonly FormatReader[] = [cyclonedxReader, spdxReader];

export const sinks: Partial<Record<RecordKind, RecordSink>> = { component: componentsSink };
export const readers: readonly FormatReader[] = [csvReader, xlsxReader, jsonTableReader];

export const sinks: Partial<Record<RecordKind, RecordSink>> = { risk: riskSink, control: controlSink };
export const readers: readonly FormatReader[] = [garakReader, promptfooReader, avidReader];

export const sinks: Partial<Record<RecordKind, RecordSink>> = { finding: findingSink };
