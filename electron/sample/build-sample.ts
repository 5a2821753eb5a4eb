import { existsSync } from 'node:fs';
import type { CommandName, CommandOutput } from '../../shared/commands';
import { addDays } from '../../shared/domain/dates';
import { AssayError } from '../../shared/errors';
import { dispatch } from '../dispatch';
import { type HandlerContext, defaultContext } from '../handlers/context';
import { closeFile } from '../handlers/open-files';
import { SAMPLE_NAME, people, sampleEntries, sampleSystems } from './sample-data';
import { samplePlan, sampleIncidents, sampleRisks } from './sample-registers';

export interface SampleResult {
  file: string;
  name: string;
  systems: number;
  entries: number;
  auditEntries: number;
}

/**
 * Builds the sample assessment through the command table and its handlers, exactly as the app
 * would (one audited change per step, each by the person who would make it); no SQL here.
 */
export function buildSample(file: string, options: { today?: string; base?: Partial<HandlerContext> } = {}): SampleResult {
  if (existsSync(file)) throw new AssayError('refused', `${file}: already exists; the sample is only written to a new file`);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const base = defaultContext({ recordRecent: false, ...options.base });
  const call = <N extends CommandName>(actor: string, name: N, input: unknown): CommandOutput<N> => {
    const result = dispatch(name, input, { ...base, actor, actorFromEnvironment: true });
    if (!result.ok) throw new AssayError(result.error.code, `building the sample (${name}): ${result.error.message}`);
    return result.value as CommandOutput<N>;
  };
  const day = (offset: number | undefined) => (offset === undefined ? undefined : addDays(today, offset));

  try {
    call(sampleSystems[0]!.actor, 'assessment.create', { file, name: SAMPLE_NAME });
    const ids = new Map<string, string>();
    for (const s of sampleSystems) {
      const { system } = call(s.actor, 'systems.add', { file, system: s.system });
      ids.set(s.key, system.id);
      call(s.actor, 'systems.classify', { file, system: system.id, answers: s.answers });
    }
    for (const e of sampleEntries) {
      const details = Object.fromEntries(
        Object.entries({ owner: e.owner, dueDate: day(e.due), maturity: e.maturity, notes: e.notes, lastReview: day(e.lastReview), nextReview: day(e.nextReview) }).filter(([, v]) => v !== undefined),
      );
      call(e.actor, 'controls.setState', { file, controlId: e.control, state: e.state, ...(e.justification ? { justification: e.justification } : {}), ...(Object.keys(details).length ? { details } : {}) });
    }
    const system = (key: string) => ids.get(key)!;
    for (const r of sampleRisks) {
      const { risk } = call(r.actor, 'risks.add', { file, risk: { ...r.risk, system: system(r.system), ...(r.review !== undefined ? { reviewDate: day(r.review) } : {}) } });
      if (r.accept)
        call(r.accept.approver, 'risks.accept', { file, risk: risk.id, acceptance: { approver: r.accept.approver, expiresOn: day(r.accept.expires), approvedOn: today, rationale: r.accept.rationale } });
    }
    for (const i of sampleIncidents) call(i.actor, 'incidents.add', { file, incident: { ...i.incident, system: system(i.system), awareOn: day(i.aware) } });
    call(people.ml, 'incidents.setPlan', { file, system: system(samplePlan.system), plan: { title: samplePlan.title, reference: samplePlan.reference, reviewDate: day(samplePlan.review) } });
    const head = call(sampleSystems[0]!.actor, 'audit.list', { file, limit: 1 });
    return { file, name: SAMPLE_NAME, systems: sampleSystems.length, entries: sampleEntries.length, auditEntries: head.total };
  } finally {
    closeFile(file);
  }
}
