import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import { verifyFile } from '../../electron/store/verify';
import type { CommandName, CommandOutput } from '../../shared/commands';
import { fileHash, tempDir, testContext } from './helpers';

function call<N extends CommandName>(dir: string, name: N, input: unknown): CommandOutput<N> {
  const result = dispatch(name, input, testContext(dir));
  if (!result.ok) throw new Error(result.error.message);
  return result.value as CommandOutput<N>;
}

const policy = (control: string) => `framework:
  id: acme-ai-policy
  name: ACME Corp AI Security Policy
  publisher: ACME Corp
  version: "2026.1"
requirements:
  - id: AP-1
    title: Only approved AI tools are used for company data
    controls:
      - control: ${control}
        relationship: equal
        rationale: The approved-tools policy is what this requirement asks for
  - id: AP-2
    title: Prompts of customer-facing assistants are logged
    controls:
      - { control: OPS-02, relationship: subset, rationale: Logging covers prompts among other records }
`;

describe('an imported framework mapped to controls in its own file', () => {
  it('gets coverage from the file’s mappings, each logged and replayed', () => {
    const dir = tempDir();
    const file = join(dir, 'a.assay');
    call(dir, 'assessment.create', { file, name: 'Mapped' });
    const source = join(dir, 'policy.yaml');
    writeFileSync(source, policy('GOV-04'));
    call(dir, 'catalog.importFramework', { file, source });
    call(dir, 'controls.setState', { file, controlId: 'GOV-04', state: 'implemented' });
    call(dir, 'controls.setState', { file, controlId: 'OPS-02', state: 'implemented' });
    const acme = call(dir, 'assessment.status', { file }).coverage.find((c) => c.framework === 'acme-ai-policy');
    expect(acme).toMatchObject({ assessable: 2, satisfied: 1, partly: 1 });
    const mapped = call(dir, 'audit.list', { file }).entries.filter((e) => e.label === 'Control mapped');
    expect(mapped.map((e) => e.entityId).sort()).toEqual(['GOV-04', 'OPS-02']);
    expect(verifyFile(file).ok).toBe(true);
    // Importing the file again replaces the framework and its mappings, and still replays.
    call(dir, 'catalog.importFramework', { file, source });
    expect(verifyFile(file).ok).toBe(true);
  });

  it('refuses the whole import when the file maps a control the assessment does not have', () => {
    const dir = tempDir();
    const file = join(dir, 'a.assay');
    call(dir, 'assessment.create', { file, name: 'Mapped' });
    const source = join(dir, 'policy.yaml');
    writeFileSync(source, policy('XYZ-99'));
    const before = fileHash(file);
    const refused = dispatch('catalog.importFramework', { file, source }, testContext(dir));
    expect(!refused.ok && refused.error.message).toMatch(/policy\.yaml: requirement AP-1 maps control XYZ-99, which this assessment does not have; nothing was imported/);
    expect(fileHash(file)).toBe(before);
    writeFileSync(source, policy('GOV-04').replace('relationship: equal', 'relationship: same'));
    const bad = dispatch('catalog.importFramework', { file, source }, testContext(dir));
    expect(!bad.ok && bad.error.message).toMatch(/policy\.yaml:11 requirements #1 › controls #1 › relationship: must be one of "equal"/);
    expect(fileHash(file)).toBe(before);
  });
});
