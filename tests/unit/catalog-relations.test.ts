import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundledCatalog, readCatalogDir } from '../../electron/catalog/load';
import { frameworksDir } from '../../electron/paths';
import { checkCatalog } from '../../shared/catalog/rules';
import { Catalog, splitRef } from '../../shared/catalog/schema';
import { tempDir } from './helpers';

const catalog = loadBundledCatalog();
const eu = catalog.frameworks.find((f) => f.id === 'eu-ai-act')!;
const euItem = (id: string) => eu.items.find((i) => i.id === id)!;
const control = (id: string) => catalog.controls.find((c) => c.id === id)!;
const links = (controlId: string, framework?: string) =>
  catalog.control_requirements.filter((m) => m.control === controlId && (!framework || splitRef(m.requirement).framework === framework));

describe('relationships are set relations from the control to the requirement', () => {
  it('allows at most one equal per control per framework', () => {
    const equals = new Map<string, number>();
    for (const m of catalog.control_requirements.filter((x) => x.relationship === 'equal')) {
      const key = `${m.control} ${splitRef(m.requirement).framework}`;
      equals.set(key, (equals.get(key) ?? 0) + 1);
    }
    expect([...equals].filter(([, n]) => n > 1)).toEqual([]);
  });

  it('flags a control equal to two requirements of one framework', () => {
    const twice = {
      ...catalog,
      control_requirements: catalog.control_requirements.map((m) =>
        m.control === 'GOV-08' && (m.requirement === 'eu-ai-act:Art. 16(f)' || m.requirement === 'eu-ai-act:Art. 16(g)') ? { ...m, relationship: 'equal' as const } : m,
      ),
    };
    expect(checkCatalog(twice).problems).toContainEqual(expect.stringMatching(/^GOV-08 eu-ai-act: equal to 2 requirements \(Art\. 16\(f\), Art\. 16\(g\)\)/));
  });

  it('makes controls that handle one attack named in Art. 15(5) its subsets', () => {
    for (const id of ['DAT-01', 'DAT-09', 'MOD-06', 'MOD-07', 'MOD-09', 'MOD-17'])
      expect(links(id).find((m) => m.requirement === 'eu-ai-act:Art. 15(5)')?.relationship, id).toBe('subset');
  });
});

describe('operator roles under the EU AI Act', () => {
  it('records the roles that carry out every control', () => {
    for (const c of catalog.controls) expect(c.eu_roles?.length, c.id).toBeGreaterThan(0);
    expect(control('GOV-14').eu_roles).toEqual(['gpai_provider']);
  });

  it('links every control only to EU obligations held by one of its roles', () => {
    for (const m of catalog.control_requirements.filter((x) => splitRef(x.requirement).framework === 'eu-ai-act')) {
      const held = euItem(splitRef(m.requirement).item).eu!.roles;
      expect(held.some((r) => control(m.control).eu_roles!.includes(r)), `${m.control} → ${m.requirement}`).toBe(true);
    }
  });

  it('reports a link to an obligation of another role (the old GOV-08 → Art. 49(3) error)', () => {
    const wrong = {
      ...catalog,
      control_requirements: [
        ...catalog.control_requirements,
        { control: 'GOV-08', requirement: 'eu-ai-act:Art. 49(3)', relationship: 'intersects' as const, rationale: 'Registration covers public deployers too.' },
      ],
    };
    expect(checkCatalog(wrong).problems).toContain(
      'GOV-08 → eu-ai-act:Art. 49(3): the requirement binds deployer, the control is carried out by provider, product_manufacturer',
    );
    expect(links('GOV-08').map((m) => m.requirement)).not.toContain('eu-ai-act:Art. 49(3)');
  });

  it("has a provider control that builds human oversight in, apart from the deployer's oversight procedure", () => {
    const provider = catalog.controls.filter((c) => c.eu_roles?.includes('provider'));
    for (const req of ['Art. 14(1)', 'Art. 14(3)', 'Art. 14(4)']) {
      const reaching = links('MOD-18', 'eu-ai-act').find((m) => m.requirement === `eu-ai-act:${req}`);
      expect(reaching, req).toBeDefined();
      expect(['equal', 'superset']).toContain(reaching!.relationship);
    }
    expect(provider.map((c) => c.id)).toContain('MOD-18');
    expect(control('HUM-01').eu_roles).toEqual(['deployer']);
    expect(links('HUM-01', 'eu-ai-act').map((m) => m.requirement)).toContain('eu-ai-act:Art. 26(2)');
  });
});

describe('control texts support their rationales', () => {
  const text = (id: string) => JSON.stringify(control(id)).toLowerCase();
  const mitigates = (threat: string) => catalog.threat_controls.filter((m) => m.threat === threat).map((m) => m.control);

  it('SUP-02 mentions the intellectual property and indemnities its rationale cites', () => {
    expect(text('SUP-02')).toContain('intellectual-property');
    expect(text('SUP-02')).toContain('indemnit');
  });

  it('DAT-03 covers knowledge-base sources, since it is linked to knowledge-base threats', () => {
    expect(text('DAT-03')).toContain('knowledge-base');
  });

  it('links transfer-learning attacks to model scanning and signing, and no longer counts measurement or pseudonymisation as mitigation', () => {
    expect(mitigates('THR-33')).toContain('MOD-09');
    expect(catalog.threat_controls.filter((m) => m.control === 'HUM-05')).toEqual([]);
    expect(mitigates('THR-07')).not.toContain('DAT-05');
  });
});

describe('retired control ids', () => {
  it('records the merged controls with the control they went into, and no live control uses them', () => {
    expect(catalog.retired_controls.map((r) => [r.id, r.merged_into])).toEqual([
      ['GOV-15', 'GOV-05'],
      ['OPS-05', 'OPS-02'],
    ]);
    const live = new Set(catalog.controls.map((c) => c.id));
    for (const r of catalog.retired_controls) expect(live.has(r.id), r.id).toBe(false);
    const mapped = new Set([...catalog.control_requirements, ...catalog.threat_controls].map((m) => m.control));
    expect(mapped.has('GOV-15') || mapped.has('OPS-05')).toBe(false);
  });

  it('refuses a live control that reuses a retired id, and a merge into a control that does not exist', () => {
    const reused = Catalog.safeParse({ ...catalog, controls: [...catalog.controls, { ...control('GOV-05'), id: 'GOV-15' }] });
    expect(reused.success).toBe(false);
    expect(reused.error?.issues.map((i) => i.message)).toContain('GOV-15 is retired and must not be used by a live control');
    const dangling = Catalog.safeParse({ ...catalog, retired_controls: [{ id: 'GOV-99', merged_into: 'GOV-98', reason: 'merged into nothing at all' }] });
    expect(dangling.error?.issues.map((i) => i.message)).toContain('GOV-99 is merged into GOV-98, which is not a live control');
  });

  it('reads the retired list from controls.yaml and names the file and field of a mistake', () => {
    const dir = tempDir();
    cpSync(frameworksDir(), dir, { recursive: true });
    const file = join(dir, 'controls.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('merged_into: GOV-05', 'merged_into: gov five'));
    expect(() => readCatalogDir(dir)).toThrow(/controls\.yaml:\d+ retired #1 › merged_into: control ids look like GOV-01/);
  });
});

describe('EU AI Act obligations added, and paragraphs left out on purpose', () => {
  it('encodes Art. 48(2), 52(1), 53(2), 73(5), 111(2) and 111(3) with role, risk class and date, each reached by a control', () => {
    const reached = new Set(catalog.control_requirements.map((m) => m.requirement));
    const expected: Record<string, string[]> = {
      'Art. 48(2)': ['provider'],
      'Art. 52(1)': ['gpai_provider'],
      'Art. 53(2)': ['gpai_provider'],
      'Art. 73(5)': ['provider', 'deployer'],
      'Art. 111(2)': ['provider', 'deployer'],
      'Art. 111(3)': ['gpai_provider'],
    };
    for (const [id, roles] of Object.entries(expected)) {
      const item = euItem(id);
      expect(item.assessable, id).toBe(true);
      expect(item.eu?.roles, id).toEqual(roles);
      expect(reached.has(`eu-ai-act:${id}`), id).toBe(true);
    }
  });

  it('lists each deliberately omitted paragraph on its article with the reason, never as an item too', () => {
    const omitted = eu.items.flatMap((i) => (i.omitted ?? []).map((o) => ({ article: i.id, ...o })));
    for (const ref of ['Art. 9(3)', 'Art. 9(4)', 'Art. 9(7)', 'Art. 10(1)', 'Art. 14(2)', 'Art. 23(4)', 'Art. 24(3)'])
      expect(omitted.find((o) => o.ref === ref)?.reason.length, ref).toBeGreaterThan(20);
    const ids = new Set(eu.items.map((i) => i.id));
    for (const o of omitted) {
      expect(ids.has(o.ref), `${o.ref} is both an item and omitted`).toBe(false);
      expect(o.ref.startsWith(`${o.article}(`), `${o.ref} is listed on ${o.article}`).toBe(true);
    }
  });

  it('cites Art. 113 in one style: its paragraphs are unnumbered', () => {
    const bases = new Set(eu.items.flatMap((i) => i.eu?.applies_from.map((d) => d.basis) ?? []));
    expect([...bases].sort()).toEqual([
      'Art. 113, second paragraph',
      'Art. 113, third paragraph, point (a)',
      'Art. 113, third paragraph, point (b)',
      'Art. 113, third paragraph, point (c)',
    ]);
  });
});

describe('coverage strength', () => {
  it('separates full from partial coverage and counts a named set of partial controls as full', () => {
    const report = checkCatalog(catalog);
    const euCoverage = report.coverage.find((c) => c.framework === 'eu-ai-act')!;
    expect(euCoverage.full + euCoverage.partial).toBe(euCoverage.reached);
    expect(euCoverage.partialItems).not.toContain('Art. 15(5)');
    expect(catalog.control_requirements.filter((m) => m.requirement === 'eu-ai-act:Art. 15(5)').map((m) => m.relationship)).not.toContain('equal');
    const withoutSets = checkCatalog({ ...catalog, coverage_sets: [] }).coverage.find((c) => c.framework === 'eu-ai-act')!;
    expect(withoutSets.partialItems).toContain('Art. 15(5)');
    expect(withoutSets.full).toBe(euCoverage.full - catalog.coverage_sets.filter((s) => s.requirement.startsWith('eu-ai-act:')).length);
  });

  it('refuses a coverage set naming a control that is not mapped to its requirement', () => {
    const parsed = Catalog.safeParse({
      ...catalog,
      coverage_sets: [{ id: 'bogus-set', requirement: 'eu-ai-act:Art. 15(5)', controls: ['DAT-09', 'HUM-04'], rationale: 'phishing drills do not cover cybersecurity' }],
    });
    expect(parsed.error?.issues.map((i) => i.message)).toContain('bogus-set: HUM-04 is not mapped to eu-ai-act:Art. 15(5)');
  });
});

describe('the Digital Omnibus layer', () => {
  const [omnibus] = catalog.amendments;

  it("cites the institutions' own steps and keeps the Official Journal reference marked as not verified", () => {
    expect(omnibus!.steps.map((s) => [s.date, s.institution])).toEqual(
      expect.arrayContaining([
        ['2026-05-07', 'Council of the EU and European Parliament'],
        ['2026-06-16', 'European Parliament'],
        ['2026-06-29', 'Council of the EU'],
      ]),
    );
    expect(omnibus!.official_journal?.verified).toBe(false);
  });

  it('moves the Art. 50(2) marking duty to 2 December 2026 for systems already on the market, and no other Art. 50 duty', async () => {
    const { applicationDates } = await import('../../shared/catalog/eu-dates');
    const [marking] = applicationDates(euItem('Art. 50(2)'), catalog.amendments);
    expect(marking).toMatchObject({ baseline: '2026-08-02', amended: { date: '2026-12-02', condition: expect.stringContaining('before 2 August 2026') } });
    for (const id of ['Art. 50(1)', 'Art. 50(3)', 'Art. 50(4)', 'Art. 50(5)']) expect(applicationDates(euItem(id), catalog.amendments)[0]!.amended, id).toBeUndefined();
  });

  it('carries the new Art. 5 prohibition as an amendment item whose number is not verified', () => {
    const prohibition = omnibus!.changes.find((c) => c.kind === 'new_prohibition')!;
    expect(prohibition).toMatchObject({ number_verified: false, applies_from: '2026-12-02' });
    expect(eu.items.map((i) => i.id)).not.toContain(prohibition.article);
  });
});

describe('sources shown in the app', () => {
  it('name publications, never repositories or file paths', () => {
    const shown = [
      ...catalog.frameworks.flatMap((f) => [f.source, f.licence, ...(f.notes ?? []), ...f.items.flatMap((i) => i.aliases ?? [])]),
      ...catalog.amendments.flatMap((a) => [a.source, a.title, ...a.notes, ...a.steps.map((s) => s.step), ...a.date_changes.map((c) => c.note)]),
    ];
    // Web addresses and DOIs are how publications are found; a path with a file name or an owner/name pair is not.
    const stripped = shown.map((s) => s.replace(/https?:\/\/\S+/g, '').replace(/doi:\S+/g, '').replace(/ISO\/IEC/g, ''));
    const leaks = stripped.filter((s) => /\.(ya?ml|md|py|csv|json)\b|github/i.test(s) || /\b[A-Za-z][\w.-]*\/[A-Za-z][\w.-]*/.test(s));
    expect(leaks).toEqual([]);
  });
});

describe('the catalog version', () => {
  it('has a changelog section for the bundled version', async () => {
    const { readFileSync } = await import('node:fs');
    const log = readFileSync(join(frameworksDir(), 'CHANGELOG.md'), 'utf8');
    expect(log).toContain(`## ${catalog.manifest.version} (`);
    for (const r of catalog.retired_controls) expect(log, r.id).toContain(r.id);
  });
});
