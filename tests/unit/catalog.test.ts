import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundledCatalog, readCatalogDir } from '../../electron/catalog/load';
import { frameworksDir } from '../../electron/paths';
import { applicationDates } from '../../shared/catalog/eu-dates';
import { checkCatalog } from '../../shared/catalog/rules';
import type { Framework } from '../../shared/catalog/schema';
import { searchCatalog, searchEntries } from '../../shared/catalog/search';
import { buildIndex, traceControl, traceRequirement, traceThreat } from '../../shared/catalog/trace';
import { tempDir } from './helpers';

const catalog = loadBundledCatalog();
const reference = JSON.parse(readFileSync('tests/fixtures/reference/frameworks.json', 'utf8'));
const fw = (id: string): Framework => catalog.frameworks.find((f) => f.id === id)!;
const items = (id: string, kind?: string) => fw(id).items.filter((i) => !kind || i.kind === kind);
const titles = (id: string, kind: string) => items(id, kind).map((i) => [i.id, i.title]);

describe('the bundled catalog', () => {
  it('meets every catalog rule, and prints its coverage figures', () => {
    const report = checkCatalog(catalog);
    const rows = report.coverage.map((c) => ({
      framework: c.framework,
      assessable: c.assessable,
      'reached by a control': c.reached,
      'fully (equal/superset/set)': c.full,
      'only partially (subset/intersects)': c.partial,
      'governance-only': c.governanceOnly,
      unreached: c.unreached.length,
    }));
    console.log(`catalog ${catalog.manifest.version}: ${report.counts.threats} threats, ${report.counts.controls} controls, ` +
      `${report.counts.threatControls} threat→control and ${report.counts.controlRequirements} control→requirement mappings`);
    console.table(rows);
    expect(report.problems).toEqual([]);
    expect(report.counts.threats).toBeGreaterThanOrEqual(30);
    expect(report.counts.controls).toBeGreaterThanOrEqual(50);
  });

  it('has every EU AI Act article and annex with its official title, grouped by chapter and section', () => {
    const e = reference.eu_ai_act;
    expect(titles('eu-ai-act', 'article')).toEqual(e.articles.map((a: { number: string; title: string }) => [`Art. ${a.number}`, a.title]));
    expect(titles('eu-ai-act', 'annex')).toEqual(e.annexes.map((a: { number: string; title: string }) => [`Annex ${a.number}`, a.title]));
    expect(titles('eu-ai-act', 'chapter')).toEqual(e.chapters.map((c: { number: string; title: string }) => [`Chapter ${c.number}`, c.title]));
    const sections = e.chapters.flatMap((c: { number: string; sections: { number: string; title: string }[] }) =>
      c.sections.map((s) => [`Chapter ${c.number} Section ${s.number}`, s.title]),
    );
    expect(titles('eu-ai-act', 'section')).toEqual(sections);
    for (const a of e.articles) {
      const item = items('eu-ai-act').find((i) => i.id === `Art. ${a.number}`)!;
      expect(item.parent).toBe(a.section ? `Chapter ${a.chapter} Section ${a.section}` : `Chapter ${a.chapter}`);
    }
    expect(titles('eu-ai-act', 'area')).toEqual(e.annex_iii_areas.map((p: { point: string; area: string }) => [`Annex III point ${p.point}`, p.area]));
  });

  it('breaks the obligation articles of the EU AI Act into assessable requirements with role, risk class and date', () => {
    const required = [4, 5, 6, ...Array.from({ length: 20 }, (_, i) => i + 8), 43, 47, 48, 49, 50, 53, 54, 55, 60, 72, 73, 86];
    const eu = items('eu-ai-act');
    for (const n of required) {
      const assessable = eu.filter((i) => i.assessable && (i.id === `Art. ${n}` || i.parent === `Art. ${n}`));
      expect(assessable.length, `Art. ${n}`).toBeGreaterThan(0);
    }
    const baselineDates = new Set(reference.eu_ai_act.application_dates_original_art_113.map((d: { date: string }) => d.date));
    for (const item of eu.filter((i) => i.assessable)) {
      expect(item.eu, item.id).toBeDefined();
      expect(item.summary, item.id).toBeDefined();
      for (const d of item.eu!.applies_from) expect(baselineDates.has(d.date), `${item.id} ${d.date}`).toBe(true);
    }
    expect(eu.find((i) => i.id === 'Art. 5(1)(a)')?.eu).toMatchObject({ risk_classes: ['prohibited'], applies_from: [{ date: '2025-02-02' }] });
    expect(eu.find((i) => i.id === 'Art. 26(1)')?.eu?.roles).toEqual(['deployer']);
    expect(eu.find((i) => i.id === 'Art. 55(1)(a)')?.eu).toMatchObject({ roles: ['gpai_provider'], risk_classes: ['gpai_systemic'] });
  });

  it('keeps the Digital Omnibus as a separate, sourced amendment layer over the Art. 113 dates', () => {
    const [omnibus] = catalog.amendments;
    expect(omnibus).toMatchObject({ framework: 'eu-ai-act', status: 'reported', checked_on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    const art9 = items('eu-ai-act').find((i) => i.id === 'Art. 9(1)')!;
    const dates = applicationDates(art9, catalog.amendments);
    expect(dates).toEqual([
      expect.objectContaining({ scope: 'annex_iii', baseline: '2026-08-02', amended: expect.objectContaining({ date: '2027-12-02' }) }),
      expect.objectContaining({ scope: 'annex_i', baseline: '2027-08-02', amended: expect.objectContaining({ date: '2028-08-02' }) }),
    ]);
    const art50 = items('eu-ai-act').find((i) => i.id === 'Art. 50(1)')!;
    const art50Dates = applicationDates(art50, catalog.amendments);
    expect(art50Dates).toHaveLength(1);
    expect(art50Dates[0]).toMatchObject({ scope: 'all', baseline: '2026-08-02' });
    expect(art50Dates[0]!.amended).toBeUndefined();
    // The baseline itself is untouched by the layer.
    expect(art9.eu!.applies_from.map((d) => d.date)).toEqual(['2026-08-02', '2027-08-02']);
  });

  it('has all 4 functions, 19 categories and 72 subcategories of the NIST AI RMF with exact ids', () => {
    const n = reference.nist_ai_rmf_1_0;
    const cats = n.functions.flatMap((f: { categories: { id: string; title: string }[] }) => f.categories);
    expect(titles('nist-ai-rmf', 'function')).toEqual(n.functions.map((f: { id: string; outcome: string }) => [f.id, f.outcome]));
    expect(titles('nist-ai-rmf', 'category')).toEqual(cats.map((c: { id: string; title: string }) => [c.id, c.title]));
    const subs = cats.flatMap((c: { subcategories: { id: string }[] }) => c.subcategories.map((s) => s.id));
    expect(subs).toHaveLength(72);
    expect(items('nist-ai-rmf', 'subcategory').map((i) => i.id)).toEqual(subs);
    expect(subs[0]).toBe('GOVERN 1.1');
    expect(subs[71]).toBe('MANAGE 4.3');
  });

  it('has the 12 NIST AI 600-1 risks and the range of its suggested-action ids', () => {
    expect(titles('nist-ai-600-1', 'risk')).toEqual(reference.nist_ai_600_1.risks.map((r: { id: string; name: string }) => [r.id, r.name]));
    const ranges = fw('nist-ai-600-1').action_ranges!;
    expect(ranges.reduce((n, r) => n + r.count, 0)).toBe(reference.nist_ai_600_1.suggested_actions.count);
  });

  it('has both OWASP LLM editions with year-qualified ids and the mapping between them, and the ML Top 10', () => {
    expect(titles('owasp-llm-2025', 'risk')).toEqual(reference.owasp_llm_top10_2025.map((i: { id: string; name: string }) => [i.id, i.name]));
    expect(titles('owasp-llm-2026', 'risk')).toEqual(reference.owasp_llm_top10_2026.items.map((i: { id: string; name: string }) => [i.id, i.name]));
    for (const m of reference.owasp_llm_top10_2026.mapping_from_2025) {
      const item = items('owasp-llm-2026').find((i) => i.id === m.id_2026)!;
      expect(item.same_as).toEqual([{ ref: `owasp-llm-2025:${m.id_2025}`, relation: m.relation }]);
    }
    expect(titles('owasp-ml-2023', 'risk')).toEqual(reference.owasp_ml_top10_2023.map((i: { id: string; name: string }) => [i.id, i.name]));
  });

  it('has the MITRE ATLAS tactics, techniques and mitigations with exact AML ids', () => {
    const a = reference.mitre_atlas;
    expect(titles('mitre-atlas', 'tactic')).toEqual(a.tactics.map((t: { id: string; name: string }) => [t.id, t.name]));
    const techniques = items('mitre-atlas').filter((i) => i.kind === 'technique' || i.kind === 'sub-technique');
    expect(techniques.map((t) => [t.id, t.title, t.related])).toEqual(
      a.techniques.map((t: { id: string; name: string; tactics: string[] }) => [t.id, t.name, t.tactics]),
    );
    expect(techniques).toHaveLength(a.counts.techniques_total);
    expect(titles('mitre-atlas', 'mitigation')).toEqual(a.mitigations.map((m: { id: string; name: string }) => [m.id, m.name]));
    expect(fw('mitre-atlas').version).toBe(a.version);
  });

  it('has ISO/IEC 42001 Annex A ids and short titles only, and the OWASP AI Exchange by permalink name', () => {
    expect(titles('iso-42001-annex-a', 'control')).toEqual(reference.iso_iec_42001_2023_annex_a.map((c: { id: string; title: string }) => [c.id, c.title]));
    for (const c of items('iso-42001-annex-a')) expect(c.summary).toBeUndefined();
    const x = reference.owasp_ai_exchange;
    expect(titles('owasp-ai-exchange', 'control')).toEqual(x.controls.map((c: { id: string; name: string }) => [c.id, c.name]));
    expect(items('owasp-ai-exchange').filter((i) => i.kind.startsWith('threat'))).toHaveLength(x.counts.threats_and_threat_groups);
  });

  it('records publisher, version, publication date, source and licence for every framework', () => {
    for (const f of catalog.frameworks) {
      expect(f.published, f.id).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      expect(f.publisher.length, f.id).toBeGreaterThan(2);
      expect(f.licence.length, f.id).toBeGreaterThan(2);
      expect(f.source.length, f.id).toBeGreaterThan(2);
      expect(f.version, f.id).toBeTruthy();
    }
  });

  it('keeps its own summaries short, so they cannot be pasted source text', () => {
    for (const f of catalog.frameworks) for (const i of f.items) if (i.summary) expect(i.summary.length, `${f.id} ${i.id}`).toBeLessThanOrEqual(300);
    for (const t of catalog.threats) expect(t.description.length, t.id).toBeLessThanOrEqual(300);
  });

  it('describes every threat with lifecycle stages, assets and references, and every control with guidance and evidence', () => {
    for (const t of catalog.threats) {
      expect(t.lifecycle.length, t.id).toBeGreaterThan(0);
      expect(t.assets.length, t.id).toBeGreaterThan(0);
    }
    expect(catalog.threats.filter((t) => t.refs.length === 0).map((t) => t.id)).toEqual(['THR-31']);
    for (const c of catalog.controls) expect(c.evidence.length, c.id).toBeGreaterThanOrEqual(2);
    expect(new Set(catalog.controls.map((c) => c.type))).toEqual(new Set(['technical', 'organisational', 'human']));
  });
});

describe('catalog files with mistakes', () => {
  function brokenCopy(edit: (dir: string) => void): string {
    const dir = tempDir();
    cpSync(frameworksDir(), dir, { recursive: true });
    edit(dir);
    return dir;
  }

  function errorOf(fn: () => unknown): string {
    try {
      fn();
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('expected an error');
  }

  it('report a YAML syntax error with file, line and column', () => {
    const dir = brokenCopy((d) => writeFileSync(join(d, 'controls.yaml'), '- id: GOV-01\n  name: [unclosed\n'));
    expect(errorOf(() => readCatalogDir(dir))).toMatch(new RegExp(`${join(dir, 'controls.yaml')}:\\d+:\\d+: `));
  });

  it('report a schema error naming the file, line and field', () => {
    const dir = brokenCopy((d) => {
      const text = readFileSync(join(d, 'controls.yaml'), 'utf8').replace('type: organisational', 'type: magical');
      writeFileSync(join(d, 'controls.yaml'), text);
    });
    expect(errorOf(() => readCatalogDir(dir))).toMatch(/controls\.yaml:\d+ controls #1 › type: must be one of "technical", "organisational", "human"/);
  });

  it('report a mapping to a requirement that does not exist, naming both ends', () => {
    const dir = brokenCopy((d) => {
      const file = join(d, 'mappings', 'controls-to-eu-ai-act.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('eu-ai-act:Art. 9(1)"', 'eu-ai-act:Art. 9(11)"'));
    });
    expect(errorOf(() => readCatalogDir(dir))).toContain('GOV-01: requirement eu-ai-act:Art. 9(11) does not exist');
  });

  it('fail the rules when a threat has fewer than two controls', () => {
    const thin = { ...catalog, threat_controls: catalog.threat_controls.filter((m) => !(m.threat === 'THR-05' && m.control !== 'ACC-02')) };
    expect(checkCatalog(thin).problems).toContain('threat THR-05 (Model extraction through queries) is mitigated by 1 control; at least 2 are required');
  });
});

describe('search and traceability', () => {
  const index = buildIndex(catalog);
  const entries = searchEntries(index);

  it('finds items by exact id first', () => {
    expect(searchCatalog(entries, 'GOVERN 1.1')[0]?.entry.key).toBe('nist-ai-rmf:GOVERN 1.1');
    expect(searchCatalog(entries, 'Art. 9(2)')[0]?.entry.key).toBe('eu-ai-act:Art. 9(2)');
    expect(searchCatalog(entries, 'AML.T0051')[0]?.entry.key).toBe('mitre-atlas:AML.T0051');
    expect(searchCatalog(entries, 'llm01:2025')[0]?.entry.key).toBe('owasp-llm-2025:LLM01:2025');
  });

  it('finds threats, controls and requirements by title and text, every term required', () => {
    const keys = searchCatalog(entries, 'prompt injection', { limit: 30 }).map((h) => h.entry.key);
    expect(keys).toEqual(expect.arrayContaining(['THR-08', 'THR-09', 'owasp-llm-2025:LLM01:2025', 'mitre-atlas:AML.T0051']));
    expect(searchCatalog(entries, 'deepfake phishing', { kinds: ['threat'] }).map((h) => h.entry.key)).toContain('THR-25');
    expect(searchCatalog(entries, 'zzzz nothing')).toEqual([]);
  });

  it('traces a threat through its controls to the requirements they satisfy', () => {
    const trace = traceThreat(index, 'THR-01')!;
    const sanitise = trace.controls.find((c) => c.control.id === 'DAT-09')!;
    expect(sanitise.mapping.rationale.length).toBeGreaterThan(15);
    expect(sanitise.requirements.map((r) => r.requirement)).toContain('eu-ai-act:Art. 15(5)');
    expect(trace.refs.map((r) => r.ref)).toContain('mitre-atlas:AML.T0020');
  });

  it('traces a requirement back through its controls to the threats they answer', () => {
    const trace = traceRequirement(index, 'eu-ai-act:Art. 10(3)')!;
    expect(trace.parents.map((p) => p.item.id)).toEqual(['Chapter III', 'Chapter III Section 2', 'Art. 10']);
    const quality = trace.controls.find((c) => c.control.id === 'DAT-06')!;
    // DAT-06 checks quality and coverage of settings too, so it is broader than Art. 10(3).
    expect(quality.mapping.relationship).toBe('superset');
    expect(quality.threats.map((t) => t.threat)).toContain('THR-24');
    expect(traceRequirement(index, 'eu-ai-act:Art. 10')!.children.map((c) => c.item.id)).toEqual(['Art. 10(2)', 'Art. 10(3)', 'Art. 10(4)', 'Art. 10(5)']);
    expect(traceRequirement(index, 'mitre-atlas:AML.T0020')!.citedBy.map((t) => t.id)).toContain('THR-01');
  });

  it('traces a control both ways', () => {
    const trace = traceControl(index, 'HUM-08')!;
    expect(trace.threats.map((t) => t.threat.id)).toEqual(['THR-25']);
    expect(trace.requirements.map((r) => r.entry.ref)).toContain('mitre-atlas:AML.M0034');
  });
});
