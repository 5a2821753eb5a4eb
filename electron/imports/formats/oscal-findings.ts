import type { FindingData, FindingSeverity, FindingStatus } from '../../../shared/imports/finding-data';
import type { ImportRecord, ReadContext } from '../importer';
import { jsonPath } from '../safe-json';
import { type Json, arr, clip, dateOnly, isoTime, list, need, obj, str } from './json-shape';
import { finding, findingRecord, severityFromWord } from './scanner-findings';

/**
 * OSCAL assessment results (findings whose objective is not satisfied) and plans of action and
 * milestones (POA&M items) as findings. Their observations and risks say what was seen, how bad
 * it is (likelihood and impact), where the remediation stands and by when it is due.
 */

type Path = (string | number)[];

interface Index {
  observations: Map<string, Json>;
  risks: Map<string, Json>;
  /** Components and inventory items by uuid, to name what an observation was about. */
  subjects: Map<string, string>;
  tool: string;
  ctx: ReadContext;
}

function byUuid(values: unknown[]): Map<string, Json> {
  const map = new Map<string, Json>();
  for (const v of values.map(obj)) if (v && str(v.uuid)) map.set(str(v.uuid)!, v);
  return map;
}

export function indexOf(containers: (Json | undefined)[], tool: string, ctx: ReadContext): Index {
  const subjects = new Map<string, string>();
  for (const c of containers) {
    const local = obj(c?.['local-definitions']);
    for (const s of [...arr(local?.components), ...arr(local?.['inventory-items'])].map(obj)) {
      const uuid = str(s?.uuid);
      const name = str(s?.title) ?? str(s?.description);
      if (uuid && name) subjects.set(uuid, clip(name, 120));
    }
  }
  return {
    observations: byUuid(containers.flatMap((c) => arr(c?.observations))),
    risks: byUuid(containers.flatMap((c) => arr(c?.risks))),
    subjects,
    tool,
    ctx,
  };
}

const LEVEL: Record<string, number> = { 'very-low': 0, 'very low': 0, low: 1, moderate: 2, medium: 2, high: 3, 'very-high': 4, 'very high': 4 };
/** NIST SP 800-30 Table I-2: risk level by likelihood (rows) and impact (columns), very low to very high. */
const MATRIX = [
  [0, 0, 1, 1, 1],
  [0, 1, 1, 1, 2],
  [0, 1, 2, 2, 3],
  [0, 1, 2, 3, 4],
  [0, 1, 2, 3, 4],
];
const RISK_SEVERITY: FindingSeverity[] = ['info', 'low', 'medium', 'high', 'critical'];

/** A risk's severity from its characterisation: a stated risk level, else likelihood × impact, else impact alone. */
export function riskSeverity(risk: Json): FindingSeverity | undefined {
  const facets = arr(risk.characterizations).flatMap((c) => arr(obj(c)?.facets).map(obj));
  const facet = (name: string) => str(facets.find((f) => str(f?.name)?.toLowerCase() === name)?.value)?.toLowerCase();
  const stated = severityFromWord(facet('risk') ?? facet('severity') ?? facet('risk-level'));
  if (stated) return stated;
  const impact = LEVEL[facet('impact') ?? ''];
  const likelihood = LEVEL[facet('likelihood') ?? ''];
  if (impact === undefined) return undefined;
  return RISK_SEVERITY[likelihood === undefined ? impact : MATRIX[likelihood]![impact]!];
}

/**
 * Where the risk stands: closed is fixed, an approved deviation an accepted risk (the register asks
 * who approved it), remediating or a planned response other than acceptance is in remediation.
 */
export function riskStatus(risk: Json): { status: FindingStatus | null; reason: string | null } {
  const state = str(risk.status);
  const remediations = arr(risk.remediations).map(obj);
  const response = remediations.find((r) => r && str(r.lifecycle) !== 'recommended') ?? remediations[0];
  const type = response ? (str(arr(response.props).map(obj).find((p) => p?.name === 'type')?.value) ?? 'response') : undefined;
  const said = response ? `${str(response.title) ?? 'Response'} (${type}, ${str(response.lifecycle) ?? 'lifecycle not stated'})${str(response.description) ? `: ${str(response.description)}` : ''}` : null;
  if (state === 'closed') return { status: 'fixed', reason: said ?? 'The risk is closed' };
  if (state === 'deviation-approved') return { status: 'risk_accepted', reason: said ?? 'A deviation was approved' };
  if (state === 'remediating' || (response && type !== 'accept' && ['planned', 'completed'].includes(str(response.lifecycle) ?? ''))) return { status: 'in_remediation', reason: said };
  return { status: null, reason: said ?? (state ? `Risk status: ${state}` : null) };
}

/** The deadline of the risk, else the end of its latest milestone. */
function dueOf(risk: Json): string | null {
  const deadline = dateOnly(risk.deadline);
  if (deadline) return deadline;
  const ends = arr(risk.remediations)
    .flatMap((r) => arr(obj(r)?.tasks))
    .map((t) => obj(obj(t)?.timing))
    .map((timing) => dateOnly(obj(timing?.['within-date-range'])?.end) ?? dateOnly(obj(timing?.['on-date'])?.date))
    .filter((d): d is string => d !== null)
    .sort();
  return ends.at(-1) ?? null;
}

/** "ac-6.1_obj" and "ac-2_smt.a" name control ac-6.1 and ac-2. */
export function controlOfTarget(targetId: string | undefined): string | undefined {
  return targetId?.split('_')[0] || undefined;
}

function related(item: Json, field: string, key: string, from: Map<string, Json>, noun: string, index: Index, at: Path): { found: Json[]; missing: string[] } {
  const found: Json[] = [];
  const missing: string[] = [];
  arr(item[field]).forEach((r, i) => {
    const uuid = str(obj(r)?.[key]);
    const hit = uuid ? from.get(uuid) : undefined;
    if (hit) found.push(hit);
    else {
      missing.push(uuid ?? '(none)');
      index.ctx.problem({ severity: 'warning', location: jsonPath(...at, field, i), field: key, message: `${uuid ?? 'no uuid'} is not ${noun} in this file` });
    }
  });
  return { found, missing };
}

/** A finding (AR) or POA&M item with the observations and risks it points at, as one finding. */
export function oscalFinding(item: Json, at: Path, kind: 'ar' | 'poam', index: Index, extra: { references: string[]; detected: string | null }): ImportRecord<FindingData> | undefined {
  const location = jsonPath(...at);
  const uuid = str(item.uuid);
  const title = str(item.title);
  if (!uuid || !title) {
    index.ctx.problem({ severity: 'error', location, field: uuid ? 'title' : 'uuid', message: `an OSCAL ${kind === 'ar' ? 'finding' : 'POA&M item'} needs a uuid and a title; this one is left out` });
    return undefined;
  }
  const observations = related(item, 'related-observations', 'observation-uuid', index.observations, 'an observation', index, at).found;
  const risks = related(item, 'related-risks', 'risk-uuid', index.risks, 'a risk', index, at);
  if (risks.missing.length && observations.length) {
    // A broken risk link (the NIST POA&M example points one at a mitigating factor): the risk that shares the item's observation is meant.
    const seen = new Set(observations.map((o) => str(o.uuid)));
    for (const risk of index.risks.values())
      if (!risks.found.includes(risk) && arr(risk['related-observations']).some((o) => seen.has(str(obj(o)?.['observation-uuid'])))) {
        risks.found.push(risk);
        index.ctx.problem({ severity: 'warning', location, field: 'related-risks', message: `linked to risk "${clip(str(risk.title) ?? str(risk.uuid)!, 80)}" through the observation they share` });
      }
  }
  const severities = risks.found.map(riskSeverity).filter((s): s is FindingSeverity => s !== undefined);
  const severity = severities.sort((a, b) => RISK_SEVERITY.indexOf(b) - RISK_SEVERITY.indexOf(a))[0] ?? 'medium';
  const states = risks.found.map(riskStatus);
  const state = states.every((s) => s.status === 'fixed') ? states[0] : states.find((s) => s.status !== 'fixed');
  const dues = risks.found.map(dueOf).filter((d): d is string => d !== null).sort();
  const subjects = observations.flatMap((o) => arr(o.subjects).flatMap((s) => index.subjects.get(str(obj(s)?.['subject-uuid']) ?? '') ?? str(obj(s)?.title) ?? []));
  const collected = observations.map((o) => isoTime(o.collected)).filter((t): t is string => t !== null).sort();
  const description = [
    str(item.description),
    ...risks.found.map((r) => `Risk: ${str(r.title) ?? 'untitled'}${str(r.description) ? `. ${clip(str(r.description)!, 800)}` : ''}`),
    ...observations.map((o) => `Observation: ${str(o.title) ?? 'untitled'}${str(o.remarks) ?? str(o.description) ? `. ${clip((str(o.remarks) ?? str(o.description))!, 800)}` : ''}`),
  ].filter(Boolean);
  const threats = risks.found.flatMap((r) => arr(r['threat-ids']).flatMap((t) => (str(obj(t)?.id) ? [str(obj(t)?.id)!] : [])));
  return findingRecord(index.ctx, {
    externalId: `oscal:${kind}:${uuid}`,
    location,
    title,
    threat: null,
    data: finding({
      tool: index.tool,
      severity,
      description: description.join('\n\n') || null,
      references: [...extra.references, ...threats],
      status: state?.status ?? null,
      statusReason: state?.reason ?? null,
      where: [...new Set(subjects)].join('; ') || null,
      detectedAt: collected[0] ?? extra.detected,
      dueDate: dues[0] ?? null,
    }),
  });
}

export function assessmentFindings(model: Json, tool: string, ctx: ReadContext): ImportRecord<FindingData>[] {
  const records: ImportRecord<FindingData>[] = [];
  const results = list(model.results, ctx, jsonPath('assessment-results'), 'results', 'results');
  if (!Array.isArray(model.results)) ctx.problem({ severity: 'error', location: jsonPath('assessment-results'), field: 'results', message: 'assessment results need a list of results' });
  results.forEach((value, r) => {
    const result = need(value, ctx, jsonPath('assessment-results', 'results', r), null, 'a result (an object)');
    if (!result) return;
    const index = indexOf([model, result], tool, ctx);
    list(result.findings, ctx, jsonPath('assessment-results', 'results', r), 'findings', 'findings').forEach((f, i) => {
      const at: Path = ['assessment-results', 'results', r, 'findings', i];
      const item = need(f, ctx, jsonPath(...at), null, 'a finding (an object)');
      if (!item) return;
      const target = obj(item.target);
      const state = str(obj(target?.status)?.state);
      if (state !== 'not-satisfied') {
        if (state === 'satisfied') ctx.skip(jsonPath(...at), 'the objective is satisfied');
        else ctx.problem({ severity: 'warning', location: jsonPath(...at), field: 'target.status.state', message: `is ${state ? `"${state}"` : 'missing'}; only findings whose objective is not satisfied are imported` });
        return;
      }
      const control = controlOfTarget(str(target?.['target-id']));
      const record = oscalFinding(item, at, 'ar', index, { references: control ? [control] : [], detected: isoTime(result.start) });
      if (record) records.push(record);
    });
  });
  return records;
}

export function poamFindings(model: Json, tool: string, ctx: ReadContext): ImportRecord<FindingData>[] {
  const index = indexOf([model], tool, ctx);
  const items = list(model['poam-items'], ctx, jsonPath('plan-of-action-and-milestones'), 'poam-items', 'POA&M items');
  if (!Array.isArray(model['poam-items'])) ctx.problem({ severity: 'error', location: jsonPath('plan-of-action-and-milestones'), field: 'poam-items', message: 'a plan of action and milestones needs a list of poam-items' });
  const findings = byUuid(arr(model.findings));
  return items.flatMap((value, i) => {
    const at: Path = ['plan-of-action-and-milestones', 'poam-items', i];
    const item = need(value, ctx, jsonPath(...at), null, 'a POA&M item (an object)');
    if (!item) return [];
    const controls = arr(item['related-findings'])
      .map((f) => findings.get(str(obj(f)?.['finding-uuid']) ?? ''))
      .flatMap((f) => {
        const control = controlOfTarget(str(obj(f?.target)?.['target-id']));
        return control ? [control] : [];
      });
    // FedRAMP-style POA&Ms number their items (a "POAM-ID" property): people cite that number.
    const numbers = arr(item.props).flatMap((p) => (/^poam-id$/i.test(str(obj(p)?.name) ?? '') && str(obj(p)?.value) ? [str(obj(p)?.value)!] : []));
    const record = oscalFinding(item, at, 'poam', index, { references: [...numbers, ...controls], detected: null });
    return record ? [record] : [];
  });
}
