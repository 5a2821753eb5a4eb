import { applicableObligations, checkAnswers } from '../../shared/domain/classification';
import { AssayError } from '../../shared/errors';
import { classifySystem } from '../store/classification';
import { addSystem, findSystem, listSystems, updateSystem } from '../store/systems';
import { actorOf } from './context';
import { useForReading, useForWriting } from './open-files';
import type { Handlers } from './types';

export const systemHandlers: Pick<Handlers, 'systems.list' | 'systems.add' | 'systems.update' | 'systems.classify'> = {
  'systems.list': (input) => ({ systems: listSystems(useForReading(input.file)) }),

  'systems.add': (input, ctx) => {
    const { actor } = actorOf(ctx);
    return { system: addSystem(useForWriting(input.file, actor).assessment, input.system, actor) };
  },

  'systems.classify': (input, ctx) => {
    // Checked before the file is opened for writing: bad answers change nothing.
    const checked = checkAnswers(input.answers);
    if (!checked.ok)
      throw new AssayError('invalid_input', `the questionnaire answers are invalid:\n${checked.problems.map((p) => `  - ${p}`).join('\n')}`, checked.problems.map((message) => ({ path: 'answers', message })));
    const { actor } = actorOf(ctx);
    const { assessment } = useForWriting(input.file, actor);
    const stored = classifySystem(assessment, input.system, checked.answers, actor);
    const system = findSystem(assessment, input.system);
    const today = new Date().toISOString().slice(0, 10);
    return { system, result: stored.result, labels: stored.labels, obligations: applicableObligations(stored.result, system.roles, assessment.catalog(), today) };
  },

  'systems.update': (input, ctx) => {
    const { actor } = actorOf(ctx);
    return { system: updateSystem(useForWriting(input.file, actor).assessment, input.system, input.changes, actor) };
  },
};
