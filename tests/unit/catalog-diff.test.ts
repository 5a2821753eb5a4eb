import { describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { STRICTNESS, diffCatalogs, mergeControlStates, statesAfterMerges } from '../../shared/catalog/catalog-diff';
import { type Catalog } from '../../shared/catalog/schema';
import { type ControlState, controlStates } from '../../shared/domain/control-state';

const current = loadBundledCatalog();

/** The catalog as it was before GOV-15 was merged into GOV-05: the merge undone by hand. */
function beforeMerge(): Catalog {
  const gov05 = current.controls.find((c) => c.id === 'GOV-05')!;
  return {
    ...current,
    manifest: { ...current.manifest, version: '2026.11.1' },
    controls: [...current.controls, { ...gov05, id: 'GOV-15', name: 'Operator roles and EU representation' }],
    retired_controls: current.retired_controls.filter((r) => r.id !== 'GOV-15'),
    control_requirements: [
      ...current.control_requirements.filter((m) => m.requirement !== 'eu-ai-act:Art. 52(1)').map((m) =>
        m.control === 'MOD-18' && m.requirement === 'eu-ai-act:Art. 14(3)' ? { ...m, relationship: 'intersects' as const } : m,
      ),
      { control: 'GOV-15', requirement: 'eu-ai-act:Art. 22(1)', relationship: 'equal', rationale: 'The control appoints the authorised representative.' },
    ],
    frameworks: current.frameworks.map((f) => (f.id === 'eu-ai-act' ? { ...f, items: f.items.filter((i) => i.id !== 'Art. 52(1)') } : f)),
  };
}

describe('diffCatalogs', () => {
  it('is empty between a catalog and itself', () => {
    const diff = diffCatalogs(current, current);
    expect(diff.controls).toEqual({ added: [], retired: [], changed: [] });
    expect(diff.requirements).toEqual({ added: [], removed: [] });
    expect(diff.mappings).toEqual({ added: [], removed: [], changed: [] });
  });

  it('reports a merged control with the control it went into, requirements added, and mappings added, removed and changed', () => {
    const diff = diffCatalogs(beforeMerge(), current);
    expect(diff).toMatchObject({ fromVersion: '2026.11.1', toVersion: current.manifest.version });
    expect(diff.controls.retired).toEqual([
      { id: 'GOV-15', name: 'Operator roles and EU representation', mergedInto: 'GOV-05', reason: expect.stringContaining('operator role') },
    ]);
    expect(diff.controls.added).toEqual([]);
    expect(diff.requirements.added).toEqual([{ ref: 'eu-ai-act:Art. 52(1)', framework: 'eu-ai-act', id: 'Art. 52(1)', title: 'Notify the Commission of a systemic-risk model' }]);
    expect(diff.requirements.removed).toEqual([]);
    expect(diff.mappings.removed).toEqual([expect.objectContaining({ control: 'GOV-15', requirement: 'eu-ai-act:Art. 22(1)' })]);
    expect(diff.mappings.added.map((m) => `${m.control} ${m.requirement}`)).toEqual(['GOV-05 eu-ai-act:Art. 52(1)']);
    expect(diff.mappings.changed).toEqual([
      { control: 'MOD-18', requirement: 'eu-ai-act:Art. 14(3)', from: 'intersects', to: 'superset', rationaleChanged: false },
    ]);
  });

  it('goes the other way too, and names a control removed without a retirement record', () => {
    const older = beforeMerge();
    const back = diffCatalogs(current, older);
    expect(back.controls.added.map((c) => c.id)).toEqual(['GOV-15']);
    expect(back.requirements.removed.map((r) => r.ref)).toEqual(['eu-ai-act:Art. 52(1)']);
    const dropped = diffCatalogs(current, { ...current, controls: current.controls.filter((c) => c.id !== 'HUM-05') });
    expect(dropped.controls.retired).toEqual([{ id: 'HUM-05', name: 'Measuring behaviour change', reason: 'removed without a retirement record' }]);
  });

  it('leaves frameworks the user imported out: an update does not touch them', () => {
    const imported = {
      ...current.frameworks.find((f) => f.id === 'owasp-ml-2023')!,
      id: 'acme-policy',
      origin: 'user' as const,
    };
    const withImport = { ...current, frameworks: [...current.frameworks, imported] };
    expect(diffCatalogs(withImport, current).requirements.removed).toEqual([]);
    expect(diffCatalogs(current, withImport).requirements.added).toEqual([]);
  });

  it('lists the fields of a control whose text changed', () => {
    const edited = { ...current, controls: current.controls.map((c) => (c.id === 'SUP-02' ? { ...c, guidance: `${c.guidance} More.`, eu_roles: ['deployer' as const] } : c)) };
    expect(diffCatalogs(current, edited).controls.changed).toEqual([{ id: 'SUP-02', fields: ['guidance', 'eu_roles'] }]);
  });
});

describe('mergeControlStates', () => {
  it('keeps the strictest, least claiming state and lists the conflict', () => {
    expect(
      mergeControlStates([
        { control: 'GOV-05', state: 'implemented' },
        { control: 'GOV-15', state: 'in_progress' },
      ]),
    ).toEqual({
      state: 'in_progress',
      from: 'GOV-15',
      conflicts: [
        { control: 'GOV-05', state: 'implemented' },
        { control: 'GOV-15', state: 'in_progress' },
      ],
    });
    expect(mergeControlStates([{ control: 'OPS-02', state: 'not_applicable' }, { control: 'OPS-05', state: 'implemented' }]).state).toBe('implemented');
  });

  it('reports no conflict when the parts agree, and starts not started when none was recorded', () => {
    expect(mergeControlStates([{ control: 'A', state: 'implemented' }, { control: 'B', state: 'implemented' }])).toEqual({ state: 'implemented', from: 'A', conflicts: [] });
    expect(mergeControlStates([])).toEqual({ state: 'not_started', conflicts: [] });
  });

  it('over every combination of three states: never claims more than any part, is order-independent, conflicts exactly when states differ', () => {
    const rank = (s: ControlState) => STRICTNESS.indexOf(s);
    expect([...STRICTNESS].sort()).toEqual([...controlStates].sort());
    for (const a of controlStates)
      for (const b of controlStates)
        for (const c of controlStates) {
          const parts = [
            { control: 'X-01', state: a },
            { control: 'X-02', state: b },
            { control: 'X-03', state: c },
          ];
          const merged = mergeControlStates(parts);
          expect(parts.some((p) => p.state === merged.state)).toBe(true);
          for (const p of parts) expect(rank(merged.state)).toBeLessThanOrEqual(rank(p.state));
          expect(mergeControlStates([...parts].reverse()).state).toBe(merged.state);
          expect(merged.conflicts.length > 0).toBe(new Set([a, b, c]).size > 1);
        }
  });
});

describe('statesAfterMerges', () => {
  it("gives each surviving control the strictest state of itself and the controls merged into it", () => {
    const diff = diffCatalogs(beforeMerge(), current);
    const states = new Map<string, ControlState>([
      ['GOV-05', 'implemented'],
      ['GOV-15', 'not_started'],
      ['GOV-01', 'implemented'],
    ]);
    expect(statesAfterMerges(diff, states)).toEqual([
      {
        control: 'GOV-05',
        merged: ['GOV-15'],
        state: 'not_started',
        from: 'GOV-15',
        conflicts: [
          { control: 'GOV-05', state: 'implemented' },
          { control: 'GOV-15', state: 'not_started' },
        ],
      },
    ]);
  });
});
