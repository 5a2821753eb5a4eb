import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvReader } from '../../electron/imports/formats/csv';
import type { ReadResult } from '../../electron/imports/importer';
import { controlSink } from '../../electron/imports/sinks/controls';
import { riskSink } from '../../electron/imports/sinks/risks';
import { openSource } from '../../electron/imports/source';
import { listOwnControls } from '../../electron/store/own-controls';
import { listRisks } from '../../electron/store/risks';
import { verifyFile } from '../../electron/store/verify';
import { tempDir } from './helpers';
import { FakeEngine, assessmentWithSystems, catalog } from './imports-sinks-helpers';
import { readContext } from './tabular-fixtures';

const GRC = join(__dirname, '../fixtures/imports/grc');
const read = (name: string) => (csvReader.read(openSource(join(GRC, name)), readContext(catalog).ctx) as ReadResult).records;

describe('the control sink', () => {
  it("makes eramba's internal controls own controls, then links them to requirements from its crosswalk; the log replays", () => {
    const { a, file } = assessmentWithSystems(tempDir());
    const engine = new FakeEngine(a);
    const list = read('internal_controls.csv');
    const planned = engine.plan(controlSink, list);
    expect(engine.problems).toEqual([]);
    expect(planned.every((p) => p.action === 'create')).toBe(true);
    engine.apply(controlSink, planned, false);
    const own = listOwnControls(a).controls;
    expect(own).toHaveLength(list.length);
    expect(own.slice(0, 2).map((c) => [c.id, c.name])).toEqual([
      ['ORG-01', 'User Account Inventory Review'],
      ['ORG-02', 'Privileged Access Rights Review'],
    ]);
    expect(own.some((c) => c.id === 'ORGA-01')).toBe(true);
    // Own controls without a state are simply not started; their audit methodology waits for a state row.
    expect(a.control('ORG-01').state).toBe('not_started');

    const crosswalk = engine.plan(controlSink, read('mapping_controls_to_requirements.csv'));
    const updates = crosswalk.filter((p) => p.action === 'update');
    expect(updates.length).toBeGreaterThan(5);
    // The crosswalk names a few controls the list does not have (as eramba ships them): those are created.
    const listed = new Set(list.map((r) => r.externalId));
    for (const p of crosswalk) expect(p.action === 'create').toBe(!listed.has(p.record.externalId));
    engine.apply(controlSink, crosswalk, false);
    const mappings = listOwnControls(a).mappings;
    expect(mappings.length).toBeGreaterThan(10);
    expect(mappings.every((m) => m.kind === 'requirement' && m.relationship === 'intersects' && m.rationale.startsWith('Imported crosswalk ('))).toBe(true);
    expect(mappings.map((m) => m.target)).toEqual(expect.arrayContaining(['owasp-llm-2025:LLM01:2025', 'eu-ai-act:Art. 9(1)']));
    expect(verifyFile(file).ok).toBe(true);
    // Imported again: nothing new.
    expect(engine.plan(controlSink, read('mapping_controls_to_requirements.csv')).filter((p) => p.action !== 'unchanged')).toEqual([]);
  });

  it('imports CISO Assistant-shaped applied controls with states, dates and notes, in one batch of the usual entries', () => {
    const { a } = assessmentWithSystems(tempDir());
    const engine = new FakeEngine(a);
    const entries = engine.apply(controlSink, engine.plan(controlSink, read('ciso-applied-controls.csv')));
    expect(entries.map((e) => e.command)).toEqual([
      'ownControls.add',
      'controls.setState',
      'ownControls.add',
      'controls.setState',
      'ownControls.add',
      'controls.setState',
      'ownControls.add',
      'controls.setState',
    ]);
    expect(['ORG-01', 'ORG-02', 'ORG-03', 'ORG-04'].map((id) => a.control(id)).map((c) => [c.name, c.state, c.dueDate, c.nextReview, c.justification])).toEqual([
      ['Prompt filtering gateway', 'implemented', '2026-02-28', null, null],
      ['Model change approval', 'in_progress', '2026-06-30', '2027-01-31', null],
      ['Red-team exercise', 'not_started', '2026-09-30', null, null],
      ['Legacy keyword blocklist', 'not_applicable', null, null, 'Marked not applicable in the imported control list'],
    ]);
    expect(a.control('ORG-02').notes).toBe('Board paper pending');
    expect(engine.refs.get('control:id:AC-102')).toBe('ORG-02');
    // A risk register naming the control by its id in the source links the control it became.
    const dir = tempDir();
    writeFileSync(join(dir, 'r.csv'), 'Risk,System,Likelihood,Impact,Controls\nPrompt injection via chat,Support assistant,4,4,AC-101\n');
    const risks = (csvReader.read(openSource(join(dir, 'r.csv')), readContext(catalog).ctx) as ReadResult).records;
    engine.apply(riskSink, engine.plan(riskSink, risks));
    expect(listRisks(a, '2026-03-10').risks[0]!.controls).toEqual(['ORG-01']);
    // The second import finds every control as it is.
    expect(engine.plan(controlSink, read('ciso-applied-controls.csv')).map((p) => p.action)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
  });
});
