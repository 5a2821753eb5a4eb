import { startJob } from '../jobs/runner';
import { getEvidence, linkEvidence, listEvidence, unlinkEvidence, updateEvidence } from '../store/evidence';
import { exportEvidence } from '../store/evidence-export';
import { actorOf } from './context';
import { normalisePath, useForReading, useForWriting } from './open-files';
import type { Handlers } from './types';

type EvidenceHandlers = Pick<Handlers, 'evidence.list' | 'evidence.get' | 'evidence.add' | 'evidence.update' | 'evidence.link' | 'evidence.unlink' | 'evidence.export'>;

export const evidenceHandlers: EvidenceHandlers = {
  'evidence.list': (input) => ({ evidence: listEvidence(useForReading(input.file)) }),
  'evidence.get': (input) => ({ evidence: getEvidence(useForReading(input.file), input.evidenceId) }),

  'evidence.add': (input, ctx) => {
    const { actor } = actorOf(ctx);
    // Opening for writing here refuses a read-only, damaged or older-format file before the job starts.
    const { assessment } = useForWriting(input.file, actor);
    const paths = input.paths.map(normalisePath);
    return startJob('evidence.add', assessment.file, { evidence: { actor, paths, details: input.details, links: input.links, revise: input.revise } });
  },

  'evidence.update': (input, ctx) => {
    const { actor } = actorOf(ctx);
    return { evidence: updateEvidence(useForWriting(input.file, actor).assessment, input.evidenceId, input.changes, actor) };
  },
  'evidence.link': (input, ctx) => {
    const { actor } = actorOf(ctx);
    return { evidence: linkEvidence(useForWriting(input.file, actor).assessment, input.evidenceId, input.links, actor) };
  },
  'evidence.unlink': (input, ctx) => {
    const { actor } = actorOf(ctx);
    return { evidence: unlinkEvidence(useForWriting(input.file, actor).assessment, input.evidenceId, input.links, actor) };
  },
  'evidence.export': (input) => exportEvidence(useForReading(input.file), input.evidenceId, normalisePath(input.out), input.rev),
};
