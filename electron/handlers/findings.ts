import { findingRecord, getFinding, listFindings, planOfAction, updateFinding } from '../store/findings';
import { actorOf } from './context';
import { useForReading, useForWriting } from './open-files';
import { today } from './risks';
import type { Handlers } from './types';

const dayOf = (asOf: string | undefined) => (asOf ?? today()).slice(0, 10);

export const findingHandlers: Pick<Handlers, 'findings.list' | 'findings.get' | 'findings.update' | 'findings.plan'> = {
  'findings.list': (input) => {
    const day = dayOf(input.asOf);
    return { today: day, findings: listFindings(useForReading(input.file), day, input.filter) };
  },

  'findings.get': (input) => ({ finding: getFinding(useForReading(input.file), input.finding, dayOf(input.asOf)) }),

  'findings.update': (input, ctx) => {
    const { actor } = actorOf(ctx);
    const a = useForWriting(input.file, actor).assessment;
    updateFinding(a, input.finding, input.changes, actor, today());
    return { finding: findingRecord(a, input.finding) };
  },

  'findings.plan': (input) => {
    const day = dayOf(input.asOf);
    return { today: day, items: planOfAction(useForReading(input.file), day) };
  },
};
