import { describe, expect, it } from 'vitest';
import { detected, findings, readFile, scannerFixture, writeTemp } from './scanner-read-kit';

describe('detecting scanner output from its content', () => {
  it.each([
    ['simple-example.sarif', 'sarif'],
    ['Suppressions.sarif', 'sarif'],
    ['alpine-310.sarif.golden', 'sarif'],
    ['TestSarifPresenter_image.golden', 'sarif'],
    ['alpine-310.json.golden', 'trivy'],
    ['TestJsonImgsPresenter.golden', 'grype'],
    ['trivy-config-secrets.json', 'trivy'],
  ])('%s is read as %s', (name, format) => {
    expect(detected(scannerFixture(name))).toMatchObject({ format, score: expect.any(Number) });
    expect(detected(scannerFixture(name)).score).toBeGreaterThanOrEqual(90);
  });

  it('gives a .sarif file that is not SARIF only the weak score of its extension', () => {
    expect(detected(writeTemp('notes.sarif', { hello: 'world' }))).toEqual({ format: 'sarif', score: 10 });
  });
});

describe('SARIF 2.1', () => {
  it('reads the ESLint tutorial log: one finding with its rule, place, help page and control', async () => {
    const read = await readFile('sarif', scannerFixture('simple-example.sarif'));
    expect(read.problems).toEqual([]);
    const [f] = findings(read);
    expect(f).toMatchObject({
      kind: 'finding',
      location: '$.runs[0].results[0]',
      title: "no-unused-vars: 'x' is assigned a value but never used.",
      system: null,
      threat: null,
      data: {
        tool: 'SARIF: ESLint',
        severity: 'high',
        description: "'x' is assigned a value but never used.",
        references: ['no-unused-vars', 'https://eslint.org/docs/rules/no-unused-vars'],
        where: 'file:///C:/dev/sarif/sarif-tutorials/samples/Introduction/simple-example.js:1',
        controls: ['DEV-01'],
        status: null,
      },
    });
    expect(f!.externalId).toMatch(/^sarif:ESLint:no-unused-vars:[0-9a-f]{16}$/);
    // Reading again gives the same id: a re-import updates instead of duplicating.
    expect(findings(await readFile('sarif', scannerFixture('simple-example.sarif')))[0]!.externalId).toBe(f!.externalId);
  });

  it('turns suppressions into states: accepted or unqualified dismiss, under review and rejected leave it open', async () => {
    const read = await readFile('sarif', scannerFixture('Suppressions.sarif'));
    const states = findings(read).map((f) => [f.data.status, f.data.statusReason]);
    expect(states).toEqual([
      [null, null],
      ['false_positive', 'Suppressed in the source code (no justification given)'],
      ['false_positive', 'Suppressed outside the source code (no justification given)'],
      [null, 'A suppression of this result was rejected; the result stands'],
      ['false_positive', 'Suppressed outside the source code (no justification given)'],
      [null, 'A suppression of this result is under review'],
      ['false_positive', 'Suppressed outside the source code (no justification given)'],
      ['false_positive', 'Suppressed outside the source code (no justification given)'],
      [null, 'A suppression of this result is under review'],
    ]);
    expect(new Set(findings(read).map((f) => f.externalId)).size).toBe(9);
  });

  it('follows ruleIndex to the rule and its taxa, and warns where the rule id disagrees', async () => {
    const read = await readFile('sarif', scannerFixture('Taxonomies.sarif'));
    expect(read.problems).toEqual([
      { severity: 'warning', location: '$.runs[0].results[0]', field: 'ruleId', message: expect.stringContaining('ruleIndex 0 points at rule TUT0001') },
      { severity: 'warning', location: '$.runs[0].results[1]', field: 'ruleId', message: expect.stringContaining('ruleIndex 1 points at rule TUT0002') },
    ]);
    const [required, recommended] = findings(read);
    expect(required!.data).toMatchObject({ severity: 'high', references: ['TUT1001', 'TUT0001', 'Requirement levels RQL1001 (Required)'], where: 'file:///C:/code/myProject/io/kb.c' });
    // No level on the result: the rule's default level (warning) decides.
    expect(recommended!.data).toMatchObject({ severity: 'medium', references: ['TUT1002', 'TUT0002', 'Requirement levels RQL1002 (Recommended)'] });
  });

  it("reads Trivy's SARIF as dependency vulnerabilities: one per package, THR-16, SUP-03", async () => {
    const all = findings(await readFile('sarif', scannerFixture('alpine-310.sarif.golden')));
    expect(all).toHaveLength(4);
    expect(all.map((f) => f.data.where)).toEqual([
      'testdata/fixtures/images/alpine-310.tar.gz: libcrypto1.1@1.1.1c-r0',
      'testdata/fixtures/images/alpine-310.tar.gz: libcrypto1.1@1.1.1c-r0',
      'testdata/fixtures/images/alpine-310.tar.gz: libssl1.1@1.1.1c-r0',
      'testdata/fixtures/images/alpine-310.tar.gz: libssl1.1@1.1.1c-r0',
    ]);
    expect(all[0]).toMatchObject({ title: 'CVE-2019-1549: openssl: information disclosure in fork()', threat: 'THR-16', data: { severity: 'medium', controls: ['DEV-01', 'SUP-03'], tool: 'SARIF: Trivy dev' } });
    expect(new Set(all.map((f) => f.externalId)).size).toBe(4);
  });

  it("prefers a rule's security-severity score to the level (Grype's SARIF)", async () => {
    const all = findings(await readFile('sarif', scannerFixture('TestSarifPresenter_image.golden')));
    expect(all.map((f) => [f.data.severity, f.data.references[0]])).toEqual([
      ['high', 'CVE-1999-0001'],
      ['high', 'CVE-1999-0002'],
    ]);
    expect(all[0]!.externalId).toBe('sarif:grype:CVE-1999-0001-package-1:primaryLocationLineHash=efe125c0a2b4bdafe476b69ba51a49734780c62b93803950319056acebe4323f:1');
  });

  it('reads several runs, CWE taxa, tags, message strings, fingerprints, passes and a risk-accepting suppression', async () => {
    const rule = {
      id: 'py/sql-injection',
      shortDescription: { text: 'SQL query built from user-controlled sources' },
      messageStrings: { default: { text: 'Query depends on {0} from {1}.' } },
      properties: { tags: ['security', 'external/cwe/cwe-089'], 'security-severity': '9.8' },
      relationships: [{ target: { id: '89', toolComponent: { name: 'CWE' } } }],
    };
    const file = writeTemp('scan.sarif', {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'CodeQL', semanticVersion: '2.19.0', rules: [rule] } },
          invocations: [{ endTimeUtc: '2026-05-01T10:00:00Z' }],
          taxonomies: [{ name: 'CWE', taxa: [{ id: '89', name: 'SQL Injection' }] }],
          results: [
            {
              ruleId: 'py/sql-injection',
              message: { id: 'default', arguments: ['a user-provided value', 'request.args'] },
              locations: [{ physicalLocation: { artifactLocation: { uri: 'app/db.py' }, region: { startLine: 42 } } }],
              fingerprints: { 'codeql/v1': 'abc123' },
              suppressions: [{ kind: 'external', status: 'accepted', justification: 'Risk accepted by the product owner until the rewrite' }],
            },
            { ruleId: 'py/sql-injection', kind: 'pass', message: { text: 'ok' } },
            { ruleId: 'py/other', level: 'severe', message: { text: 'Unknown level' } },
          ],
        },
        { tool: { driver: { name: 'Semgrep' } }, results: [{ ruleId: 'r1', level: 'note', message: { text: 'Note' } }, { ruleId: 'r1', level: 'note', message: { text: 'Note' } }] },
      ],
    });
    const read = await readFile('sarif', file, { system: 'Support assistant' });
    const [injection, unknownLevel, note] = findings(read);
    expect(injection).toMatchObject({
      externalId: 'sarif:CodeQL:py/sql-injection:codeql/v1=abc123',
      system: 'Support assistant',
      title: 'py/sql-injection: Query depends on a user-provided value from request.args.',
      data: {
        tool: 'SARIF: CodeQL 2.19.0',
        severity: 'critical',
        references: ['py/sql-injection', 'CWE-89'],
        status: 'risk_accepted',
        statusReason: 'Suppressed outside the source code: Risk accepted by the product owner until the rewrite',
        where: 'app/db.py:42',
        detectedAt: '2026-05-01T10:00:00.000Z',
      },
    });
    expect(unknownLevel!.data.severity).toBe('medium');
    expect(note!.data).toMatchObject({ tool: 'SARIF: Semgrep', severity: 'low' });
    expect(read.records).toHaveLength(3);
    expect(read.skips).toEqual([
      { location: '$.runs[0].results[1]', reason: 'the rule passed' },
      { location: '$.runs[1].results[1]', reason: 'the same result as $.runs[1].results[0] (same rule, place and message)' },
    ]);
    expect(read.problems).toEqual([{ severity: 'warning', location: '$.runs[0].results[2]', field: 'level', message: expect.stringContaining('is not a SARIF level') }]);
  });

  it('passes a threat a rule names in its tags to the engine, and reads a result absent since the baseline as fixed', async () => {
    const file = writeTemp('llm.sarif', {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'LLM lint', rules: [{ id: 'prompt-concat', properties: { tags: ['security', 'LLM01:2025'] } }] } },
          results: [
            { ruleId: 'prompt-concat', message: { text: 'User text is concatenated into the system prompt' } },
            { ruleId: 'prompt-concat', baselineState: 'absent', message: { text: 'Gone' } },
          ],
        },
      ],
    });
    const [open, gone] = findings(await readFile('sarif', file));
    expect(open).toMatchObject({ threat: 'LLM01:2025', data: { references: ['prompt-concat', 'LLM01:2025'], status: null, controls: ['DEV-01'] } });
    expect(gone!.data).toMatchObject({ status: 'fixed', statusReason: 'Absent from this run: fixed since the baseline run' });
  });

  it('warns about another SARIF version and still reads runs that look like 2.1', async () => {
    const file = writeTemp('old.sarif', { version: '2.0.0', runs: [{ tool: { driver: { name: 'X' } }, results: [{ ruleId: 'a', message: { text: 'm' } }] }] });
    const read = await readFile('sarif', file);
    expect(read.records).toHaveLength(1);
    expect(read.problems).toEqual([{ severity: 'warning', location: '$', field: 'version', message: expect.stringContaining('is 2.0.0') }]);
  });
});

describe('Trivy JSON', () => {
  it('reads the alpine image report: one finding per vulnerability and package, fix and CWE kept', async () => {
    const read = await readFile('trivy', scannerFixture('alpine-310.json.golden'));
    expect(read.problems).toEqual([]);
    const all = findings(read);
    expect(all.map((f) => f.externalId)).toEqual([
      'trivy:CVE-2019-1549:libcrypto1.1@1.1.1c-r0',
      'trivy:CVE-2019-1551:libcrypto1.1@1.1.1c-r0',
      'trivy:CVE-2019-1549:libssl1.1@1.1.1c-r0',
      'trivy:CVE-2019-1551:libssl1.1@1.1.1c-r0',
    ]);
    expect(all[0]).toMatchObject({
      title: 'CVE-2019-1549 in libcrypto1.1@1.1.1c-r0: openssl: information disclosure in fork()',
      system: null,
      threat: 'THR-16',
      data: {
        tool: 'Trivy',
        severity: 'medium',
        references: ['CVE-2019-1549', 'CWE-330', 'https://avd.aquasec.com/nvd/cve-2019-1549'],
        where: 'libcrypto1.1@1.1.1c-r0 (testdata/fixtures/images/alpine-310.tar.gz (alpine 3.10.2))',
        controls: ['DEV-01', 'SUP-03'],
        detectedAt: '2021-08-25T12:20:30.000Z',
      },
    });
    expect(all[0]!.data.description).toMatch(/^Fixed in 1\.1\.1d-r0\.\n\nOpenSSL 1\.1\.1 introduced/);
  });

  it('merges a package found in two places, rates unknown severities by CVSS, and reads misconfigurations and secrets', async () => {
    const read = await readFile('trivy', scannerFixture('trivy-config-secrets.json'));
    const byId = new Map(findings(read).map((f) => [f.externalId, f]));
    expect([...byId.keys()]).toEqual([
      'trivy:GHSA-JFH8-C2JP-5V3Q:examplelib@1.0.0',
      'trivy:CVE-2026-0001:otherlib@2.0.0',
      'trivy:misconfig:AVD-DS-0002:deploy/Dockerfile:1',
      'trivy:misconfig:AVD-DS-0005:deploy/Dockerfile',
      'trivy:secret:openai-api-key:config/settings.py:12',
    ]);
    const lib = byId.get('trivy:GHSA-JFH8-C2JP-5V3Q:examplelib@1.0.0')!;
    expect(lib.data).toMatchObject({ severity: 'critical', tool: 'Trivy 0.58.1', where: 'examplelib@1.0.0 (requirements.txt; services/other/requirements.txt)', references: ['GHSA-JFH8-C2JP-5V3Q', 'GHSA-jfh8-c2jp-5v3q'] });
    expect(lib.data.description).toContain('No fixed version yet.');
    expect(byId.get('trivy:CVE-2026-0001:otherlib@2.0.0')!.data).toMatchObject({ severity: 'medium', description: expect.stringContaining('gave no CVSS score') });
    expect(byId.get('trivy:misconfig:AVD-DS-0002:deploy/Dockerfile:1')).toMatchObject({ threat: null, data: { severity: 'high', controls: ['DEV-01'], status: null, where: 'deploy/Dockerfile, line 1' } });
    expect(byId.get('trivy:misconfig:AVD-DS-0005:deploy/Dockerfile')!.data.status).toBe('risk_accepted');
    const secret = byId.get('trivy:secret:openai-api-key:config/settings.py:12')!;
    expect(secret.data).toMatchObject({ severity: 'critical', where: 'config/settings.py:12', controls: ['DEV-01'] });
    // The matched text never reaches the assessment, even in its redacted form.
    expect(JSON.stringify(read.records)).not.toContain('sk-');
    expect(read.skips).toEqual([{ location: '$.Results[2].Misconfigurations[1]', reason: 'the check passed' }]);
  });
});

describe('Grype JSON', () => {
  it('reads the image report: severity, fix state, known exploitation, place', async () => {
    const read = await readFile('grype', scannerFixture('TestJsonImgsPresenter.golden'));
    expect(read.problems).toEqual([]);
    const [one, two] = findings(read);
    expect(one).toMatchObject({
      externalId: 'grype:CVE-1999-0001:rpm:package-1@1.1.1',
      title: 'CVE-1999-0001 in package-1@1.1.1',
      threat: 'THR-16',
      data: { tool: 'Grype', severity: 'low', description: 'Fixed in 1.2.1, 2.1.3, 3.4.0.', where: 'package-1@1.1.1 (user-input: /foo/bar/somefile-1.txt)', controls: ['DEV-01', 'SUP-03'] },
    });
    expect(two).toMatchObject({
      externalId: 'grype:CVE-1999-0002:deb:package-2@2.2.2',
      data: { severity: 'critical', references: ['CVE-1999-0002', 'pkg:deb/package-2@2.2.2'], description: 'Whether a fix exists is not known.\n\nListed as known to be exploited (CISA KEV).' },
    });
  });
});
