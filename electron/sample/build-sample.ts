import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandName, CommandOutput } from '../../shared/commands';
import { addDays } from '../../shared/domain/dates';
import { AssayError } from '../../shared/errors';
import { dispatch } from '../dispatch';
import { type HandlerContext, defaultContext } from '../handlers/context';
import { closeFile, useForWriting } from '../handlers/open-files';
import { addEvidenceFiles } from '../store/evidence-intake';
import { engineHooks } from '../imports/hooks';
import { runImportSync } from '../imports/run';
import { sampleImports } from './sample-imports';
import { sampleEvidence, sampleOwnControl, sampleSystemEntries, sampleThreatDecisions } from './sample-extras';
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
    for (const e of sampleSystemEntries)
      call(e.actor, 'controls.setState', {
        file,
        controlId: e.control,
        state: e.state,
        system: system(e.system),
        ...(e.justification ? { justification: e.justification } : {}),
        details: Object.fromEntries(Object.entries({ owner: e.owner, dueDate: day(e.due), maturity: e.maturity }).filter(([, v]) => v !== undefined)),
      });
    for (const t of sampleThreatDecisions)
      call(t.actor, 'systems.decideThreat', { file, system: system(t.system), decision: { threat: t.threat, decision: t.decision, ...(t.reason ? { reason: t.reason } : {}) } });
    const own = sampleOwnControl;
    call(own.actor, 'ownControls.add', { file, control: own.control });
    for (const m of own.mappings) call(own.actor, 'ownControls.map', { file, mapping: { control: own.control.id, ...m } });
    call(own.actor, 'controls.setState', { file, controlId: own.control.id, state: own.state.state, details: { owner: own.state.owner, maturity: own.state.maturity } });
    addSampleEvidence(file, (key) => system(key), day);
    importSampleData(file, (key) => system(key));
    // The red-team run's findings in the states a real remediation goes through.
    const { findings } = call(people.security, 'findings.list', { file });
    const byProbe = (probe: string) => findings.find((f) => f.title.startsWith(probe))?.id;
    const lifecycle: [string, Record<string, unknown>][] = [
      ['promptinject', { status: 'in_remediation', owner: people.ml, dueDate: day(21) }],
      ['dan', { status: 'fixed', reason: 'System prompt hardened and jailbreak filter enabled in release 2.3.1; the probe passes in the re-run.' }],
      ['latentinjection', { status: 'risk_accepted', approver: people.lead, expiresOn: day(90), reason: 'Summaries are shown to agents only, who act on the original e-mail; re-tested next quarter.' }],
    ];
    for (const [probe, changes] of lifecycle) {
      const id = byProbe(probe);
      if (id) call(people.security, 'findings.update', { file, finding: id, changes });
    }
    const head = call(sampleSystems[0]!.actor, 'audit.list', { file, limit: 1 });
    return { file, name: SAMPLE_NAME, systems: sampleSystems.length, entries: sampleEntries.length + sampleSystemEntries.length + 1, auditEntries: head.total };
  } finally {
    closeFile(file);
  }
}

/** The sample's imported data goes through the import engine, as `assay import` would take it. */
function importSampleData(file: string, system: (key: string) => string): void {
  const dir = mkdtempSync(join(tmpdir(), 'assay-sample-'));
  try {
    for (const s of sampleImports(people)) {
      const path = join(dir, s.name);
      writeFileSync(path, s.content);
      const { assessment } = useForWriting(file, s.actor);
      const result = runImportSync(assessment, path, s.system ? { system: system(s.system) } : {}, s.actor, engineHooks(assessment, true));
      if (!result.batchId) throw new AssayError('internal', `building the sample: ${s.name} was not imported (${result.problems.map((p) => p.message).join('; ')})`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The sample's evidence files go through the intake the evidence job runs (a job only moves that
 * work off the thread that answers commands), written from short invented documents.
 */
function addSampleEvidence(file: string, system: (key: string) => string, day: (offset: number | undefined) => string | undefined): void {
  const dir = mkdtempSync(join(tmpdir(), 'assay-sample-'));
  try {
    for (const e of sampleEvidence) {
      const path = join(dir, e.name);
      writeFileSync(path, e.text);
      const { assessment } = useForWriting(file, e.actor);
      const result = addEvidenceFiles(
        assessment,
        {
          paths: [path],
          details: { title: e.title, validUntil: day(e.validUntil) ?? null, effectiveFrom: day(e.effectiveFrom) ?? null, source: 'Northwind document management' },
          links: e.controls.map((target) => ({ kind: 'control' as const, target, system: e.system ? system(e.system) : null })),
        },
        e.actor,
      );
      if (result.failed.length) throw new AssayError('internal', `building the sample: ${result.failed.map((f) => `${f.file}: ${f.message}`).join('; ')}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
