import { acceptRisk, addRisk, listRisks, updateRisk } from '../store/risks';
import { actorOf } from './context';
import { useForReading, useForWriting } from './open-files';
import type { Handlers } from './types';

/** Today as a calendar date: acceptance expiry and review dates are compared with it. */
export const today = () => new Date().toISOString().slice(0, 10);

export const riskHandlers: Pick<Handlers, 'risks.list' | 'risks.add' | 'risks.update' | 'risks.accept'> = {
  'risks.list': (input) => listRisks(useForReading(input.file), today()),

  'risks.add': (input, ctx) => {
    const { actor } = actorOf(ctx);
    return { risk: addRisk(useForWriting(input.file, actor).assessment, input.risk, actor) };
  },

  'risks.update': (input, ctx) => {
    const { actor } = actorOf(ctx);
    return { risk: updateRisk(useForWriting(input.file, actor).assessment, input.risk, input.changes, actor) };
  },

  'risks.accept': (input, ctx) => {
    const { actor } = actorOf(ctx);
    return acceptRisk(useForWriting(input.file, actor).assessment, input.risk, input.acceptance, actor, today());
  },
};
