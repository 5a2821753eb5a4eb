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
import { controlSink } from './sinks/controls';
import { riskSink } from './sinks/risks';
import { avidReader } from './formats/avid';
import { garakReader } from './formats/garak';
import { promptfooReader } from './formats/promptfoo';
import { findingSink } from './sinks/findings';
import { knowbe4Reader } from './formats/knowbe4';
import { mimecastReader } from './formats/mimecast';
import { metricSink } from './sinks/metrics';

/**
 * Every format Assay reads and every kind of record it writes. A format adds its reader here and
 * nothing else changes: detection, the preview, the job and the three doors pick it up.
 */
export const readers: readonly FormatReader[] = [
  csvReader,
  xlsxReader,
  jsonTableReader,
  cyclonedxReader,
  spdxReader,
  garakReader,
  promptfooReader,
  avidReader,
  sarifReader,
  trivyReader,
  grypeReader,
  oscalReader,
  knowbe4Reader,
  mimecastReader,
];

export const sinks: Partial<Record<RecordKind, RecordSink>> = {
  risk: riskSink,
  control: controlSink,
  finding: findingSink,
  component: componentsSink,
  metric: metricSink,
  framework: frameworkSink,
};
