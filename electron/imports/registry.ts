import type { RecordKind } from '../../shared/imports/model';
import { avidReader } from './formats/avid';
import { garakReader } from './formats/garak';
import { promptfooReader } from './formats/promptfoo';
import type { FormatReader, RecordSink } from './importer';
import { findingSink } from './sinks/findings';

/**
 * Every format Assay reads and every kind of record it writes. A format adds its reader here and
 * nothing else changes: detection, the preview, the job and the three doors pick it up.
 */
export const readers: readonly FormatReader[] = [garakReader, promptfooReader, avidReader];

export const sinks: Partial<Record<RecordKind, RecordSink>> = { finding: findingSink };
