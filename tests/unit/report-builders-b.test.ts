import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import { reportSources } from '../../electron/reports/registry';
import { useForReading, useForWriting } from '../../electron/handlers/open-files';
import { recordMetrics } from '../../electron/store/human-risk';
import { buildSample } from '../../electron/sample/build-sample';
import { sampleSystems } from '../../electron/sample/sample-data';
import { type ClassificationAnswers, classify, resultLabels } from '../../shared/domain/classification';
import { type AnnexIvData, type AnnexIvSystem, buildAnnexIv } from '../../shared/reports/build/annex-iv';
import { riskHeatmapOption } from '../../shared/charts/risk-heatmap';
import { groupFiguresOption } from '../../shared/charts/human-risk-charts';
import type { CommandName, CommandOutput } from '../../shared/commands';
import { addDays } from '../../shared/domain/dates';
import { ratingLabel } from '../../shared/register-words';
import type { Block, ReportMeta, ReportSection, ReportType, TableBlock } from '../../shared/reports/model';
import type { BuiltReport, ReportScope } from '../../shared/reports/scope';
import { tempDir, testContext } from './helpers';

/**
 * The register reports (risks, Annex IV, AI-BOM, findings, human risk) built from the real
 * sample assessment: their figures equal what the read commands return, an external audience
 * sees no person's name, the Annex IV outline says what is missing, and a build is deterministic.
 */

// The sample's dates are relative to the day it is built; the read commands judge as of the clock.
const today = new Date().toISOString().slice(0, 10);
let dir: string;
let file: string;
const sampleNames = ['Maria Keller', 'Tom Becker', 'Aisha Rahman', 'Jonas Weber', 'Lena Fischer'];
const staffNames = ['Lindqvist', 'Okafor', 'Adeyemi', 'Novak', 'Vogel', 'northwind.example'];

beforeAll(() => {
  // One sample for the file (the helpers' tempDir is removed after each test).
  dir = mkdtempSync(join(tmpdir(), 'assay-reports-b-'));
  file = join(dir, 'northwind.assay');
  buildSample(file, { today, base: testContext(dir) });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function call<N extends CommandName>(name: N, input: unknown): CommandOutput<N> {
  const result = dispatch(name, input, testContext(dir));
  if (!result.ok) throw new Error(result.error.message);
  return result.value as CommandOutput<N>;
}

function meta(type: ReportType, audience: 'internal' | 'external' = 'internal'): Omit<ReportMeta, 'subtitle'> {
  return {
    type,
    title: type,
    assessment: { id: 'a', name: 'Northwind Financial (sample)' },
    head: { count: 1, hash: '0'.repeat(64) },
    catalogVersion: 'test',
    assayVersion: 'test',
    generatedAt: `${today}T09:00:00.000Z`,
    generatedBy: 'tester',
    paper: 'A4',
    label: 'TLP:AMBER',
    audience,
    frameworks: [],
    systems: [],
  };
}

function scopeOf(systemIds?: string[], day = today): ReportScope {
  const systems = call('systems.list', { file }).systems.map((s) => ({ id: s.id, name: s.name }));
  const chosen = systemIds ? systems.filter((s) => systemIds.includes(s.id)) : systems;
  return { systems: chosen, frameworks: [], allSystems: !systemIds, allFrameworks: true, today: day };
}

function build(type: ReportType, options: { audience?: 'internal' | 'external'; systems?: string[]; today?: string } = {}): BuiltReport {
  const source = reportSources[type];
  if (!source) throw new Error(`${type} is not registered`);
  const scope = scopeOf(options.systems, options.today);
  return source.build(source.gather(useForReading(file), scope), meta(type, options.audience), scope);
}

function blocks(sections: readonly ReportSection[]): Block[] {
  return sections.flatMap((s) => [...s.blocks, ...blocks(s.sections ?? [])]);
}
const tables = (r: BuiltReport) => blocks(r.sections).filter((b): b is TableBlock => b.kind === 'table');
const mainTable = (r: BuiltReport) => {
  const main = tables(r).filter((t) => t.main);
  expect(main).toHaveLength(1);
  return main[0]!;
};
const table = (r: BuiltReport, sheet: string) => tables(r).find((t) => t.sheet === sheet)!;
const column = (t: TableBlock, key: string) => t.rows.map((row) => row[t.columns.findIndex((c) => c.key === key)]);
/** The whole model as text; chart label formatters (functions) by their source, so two builds compare. */
const text = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'function' ? v.toString() : v));

describe('the risk register report', () => {
  it('lists every risk with the scores, ratings and acceptance risks.list gives, and the Risks view heat map', () => {
    const register = call('risks.list', { file });
    const report = build('risks');
    const main = mainTable(report);
    expect(register.risks.length).toBeGreaterThan(3);
    expect(column(main, 'id')).toEqual(register.risks.map((r) => r.id));
    expect(column(main, 'inherentScore')).toEqual(register.risks.map((r) => r.inherent.score));
    expect(column(main, 'inherentRating')).toEqual(register.risks.map((r) => ratingLabel(r.inherent.rating)));
    expect(column(main, 'residualScore')).toEqual(register.risks.map((r) => r.residual?.score ?? null));
    expect(column(main, 'owner')).toEqual(register.risks.map((r) => r.ownerName ?? '—'));
    // The sample has a current acceptance: its approver and expiry are in the register row.
    const accepted = register.risks.find((r) => r.acceptanceStatus === 'current')!;
    const row = main.rows[register.risks.indexOf(accepted)]!;
    expect(row.at(-1)).toBe(`Current; by ${accepted.acceptance!.approver}; expires ${accepted.acceptance!.expiresOn}`);

    const byRating = table(report, 'By rating');
    for (const rating of ['low', 'medium', 'high', 'critical'] as const) {
      const line = byRating.rows.find((r) => r[0] === ratingLabel(rating))!;
      expect(line[2]).toBe(register.risks.filter((r) => r.inherent.rating === rating).length);
      expect(line[3]).toBe(register.risks.filter((r) => r.residual?.rating === rating).length);
    }
    const figure = blocks(report.sections).find((b) => b.kind === 'figure')!;
    expect(text(figure.kind === 'figure' && figure.option)).toBe(text(riskHeatmapOption(register.heatMap)));
  });

  it('keeps to the systems chosen', () => {
    const register = call('risks.list', { file });
    const only = register.risks.filter((r) => r.systemId === 'SYS-002');
    expect(only.length).toBeGreaterThan(0);
    expect(column(mainTable(build('risks', { systems: ['SYS-002'] })), 'id')).toEqual(only.map((r) => r.id));
  });
});

describe('the findings report', () => {
  it('has the plan of action of findings.plan as its main table and the register of findings.list, in several states', () => {
    const { findings } = call('findings.list', { file, asOf: today });
    const { items } = call('findings.plan', { file, asOf: today });
    const report = build('findings');
    const plan = mainTable(report);
    expect(column(plan, 'id')).toEqual(items.map((p) => p.id));
    expect(column(plan, 'byWhen')).toEqual(items.map((p) => p.byWhen ?? '—'));
    expect(column(plan, 'who')).toEqual(items.map((p) => p.who ?? '—'));
    expect(column(table(report, 'Findings'), 'id')).toEqual(findings.map((f) => f.id));
    expect(new Set(findings.map((f) => f.status)).size).toBeGreaterThanOrEqual(3);
    // Threat × severity counts add up to the register.
    const byThreat = table(report, 'By threat');
    expect(byThreat.rows.at(-1)!.at(-1)).toBe(findings.length);
    const high = byThreat.rows.slice(0, -1).reduce((n, r) => n + (r[2] as number), 0);
    expect(high).toBe(findings.filter((f) => f.severity === 'high').length);
    expect(blocks(report.sections).some((b) => b.kind === 'figure')).toBe(true);
  });

  it('flags what is late as of the report day', () => {
    const now = build('findings');
    expect(column(mainTable(now), 'late').filter((c) => c === 'Overdue')).toHaveLength(0);
    // The finding in remediation is due 21 days after the sample was built.
    const later = build('findings', { today: addDays(today, 30) });
    const plan = mainTable(later);
    const statusAt = plan.columns.findIndex((c) => c.key === 'status');
    const inRemediation = plan.rows.filter((r) => r[statusAt] === 'In remediation');
    expect(inRemediation.length).toBeGreaterThan(0);
    expect(inRemediation.every((r) => r.at(-1) === 'Overdue')).toBe(true);
    // The accepted risk's acceptance runs 90 days: after it, the plan says so.
    const expired = mainTable(build('findings', { today: addDays(today, 100) }));
    const accepted = expired.rows.filter((r) => r[statusAt] === 'Risk accepted');
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.every((r) => r.at(-1) === 'Acceptance expired')).toBe(true);
    expect(column(mainTable(later), 'late').filter((c) => c === 'Acceptance expired')).toHaveLength(0);
  });
});

describe('the AI-BOM report', () => {
  it('lists every component components.list returns, with counts per kind', () => {
    const { components } = call('components.list', { file });
    const report = build('aibom');
    const main = mainTable(report);
    expect(components.length).toBeGreaterThan(3);
    expect(column(main, 'id')).toEqual(components.map((c) => c.id));
    expect(column(main, 'version')).toEqual(components.map((c) => c.version ?? '—'));
    expect(column(main, 'licences')).toEqual(components.map((c) => c.licenses.join(', ') || 'Unknown'));
    const total = table(report, 'By kind').rows.at(-1)!;
    expect(total).toEqual(['Total', ...(['model', 'dataset', 'service', 'library', 'other'] as const).map((k) => components.filter((c) => c.kind === k).length), components.length]);
  });
});

describe('the human-risk summary', () => {
  it('shows the group figures of humanRisk.summary and its chart, never a person', () => {
    const summary = call('humanRisk.summary', { file });
    const correlation = call('humanRisk.correlation', { file });
    const report = build('human-risk');
    const groups = mainTable(report);
    expect(summary.groups.length).toBeGreaterThan(3);
    expect(column(groups, 'group')).toEqual(summary.groups.map((g) => g.group));
    expect(column(groups, 'ppp')).toEqual(summary.groups.map((g) => g.phishPronePct));
    const figure = blocks(report.sections).find((b) => b.kind === 'figure' && b.caption.startsWith('Phish-prone'))!;
    expect(text(figure.kind === 'figure' && figure.option)).toBe(text(groupFiguresOption(summary.groups)));
    // Systems whose people are high-risk, as the correlation says.
    const high = correlation.systems.filter((s) => s.highRisk);
    expect(high.length).toBeGreaterThan(0);
    const list = blocks(report.sections).find((b) => b.kind === 'list');
    expect(list && list.kind === 'list' && list.items.map((i) => i.split(':')[0])).toEqual(high.map((s) => `${s.systemName} (${s.systemId})`));
    // Each high-risk threat says for itself whether the register has it, so none reads as another's.
    const said = (t: (typeof high)[number]['threats'][number]) => `${t.threatId} ${t.threatName} (${t.risk ? `in the register as ${t.risk.id}` : 'not in the risk register'})`;
    expect(list && list.kind === 'list' && list.items).toEqual(high.map((s) => `${s.systemName} (${s.systemId}): ${s.threats.filter((t) => t.highRisk).map(said).join('; ')}`));
    const all = text(report);
    for (const name of staffNames) expect(all).not.toContain(name);
    expect(all).not.toMatch(/p-[0-9a-f]{16}/);
  });
});

describe('the human-risk summary, narrowed and with identities kept', () => {
  it('speaks of the groups the chosen systems name, and shows no identity kept by an import', () => {
    const narrowed = build('human-risk', { systems: ['SYS-004'] });
    expect(column(mainTable(narrowed), 'group')).toEqual(['Finance operations']);
    expect(narrowed.sections.map((s) => s.title)).not.toContain('Figures per control');

    const own = tempDir();
    const other = join(own, 'kept.assay');
    const run = <N extends CommandName>(name: N, input: unknown) => {
      const result = dispatch(name, input, testContext(own));
      if (!result.ok) throw new Error(result.error.message);
      return result.value as CommandOutput<N>;
    };
    run('assessment.create', { file: other, name: 'Kept identities' });
    run('systems.add', { file: other, system: { name: 'Claims triage', roles: ['deployer'], groups: [{ name: 'Claims', relation: 'uses' }] } });
    const figure = (subject: string, value: number) => ({
      input: { subjectKind: 'person' as const, subject, group: 'Claims', metric: 'phish_prone_pct' as const, value, valueText: null, measuredOn: '2026-10-01', label: null, source: 'knowbe4', control: 'HUM-04' as const, externalId: null },
    });
    recordMetrics(useForWriting(other, 'tester').assessment, [figure('jane.doe@example.com', 31), figure('p-0123456789abcdef', 11)], 'tester', { keepIdentities: true });
    const source = reportSources['human-risk']!;
    const scope: ReportScope = { systems: [{ id: 'SYS-001', name: 'Claims triage' }], frameworks: [], allSystems: true, allFrameworks: true, today };
    const report = source.build(source.gather(useForReading(other), scope), meta('human-risk'), scope);
    const all = text(report);
    expect(all).not.toContain('jane.doe');
    expect(all).not.toContain('p-0123456789abcdef');
    expect(all).toContain("1 person's figures were imported with identities kept");
    // The group's figure is the mean of its two people, as the domain computes it.
    expect(mainTable(report).rows).toEqual([['Claims', 2, 21, null, null, '—', '2026-10-01']]);
  });
});

describe('the Annex IV technical documentation', () => {
  it('outlines the high-risk system the organisation provides, with its evidence and what is missing', () => {
    const report = build('annex-iv');
    const { systems } = call('systems.list', { file });
    const credit = systems.find((s) => s.name === 'Credit scoring model')!;
    expect(report.sections.map((s) => s.title)).toEqual(['Scope', `Credit scoring model (${credit.id})`]);
    const outline = report.sections[1]!;
    expect(outline.sections!.map((s) => s.title.split(':')[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `Annex IV point ${n}`));
    const said = blocks(outline.sections!).flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    for (const empty of ['hardware and software it runs on', 'design choices, training methods and data', 'changes over its lifecycle', 'harmonised standards or other specifications applied'])
      expect(said).toContain(`Missing: ${empty}.`);
    expect(said).not.toContain('Missing: intended purpose.');
    const facts = blocks(outline.sections!).flatMap((b) => (b.kind === 'facts' ? b.rows : []));
    expect(facts).toContainEqual(['Intended purpose', credit.annexIv.intendedPurpose]);
    // Every cited evidence item by its id and the SHA-256 the evidence index holds.
    const index = new Map(call('evidence.list', { file }).evidence.map((e) => [e.id, e.sha256]));
    expect(report.evidence.length).toBeGreaterThan(0);
    for (const e of report.evidence) expect(e.sha256).toBe(index.get(e.id));
    const systemsTable = mainTable(report);
    expect(column(systemsTable, 'included')).toEqual(systems.map((s) => (s.id === credit.id ? 'Yes' : 'No')));
  });

  it('says so when no system in scope qualifies', () => {
    const report = build('annex-iv', { systems: ['SYS-001'] });
    expect(report.sections).toHaveLength(1);
    const said = blocks(report.sections).flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(said.some((t) => t.startsWith('No system in scope is a high-risk AI system the organisation provides'))).toBe(true);
    // The support assistant is a deployer's limited-risk system whose questionnaire is not finished.
    const support = call('systems.list', { file }).systems.find((s) => s.id === 'SYS-001')!;
    expect(support.classification!.complete).toBe(false);
    expect(column(mainTable(report), 'reason')).toEqual(['Classification incomplete; not high-risk so far']);
    const lists = blocks(report.sections).flatMap((b) => (b.kind === 'list' ? b.items : []));
    expect(lists).toEqual(['Customer support assistant (SYS-001)']);
  });
});

describe('the Annex IV builder on its own', () => {
  it('lists a high-risk system the organisation only deploys, and an unclassified one, instead of outlining them', () => {
    const credit = sampleSystems.find((s) => s.key === 'credit')!;
    const result = classify(credit.answers as ClassificationAnswers);
    expect(result.highRisk.length).toBeGreaterThan(0);
    const system = (id: string, name: string, roles: string[], classified: boolean): AnnexIvSystem => ({
      id, name, purpose: null, owner: 'Tom Becker', businessUnit: null, lifecycle: 'production', deployment: 'internal', roles, modelTypes: [], annexIv: {},
      classification: classified ? { result, labels: resultLabels(result), classifiedAt: `${today}T08:00:00.000Z` } : null, components: [], risks: [],
    });
    const data: AnnexIvData = { systems: [system('SYS-001', 'Bought scoring', ['deployer'], true), system('SYS-002', 'New idea', ['provider'], false)], evidence: [], controlRequirements: [] };
    const scope: ReportScope = { systems: [{ id: 'SYS-001', name: 'Bought scoring' }, { id: 'SYS-002', name: 'New idea' }], frameworks: [], allSystems: true, allFrameworks: true, today };
    const report = buildAnnexIv(data, meta('annex-iv'), scope);
    expect(report.sections).toHaveLength(1);
    expect(report.evidence).toEqual([]);
    const lists = blocks(report.sections).flatMap((b) => (b.kind === 'list' ? b.items : []));
    expect(lists).toEqual(['Bought scoring (SYS-001)', 'New idea (SYS-002)']);
    expect(column(mainTable(report), 'reason')).toEqual(['High-risk, but the organisation is not its provider', 'Not classified yet']);
    // The same system as provider is outlined, every point missing what it lacks.
    const provided = buildAnnexIv({ ...data, systems: [system('SYS-001', 'Bought scoring', ['provider'], true)] }, meta('annex-iv', 'external'), scope);
    const said = blocks(provided.sections).flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    // The eight Annex IV fields, the inventory purpose, the AI-BOM, the risks, the declaration and the monitoring plan.
    expect(said.filter((t) => t.startsWith('Missing: '))).toHaveLength(13);
    expect(text(provided)).not.toContain('Tom Becker');
  });
});

describe('every register report', () => {
  const types = ['risks', 'annex-iv', 'aibom', 'findings', 'human-risk'] as const;

  it('names nobody for an external audience, and owners for an internal one', () => {
    for (const type of types) {
      const external = text(build(type, { audience: 'external' }));
      for (const name of [...sampleNames, ...staffNames]) expect(external, `${type}: ${name}`).not.toContain(name);
    }
    expect(text(build('risks'))).toContain('Tom Becker');
    expect(text(build('findings'))).toContain('Tom Becker');
    expect(text(build('risks', { audience: 'external' }))).toContain('[owner]');
  });

  it('is deterministic: the same data builds the same model', () => {
    for (const type of types) expect(text(build(type)), type).toBe(text(build(type)));
  });
});
