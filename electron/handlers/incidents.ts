import { addIncident, listIncidents, setMonitoringPlan, updateIncident } from '../store/incidents';
import { actorOf } from './context';
import { useForReading, useForWriting } from './open-files';
import { today } from './risks';
import type { Handlers } from './types';

export const incidentHandlers: Pick<Handlers, 'incidents.list' | 'incidents.add' | 'incidents.update' | 'incidents.setPlan'> = {
  'incidents.list': (input) => listIncidents(useForReading(input.file), today()),

  'incidents.add': (input, ctx) => {
    const { actor } = actorOf(ctx);
    return { incident: addIncident(useForWriting(input.file, actor).assessment, input.incident, actor) };
  },

  'incidents.update': (input, ctx) => {
    const { actor } = actorOf(ctx);
    return { incident: updateIncident(useForWriting(input.file, actor).assessment, input.incident, input.changes, actor) };
  },

  'incidents.setPlan': (input, ctx) => {
    const { actor } = actorOf(ctx);
    return { plan: setMonitoringPlan(useForWriting(input.file, actor).assessment, input.system, input.plan, actor, today()) };
  },
};
