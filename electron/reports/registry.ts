import { buildAibom } from '../../shared/reports/build/aibom';
import { buildAnnexIv } from '../../shared/reports/build/annex-iv';
import { buildFindings } from '../../shared/reports/build/findings';
import { buildHumanRisk } from '../../shared/reports/build/human-risk';
import { buildRisks } from '../../shared/reports/build/risks';
import { gatherAibom } from './data/aibom';
import { gatherAnnexIv } from './data/annex-iv';
import { gatherFindings } from './data/findings';
import { gatherHumanRisk } from './data/human-risk';
import { gatherRisks } from './data/risks';
import { defineReport, type ReportRegistry } from './source';

/** Every report the generator knows, by type (each entry: its gatherer and pure builder). */
export const reportSources: ReportRegistry = {
  risks: defineReport({ gather: gatherRisks, build: buildRisks }),
  'annex-iv': defineReport({ gather: gatherAnnexIv, build: buildAnnexIv }),
  aibom: defineReport({ gather: gatherAibom, build: buildAibom }),
  findings: defineReport({ gather: gatherFindings, build: buildFindings }),
  'human-risk': defineReport({ gather: gatherHumanRisk, build: buildHumanRisk }),
};
