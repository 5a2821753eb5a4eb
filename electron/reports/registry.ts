import { buildEvidence } from '../../shared/reports/build/evidence';
import { buildExecutive } from '../../shared/reports/build/executive';
import { buildGap } from '../../shared/reports/build/gap';
import { buildSoa } from '../../shared/reports/build/soa';
import { buildTrace } from '../../shared/reports/build/trace';
import { gatherEvidence } from './data/evidence';
import { gatherExecutive } from './data/executive';
import { gatherGap } from './data/gap';
import { gatherSoa } from './data/soa';
import { gatherTrace } from './data/trace';
import { type ReportRegistry, defineReport } from './source';

/** Every report the generator knows, by type (each entry: its gatherer and pure builder). */
export const reportSources: ReportRegistry = {
  executive: defineReport({ gather: gatherExecutive, build: buildExecutive }),
  gap: defineReport({ gather: gatherGap, build: buildGap }),
  soa: defineReport({ gather: gatherSoa, build: buildSoa }),
  trace: defineReport({ gather: gatherTrace, build: buildTrace }),
  evidence: defineReport({ gather: gatherEvidence, build: buildEvidence }),
};
