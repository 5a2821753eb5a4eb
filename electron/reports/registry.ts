import { buildAibom } from '../../shared/reports/build/aibom';
import { buildAnnexIv } from '../../shared/reports/build/annex-iv';
import { buildEvidence } from '../../shared/reports/build/evidence';
import { buildExecutive } from '../../shared/reports/build/executive';
import { buildFindings } from '../../shared/reports/build/findings';
import { buildGap } from '../../shared/reports/build/gap';
import { buildHumanRisk } from '../../shared/reports/build/human-risk';
import { buildRisks } from '../../shared/reports/build/risks';
import { buildSoa } from '../../shared/reports/build/soa';
import { buildTrace } from '../../shared/reports/build/trace';
import { gatherAibom } from './data/aibom';
import { gatherAnnexIv } from './data/annex-iv';
import { gatherEvidence } from './data/evidence';
import { gatherExecutive } from './data/executive';
import { gatherFindings } from './data/findings';
import { gatherGap } from './data/gap';
import { gatherHumanRisk } from './data/human-risk';
import { gatherRisks } from './data/risks';
import { gatherSoa } from './data/soa';
import { gatherTrace } from './data/trace';
import { type ReportRegistry, defineReport } from './source';

/** Every report the generator knows, by type (each entry: its gatherer and pure builder). */
export const reportSources: ReportRegistry = {
  executive: defineReport({ gather: gatherExecutive, build: buildExecutive }),
  gap: defineReport({ gather: gatherGap, build: buildGap }),
  soa: defineReport({ gather: gatherSoa, build: buildSoa }),
  risks: defineReport({ gather: gatherRisks, build: buildRisks }),
  trace: defineReport({ gather: gatherTrace, build: buildTrace }),
  evidence: defineReport({ gather: gatherEvidence, build: buildEvidence }),
  'annex-iv': defineReport({ gather: gatherAnnexIv, build: buildAnnexIv }),
  aibom: defineReport({ gather: gatherAibom, build: buildAibom }),
  findings: defineReport({ gather: gatherFindings, build: buildFindings }),
  'human-risk': defineReport({ gather: gatherHumanRisk, build: buildHumanRisk }),
};
