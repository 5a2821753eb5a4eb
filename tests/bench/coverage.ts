import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { dispatch } from '../../electron/dispatch';
import { defaultContext } from '../../electron/handlers/context';
import { closeAll } from '../../electron/handlers/open-files';
import { createAssessment } from '../../electron/store/open';
import type { Catalog } from '../../shared/catalog/schema';
import { controlStates } from '../../shared/domain/control-state';
import { type CoverageEntry, buildCoverageModel } from '../../shared/domain/coverage';
import { type SystemScope, coverageReport } from '../../shared/domain/coverage-report';
import { withExtraControls } from './synthetic-catalog';

export const SYSTEMS = 50;
export const ENTRIES = 5000;

export interface CoverageFigures {
  /** Median of the full report: every framework, the organisation and each system, with gaps and rankings. */
  reportMs: number;
  /** The floor: one pass over the same requirements and mappings per scope, looking each state up, nothing judged. */
  floorMs: number;
  /** `assessment.status` on a real file holding the same data, through the command table. */
  statusMs: number;
  requirements: number;
  entries: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timed(fn: () => unknown, rounds: number): number {
  fn(); // warm up: the first run pays for compiling the code
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** 50 systems and 5,000 entries: the organisation's for every control, the rest spread over the systems. */
function entriesFor(controls: readonly string[]): CoverageEntry[] {
  const entries: CoverageEntry[] = controls.map((controlId, i) => ({ controlId, systemId: null, state: controlStates[i % 3]!, justification: null }));
  for (let i = 0; entries.length < ENTRIES; i++) {
    const state = controlStates[i % 4]!;
    entries.push({
      controlId: controls[Math.floor(i / SYSTEMS) % controls.length]!,
      systemId: `SYS-${String((i % SYSTEMS) + 1).padStart(3, '0')}`,
      state,
      justification: state === 'not_applicable' ? 'does not apply to this system' : null,
    });
  }
  return entries;
}

export function benchCoverage(bundled: Catalog, dir: string): CoverageFigures {
  // About 100 controls, so 5,000 entries fit 50 systems without repeating a control for a system.
  const catalog = withExtraControls(bundled, 100 - bundled.controls.length);
  const model = buildCoverageModel(catalog);
  const entries = entriesFor(catalog.controls.map((c) => c.id));
  const systems: SystemScope[] = Array.from({ length: SYSTEMS }, (_, i) => ({ id: `SYS-${String(i + 1).padStart(3, '0')}`, name: `System ${i + 1}`, euObligations: null }));
  const reportMs = timed(() => coverageReport(model, entries, systems), 9);

  const floorMs = timed(() => {
    let seen = 0;
    for (const scope of [null, ...systems.map((s) => s.id)]) {
      const states = new Map<string, string>();
      for (const e of entries) if (e.systemId === null || e.systemId === scope) states.set(e.controlId, e.state);
      for (const req of model.requirements) for (const m of req.mappings) if (states.get(m.control) === 'implemented') seen++;
    }
    return seen;
  }, 9);

  // The same data in a real file, written through the handlers the app uses.
  const file = join(dir, 'coverage.assay');
  createAssessment(file, { name: 'Coverage bench', catalog, actor: 'bench' }).close();
  const ctx = defaultContext({ recordRecent: false, home: join(dir, 'home') });
  const call = (name: Parameters<typeof dispatch>[0], input: unknown) => {
    const r = dispatch(name, input, ctx);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value;
  };
  for (const s of systems) call('systems.add', { file, system: { name: s.name, roles: ['deployer'] } });
  for (const state of controlStates) {
    const org = entries.filter((e) => e.systemId === null && e.state === state).map((e) => e.controlId);
    if (org.length) call('controls.setMany', { file, controlIds: org, state, ...(state === 'not_applicable' ? { justification: 'does not apply to us' } : {}) });
    for (const s of systems) {
      const ids = entries.filter((e) => e.systemId === s.id && e.state === state).map((e) => e.controlId);
      if (ids.length) call('controls.setMany', { file, controlIds: ids, system: s.id, state, ...(state === 'not_applicable' ? { justification: 'does not apply to this system' } : {}) });
    }
  }
  const statusMs = timed(() => call('assessment.status', { file }), 3);
  closeAll();
  return { reportMs, floorMs, statusMs, requirements: model.requirements.length, entries: entries.length };
}
