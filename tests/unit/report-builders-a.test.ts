import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import { closeAll, useForReading, useForWriting } from '../../electron/handlers/open-files';
import { gatherEvidence as gatherEvidenceData } from '../../electron/reports/data/evidence';
import { gatherSoa } from '../../electron/reports/data/soa';
import { reportSources } from '../../electron/reports/registry';
import { people } from '../../electron/sample/sample-data';
import { sampleEvidence, sampleThreatDecisions } from '../../electron/sample/sample-extras';
import { buildSample } from '../../electron/sample/build-sample';
import type { Assessment } from '../../electron/store/assessment';
import { listEvidence } from '../../electron/store/evidence';
import { listSystems } from '../../electron/store/systems';
import { addEvidenceFiles } from '../../electron/store/evidence-intake';
import { riskHeatmapOption } from '../../shared/charts/risk-heatmap';
import type { CommandName, CommandOutput } from '../../shared/commands';
import { countOf } from '../../shared/plural';
import { renderChartSvg } from '../../electron/charts/render-svg';
import { buildEvidence } from '../../shared/reports/build/evidence';
import { buildSoa } from '../../shared/reports/build/soa';
import { type Audience, type Block, type ReportMeta, type ReportSection, type ReportType, type TableBlock, reportTitles } from '../../shared/reports/model';
import type { BuiltReport, ReportScope } from '../../shared/reports/scope';
import { fileHash, tempDir, testContext } from './helpers';

/**
 * The executive summary, gap assessment, Statement of Applicability, traceability matrix and
 * evidence index, gathered from real assessments (the sample, and a tiny one made through the
 * command table) and built by their pure builders: the figures must be the app's own.
 */

function call<N extends CommandName>(dir: string, name: N, input: unknown): CommandOutput<N> {
  const result = dispatch(name, input, testContext(dir));
  if (!result.ok) throw new Error(result.error.message);
  return result.value as CommandOutput<N>;
}

const today = new Date().toISOString().slice(0, 10);

function metaFor(a: Assessment, type: ReportType, audience: Audience = 'internal'): Omit<ReportMeta, 'subtitle'> {
  const s = a.summary();
  return {
    ...{ type, title: reportTitles[type], assessment: { id: s.id, name: s.name }, head: s.head, catalogVersion: s.catalogVersion },
    ...{ assayVersion: 'test', generatedAt: `${today}T12:00:00.000Z`, generatedBy: 'Tester', paper: 'A4', label: 'TLP:AMBER', audience, frameworks: [], systems: [] },
  };
}

function scopeOf(a: Assessment, only: { systems?: string[]; frameworks?: string[] } = {}): ReportScope {
  const frameworks = a.catalog().frameworks.map((f) => ({ id: f.id, name: f.short_name }));
  const systems = listSystems(a).map((s) => ({ id: s.id, name: s.name }));
  return {
    systems: only.systems ? systems.filter((s) => only.systems!.includes(s.id)) : systems,
    frameworks: only.frameworks ? frameworks.filter((f) => only.frameworks!.includes(f.id)) : frameworks,
    allSystems: !only.systems,
    allFrameworks: !only.frameworks,
    today,
  };
}

function generate(a: Assessment, type: ReportType, scope = scopeOf(a), audience: Audience = 'internal'): BuiltReport {
  const source = reportSources[type]!;
  return source.build(source.gather(a, scope), metaFor(a, type, audience), scope);
}

function blocks(sections: readonly ReportSection[]): Block[] {
  return sections.flatMap((s) => [...s.blocks, ...blocks(s.sections ?? [])]);
}
function tables(r: BuiltReport): TableBlock[] {
  return blocks(r.sections).filter((b): b is TableBlock => b.kind === 'table');
}
function table(r: BuiltReport, sheet: string): TableBlock {
  const t = tables(r).find((b) => b.sheet === sheet);
  if (!t) throw new Error(`no table ${sheet} in ${tables(r).map((b) => b.sheet).join(', ')}`);
  return t;
}
const column = (t: TableBlock, key: string) => t.rows.map((r) => r[t.columns.findIndex((c) => c.key === key)]);
/** Deep equality that also sees the chart formatters (functions are compared by their source). */
const canonical = (r: BuiltReport) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'function' ? `fn:${String(v)}` : v));

function sample(dir: string): { file: string; a: Assessment } {
  const file = join(dir, 'northwind.assay');
  buildSample(file, { today, base: testContext(dir) });
  closeAll();
  return { file, a: useForReading(file) };
}

describe('compliance reports on the sample assessment', () => {
  it('the executive summary shows the dashboard’s own figures, reads only, and is deterministic', () => {
    const dir = tempDir();
    const { file, a } = sample(dir);
    const before = fileHash(file);
    const r = generate(a, 'executive');
    const d = call(dir, 'assessment.dashboard', { file });

    const coverage = table(r, 'Coverage');
    expect(coverage.rows.map((row) => row.slice(0, 7))).toEqual(
      d.status.coverage.map((c) => [c.name, c.assessable, c.satisfied, c.partly, c.not_satisfied, c.not_applicable, c.governance_only]),
    );
    const figures = blocks(r.sections).filter((b) => b.kind === 'figure');
    expect(figures).toHaveLength(2);
    expect(JSON.stringify(figures[1]!.option)).toBe(JSON.stringify(riskHeatmapOption(d.risks.heatMap)));
    expect(column(table(r, 'Top gaps'), 'alone')).toEqual(d.topGaps.map((g) => g.closesAlone));
    expect(column(table(r, 'Top gaps'), 'control')).toEqual(d.topGaps.map((g) => `${g.control} ${g.name}`));

    const posture = blocks(r.sections).find((b) => b.kind === 'list')!;
    const total = d.status.coverage.reduce((n, c) => ({ s: n.s + c.satisfied, a: n.a + c.satisfied + c.partly + c.not_satisfied }), { s: 0, a: 0 });
    expect(posture.kind === 'list' && posture.items[0]).toContain(`${total.s} of ${total.a} applicable requirements (${Math.round((total.s / total.a) * 100)}%) are satisfied`);
    expect(posture.kind === 'list' && posture.items.join(' ')).toContain(`find ${d.checks.counts.error} open error`);
    expect(posture.kind === 'list' && posture.items.join(' ')).toContain('4 AI systems in scope: 1 high-risk');

    const systems = table(r, 'Systems');
    expect(systems.rows).toHaveLength(4);
    expect(column(systems, 'class').filter((c) => String(c).startsWith('High-risk'))).toHaveLength(1);
    const rating = table(r, 'Risks by rating');
    expect(rating.rows.slice(0, 4).reduce((n, row) => n + Number(row[1]), 0)).toBe(d.risks.total);
    expect(blocks(r.sections).find((b) => b.kind === 'signoff')).toEqual({
      kind: 'signoff',
      rows: ['Assessor', 'Reviewer', 'Approver'].map((role) => ({ role, name: null, date: null, fingerprint: null })),
    });

    // The figures render outside the browser as the report renderers draw them.
    for (const f of figures) if (f.kind === 'figure') expect(renderChartSvg(f.option, f.width, f.height)).toMatch(/^<svg[\s\S]*(Satisfied|Inherent risk)[\s\S]*<\/svg>$/);

    expect(canonical(generate(a, 'executive'))).toBe(canonical(r));
    closeAll();
    expect(fileHash(file)).toBe(before);
  });

  it('the gap assessment lists every assessable requirement per framework with the counts status reports', () => {
    const dir = tempDir();
    const { file, a } = sample(dir);
    const r = generate(a, 'gap');
    const status = call(dir, 'assessment.status', { file });
    const catalog = a.catalog();
    const sections = r.sections.slice(1);
    expect(sections.map((s) => s.title)).toEqual(catalog.frameworks.map((f) => f.short_name));
    for (const f of catalog.frameworks) {
      const assessable = f.items.filter((i) => i.assessable).length;
      const main = tables(r).find((t) => t.main && t.caption?.startsWith(`${f.short_name}:`));
      expect(main?.rows.length ?? 0).toBe(assessable);
      const counts = status.coverage.find((c) => c.framework === f.id);
      if (counts) expect(table(r, 'Summary').rows.find((row) => row[0] === f.short_name)!.slice(1, 7)).toEqual([counts.assessable, counts.satisfied, counts.partly, counts.not_satisfied, counts.not_applicable, counts.governance_only]);
    }
    // Gaps name the controls that would close them; satisfied requirements have none.
    const eu = tables(r).find((t) => t.main && t.caption?.startsWith('EU AI Act:'))!;
    for (const row of eu.rows) expect(row[6] === null).toBe(row[3] !== 'Not satisfied' && row[3] !== 'Partly satisfied');
    // Every evidence id in a cell is in the manifest list with the stored SHA-256.
    const stored = new Map(listEvidence(a).map((e) => [e.id, e.sha256]));
    const inCells = new Set(tables(r).flatMap((t) => column(t, 'evidence')).flatMap((c) => (typeof c === 'string' ? c.split(', ') : [])));
    expect(inCells.size).toBeGreaterThan(0);
    expect(r.evidence.map((e) => e.id)).toEqual([...inCells].sort());
    for (const e of r.evidence) expect(e.sha256).toBe(stored.get(e.id));

    const scoped = generate(a, 'gap', scopeOf(a, { frameworks: ['nist-ai-rmf'] }));
    expect(scoped.sections.map((s) => s.title)).toEqual(['Summary', 'NIST AI RMF 1.0']);
    expect(canonical(generate(a, 'gap'))).toBe(canonical(r));
  });

  it('the Statement of Applicability covers every ISO/IEC 42001 Annex A control and every control with its owner', () => {
    const dir = tempDir();
    const { a } = sample(dir);
    const r = generate(a, 'soa');
    const iso = a.catalog().frameworks.find((f) => f.id === 'iso-42001-annex-a')!;
    const annex = table(r, 'Annex A');
    expect(annex.main).toBe(true);
    expect(column(annex, 'control')).toEqual(iso.items.filter((i) => i.kind === 'control').map((i) => i.id));
    expect(annex.rows.length).toBe(38);
    for (const row of annex.rows) expect(['Included', 'Excluded']).toContain(row[2]);
    expect(annex.rows.every((row) => typeof row[3] === 'string' && row[3].length > 10)).toBe(true);

    const controls = table(r, 'Controls');
    expect(controls.rows).toHaveLength(a.catalog().controls.length);
    expect(controls.rows.find((row) => row[0] === 'NW-01')![2]).toBe('Own control');
    const owners = new Set(column(controls, 'owner'));
    expect(Object.values(people).some((p) => owners.has(p))).toBe(true);
    for (const row of controls.rows.filter((x) => x[3] === 'No')) expect(String(row[4]).length).toBeGreaterThanOrEqual(10);

    const external = generate(a, 'soa', scopeOf(a), 'external');
    const text = JSON.stringify(external.sections);
    for (const name of Object.values(people)) expect(text).not.toContain(name);
    expect(text).toContain('[control owner]');
  });

  it('the executive summary for an external audience names no person', () => {
    const dir = tempDir();
    const { a } = sample(dir);
    const internal = JSON.stringify(generate(a, 'executive').sections);
    const external = JSON.stringify(generate(a, 'executive', scopeOf(a), 'external').sections);
    expect(Object.values(people).some((p) => internal.includes(p))).toBe(true);
    for (const name of Object.values(people)) expect(external).not.toContain(name);
  });

  it('the traceability matrix has one row per threat, control and requirement in scope', () => {
    const dir = tempDir();
    const { a } = sample(dir);
    const catalog = a.catalog();
    for (const frameworks of [undefined, ['eu-ai-act']]) {
      const r = generate(a, 'trace', scopeOf(a, frameworks ? { frameworks } : {}));
      const wanted = (ref: string) => !frameworks || frameworks.some((f) => ref.startsWith(`${f}:`));
      const expected = catalog.threat_controls.reduce((n, tc) => n + catalog.control_requirements.filter((m) => m.control === tc.control && wanted(m.requirement)).length, 0);
      const trace = table(r, 'Trace');
      expect(trace.rows).toHaveLength(expected);
      expect(new Set(column(trace, 'relationship'))).toEqual(new Set(catalog.control_requirements.filter((m) => wanted(m.requirement)).map((m) => m.relationship)));
      if (frameworks) expect(new Set(column(trace, 'framework'))).toEqual(new Set(['EU AI Act']));
      expect(table(r, 'Threat controls').rows).toHaveLength(catalog.threat_controls.length);
    }
  });

  it('the traceability matrix says which systems in scope each threat applies to, and lists the dismissed ones with their reasons', () => {
    const dir = tempDir();
    const { a } = sample(dir);
    const support = listSystems(a).find((s) => s.name === 'Customer support assistant')!;
    const dismissal = sampleThreatDecisions.find((d) => d.decision === 'dismissed')!;
    const added = sampleThreatDecisions.find((d) => d.decision === 'added')!;
    const r = generate(a, 'trace');
    const trace = table(r, 'Trace');
    const appliesTo = (threat: string) => new Set(trace.rows.filter((row) => String(row[0]).startsWith(`${threat} `)).map((row) => row[1]));
    // Dismissed for the support assistant only: the other systems it was suggested for keep it.
    for (const v of appliesTo(dismissal.threat)) expect(String(v).split(', ')).not.toContain(support.id);
    for (const v of appliesTo(added.threat)) expect(String(v)).toMatch(/SYS-\d{3}/);
    const gone = table(r, 'Dismissed threats');
    expect(gone.rows).toContainEqual([expect.stringMatching(new RegExp(`^${dismissal.threat} `)), `${support.id} ${support.name}`, dismissal.reason, dismissal.actor, expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)]);
    // Outside the organisation the decider's name is withheld, the decision and its reason are not.
    const external = generate(a, 'trace', scopeOf(a), 'external');
    const row = table(external, 'Dismissed threats').rows[0]!;
    expect(row).not.toContain(dismissal.actor);
    expect(row).toContain(dismissal.reason);
    // A scope without the support assistant has nothing dismissed in it.
    const others = listSystems(a).filter((s) => s.id !== support.id).map((s) => s.id);
    expect(tables(generate(a, 'trace', scopeOf(a, { systems: others }))).some((t) => t.sheet === 'Dismissed threats' && t.rows.some((x) => String(x[1]).startsWith(support.id)))).toBe(false);
  });

  it('the evidence index lists every item with the SHA-256 of the bytes stored, and cites them all', () => {
    const dir = tempDir();
    const { a } = sample(dir);
    const r = generate(a, 'evidence');
    const index = table(r, 'Evidence');
    const items = listEvidence(a);
    expect(column(index, 'id')).toEqual(items.map((e) => e.id));
    for (const e of sampleEvidence) {
      const row = index.rows.find((x) => x[1] === e.title)!;
      expect(row[4]).toBe(createHash('sha256').update(e.text).digest('hex'));
      expect(row[3]).toBe(Buffer.byteLength(e.text));
      expect(String(row[8])).toContain(e.controls[0]);
    }
    expect(r.evidence).toEqual(items.map((e) => ({ id: e.id, sha256: e.sha256 })));
  });

  it('a scope of chosen systems keeps their systems, risks and evidence, and the organisation-wide evidence', () => {
    const dir = tempDir();
    const { file, a } = sample(dir);
    const scope = scopeOf(a, { systems: ['SYS-002'] });
    const exec = generate(a, 'executive', scope);
    expect(column(table(exec, 'Systems'), 'id')).toEqual(['SYS-002']);
    expect(exec.subtitle).toBe('Credit scoring model');
    const risks = call(dir, 'risks.list', { file }).risks.filter((r) => r.systemId === 'SYS-002');
    expect(table(exec, 'Risks by rating').rows.slice(0, 4).reduce((n, row) => n + Number(row[1]), 0)).toBe(risks.length);

    const items = listEvidence(a);
    const kept = items.filter((e) => e.links.some((l) => l.system === null || l.system === 'SYS-002')).map((e) => e.id);
    const dropped = items.filter((e) => !kept.includes(e.id));
    expect(dropped.length).toBeGreaterThan(0);
    const index = generate(a, 'evidence', scope);
    expect(column(table(index, 'Evidence'), 'id')).toEqual(kept);
    expect(index.evidence.map((e) => e.id)).toEqual(kept);
  });
});

describe('compliance reports on a tiny assessment with exact figures', () => {
  function tiny(dir: string): { file: string; sha: string } {
    const file = join(dir, 'tiny.assay');
    call(dir, 'assessment.create', { file, name: 'Tiny' });
    call(dir, 'controls.setState', { file, controlId: 'GOV-03', state: 'implemented', details: { owner: 'Dana Chen' } });
    call(dir, 'controls.setState', { file, controlId: 'GOV-04', state: 'not_applicable', justification: 'No staff use AI tools at all here' });
    const path = join(dir, 'charter.txt');
    writeFileSync(path, 'governance charter');
    const { assessment } = useForWriting(file, 'tester');
    addEvidenceFiles(assessment, { paths: [path], details: { title: 'Charter', effectiveFrom: '2026-01-01', effectiveTo: '2026-03-31', validUntil: '2027-01-01' }, links: [{ kind: 'control', target: 'GOV-03', system: null }] }, 'tester');
    closeAll();
    return { file, sha: createHash('sha256').update('governance charter').digest('hex') };
  }

  it('the SoA, gap assessment and evidence index agree on one implemented control and its evidence', () => {
    const dir = tempDir();
    const { file, sha } = tiny(dir);
    const a = useForReading(file);
    const iso = ['iso-42001-annex-a'];

    const soa = generate(a, 'soa');
    const a32 = table(soa, 'Annex A').rows.find((row) => row[0] === 'A.3.2')!;
    expect(a32.slice(2)).toEqual(['Included', expect.stringMatching(/^Implemented through GOV-03 /), expect.stringContaining('GOV-03 Implemented'), 'Satisfied']);
    const gov03 = table(soa, 'Controls').rows.find((row) => row[0] === 'GOV-03')!;
    expect(gov03.slice(3)).toEqual(['Yes', expect.stringMatching(/^Supports \d+ requirements/), 'Implemented', 'Dana Chen', 'EV-001']);
    expect(table(soa, 'Controls').rows.find((row) => row[0] === 'GOV-04')!.slice(3, 5)).toEqual(['No', 'No staff use AI tools at all here']);
    expect(soa.evidence).toEqual([{ id: 'EV-001', sha256: sha }]);

    const gap = generate(a, 'gap', scopeOf(a, { frameworks: iso }));
    expect(gap.sections.map((s) => s.title)).toEqual(['Summary', 'ISO/IEC 42001 Annex A']);
    const main = tables(gap).find((t) => t.main)!;
    expect(main.rows).toHaveLength(38);
    const row = main.rows.find((x) => x[1] === 'A.3.2')!;
    expect(row.slice(3)).toEqual(['Satisfied', expect.stringContaining('GOV-03 Implemented'), 'EV-001', null]);
    expect(main.rows.filter((x) => x[3] === 'Satisfied').length).toBe(table(gap, 'Summary').rows[0]![2]);
    expect(gap.evidence).toEqual([{ id: 'EV-001', sha256: sha }]);

    const evidence = generate(a, 'evidence', scopeOf(a, { frameworks: iso }));
    const ev = table(evidence, 'Evidence').rows[0]!;
    expect([ev[0], ev[1], ev[2], ev[3], ev[4], ev[6], ev[7], ev[8]]).toEqual(['EV-001', 'Charter', 'charter.txt', 18, sha, '2026-01-01 – 2026-03-31', '2027-01-01', 'GOV-03']);
    expect(String(ev[9])).toMatch(/ISO\/IEC 42001 Annex A: [^;]*\bA\.3\.2\b/);
  });

  it('the executive summary of the tiny assessment states its exact figures', () => {
    const dir = tempDir();
    const { file } = tiny(dir);
    const a = useForReading(file);
    const r = generate(a, 'executive');
    const controls = a.catalog().controls.length;
    const posture = blocks(r.sections).find((b) => b.kind === 'list');
    const items = posture?.kind === 'list' ? posture.items : [];
    expect(items[1]).toBe(`1 of ${controls - 1} applicable controls (${Math.round(100 / (controls - 1))}%) are implemented organisation-wide.`);
    expect(items[2]).toBe('0 AI systems in scope: 0 high-risk, 0 not classified or not completely classified.');
    expect(items[3]).toBe('The risk register has no risks for the systems in scope.');
    const check = call(dir, 'assessment.check', { file });
    expect(items[4]).toBe(`The consistency checks find ${countOf(check.counts.error, 'open error')}, ${countOf(check.counts.warning, 'warning')} and ${countOf(check.counts.info, 'note')} across the assessment.`);
    // No risks: the coverage chart is the only figure.
    expect(blocks(r.sections).filter((b) => b.kind === 'figure')).toHaveLength(1);
    const iso = table(r, 'Coverage').rows.find((row) => row[0] === 'ISO/IEC 42001 Annex A')!;
    const status = call(dir, 'assessment.status', { file }).coverage.find((c) => c.framework === 'iso-42001-annex-a')!;
    expect(iso.slice(1, 7)).toEqual([38, status.satisfied, status.partly, status.not_satisfied, status.not_applicable, status.governance_only]);
    expect(status.satisfied).toBeGreaterThanOrEqual(1);
    expect(table(r, 'Top gaps').rows.length).toBe(5);
  });

  it('the SoA says so when the catalog has no ISO/IEC 42001, instead of inventing content', () => {
    const dir = tempDir();
    const { file } = tiny(dir);
    const a = useForReading(file);
    const data = gatherSoa(a);
    const withoutIso = { ...data, catalog: { ...data.catalog, frameworks: data.catalog.frameworks.filter((f) => f.id !== 'iso-42001-annex-a') } };
    const r = buildSoa(withoutIso, metaFor(a, 'soa'), scopeOf(a));
    expect(r.sections[0]!.blocks).toEqual([expect.objectContaining({ kind: 'paragraph', tone: 'warning', text: expect.stringContaining('does not include ISO/IEC 42001 Annex A') })]);
    expect(tables(r).map((t) => t.sheet)).toEqual(['Controls']);
  });

  it('the evidence index orders ids by number, past EV-999', () => {
    const dir = tempDir();
    const { file } = tiny(dir);
    const a = useForReading(file);
    const one = gatherEvidenceData(a).evidence[0]!;
    const evidence = ['EV-1000', 'EV-101', 'EV-999', 'EV-002'].map((id) => ({ ...one, id }));
    const r = buildEvidence({ catalog: a.catalog(), evidence }, metaFor(a, 'evidence'), scopeOf(a));
    expect(column(table(r, 'Evidence'), 'id')).toEqual(['EV-002', 'EV-101', 'EV-999', 'EV-1000']);
    expect(r.evidence.map((e) => e.id)).toEqual(['EV-002', 'EV-101', 'EV-999', 'EV-1000']);
  });
});
