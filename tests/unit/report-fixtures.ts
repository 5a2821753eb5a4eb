import { controlsByStateOption, coverageByFrameworkOption } from '../../shared/charts/dashboard-charts';
import type { ReportDoc, ReportMeta } from '../../shared/reports/model';

/**
 * A report model with every kind of block, for the renderers' tests: a table long enough to run
 * over several pages (its header must repeat), nested sections, two charts, text in several
 * scripts and punctuation, a warning, a sign-off block and a page break.
 */

export const fixtureMeta: ReportMeta = {
  type: 'gap',
  title: 'Gap assessment',
  subtitle: 'EU AI Act · all systems',
  assessment: { id: 'a1b2c3d4-0000-4000-8000-000000000001', name: 'Northwind Insurance — AI programme' },
  head: { count: 412, hash: 'f'.repeat(8) + '0123456789abcdef'.repeat(3) + '01234567' },
  catalogVersion: '2026.11.2',
  assayVersion: '0.1.0',
  generatedAt: '2026-11-28T09:00:00.000Z',
  generatedBy: 'Dana Whitfield',
  paper: 'A4',
  label: 'TLP:AMBER',
  audience: 'internal',
  frameworks: ['eu-ai-act'],
  systems: [],
};

const coverageRows = [
  { name: 'EU AI Act', satisfied: 41, partly: 22, not_satisfied: 60, not_applicable: 7, governance_only: 4 },
  { name: 'NIST AI RMF 1.0', satisfied: 30, partly: 18, not_satisfied: 21, not_applicable: 0, governance_only: 3 },
];

export function fixtureDoc(overrides: Partial<ReportMeta> = {}, rows = 160): ReportDoc {
  const requirements = Array.from({ length: rows }, (_, i) => [
    `Art. ${9 + (i % 40)}(${(i % 4) + 1})`,
    i % 7 === 0 ? 'A requirement whose title runs long enough to wrap over two or three lines in a narrow column of the table' : `Requirement ${i + 1}`,
    ['Satisfied', 'Partly satisfied', 'Not satisfied', 'Not applicable'][i % 4]!,
    i % 3 === 0 ? 'GOV-01, RSK-02' : 'DAT-04',
    i % 5 === 0 ? null : `EV-${String(i + 1).padStart(3, '0')}`,
  ]);
  return {
    meta: { ...fixtureMeta, ...overrides },
    sections: [
      {
        title: 'Scope and method',
        blocks: [
          { kind: 'paragraph', text: 'This report sets every requirement of the chosen frameworks against the controls that satisfy it — with their states, the evidence they cite and what is still open.' },
          { kind: 'facts', rows: [['Systems in scope', '4 of 4'], ['Frameworks', 'EU AI Act (Regulation (EU) 2024/1689)'], ['Coverage rule', 'satisfied when every mapped control is implemented']] },
          { kind: 'list', items: ['Résumé screening (high-risk, Annex III 4(a))', 'Claims triage', 'Support assistant “Nora”', '客户服务助手 (pilot)'] },
          { kind: 'paragraph', text: 'Two systems are not classified yet; their EU AI Act obligations are shown as if every obligation applied.', tone: 'warning' },
        ],
      },
      {
        title: 'Coverage',
        blocks: [
          { kind: 'figure', caption: 'Requirement coverage by framework', option: coverageByFrameworkOption(coverageRows) as Record<string, unknown>, width: 480, height: 200, alt: 'EU AI Act: 41 satisfied, 22 partly, 60 not satisfied; NIST AI RMF 1.0: 30 satisfied, 18 partly, 21 not satisfied' },
          { kind: 'figure', caption: 'Controls by state', option: controlsByStateOption({ not_started: 40, in_progress: 12, implemented: 27, not_applicable: 3 }) as Record<string, unknown>, width: 240, height: 200, alt: '40 not started, 12 in progress, 27 implemented, 3 not applicable' },
        ],
        sections: [
          {
            title: 'Requirements',
            blocks: [
              {
                kind: 'table',
                sheet: 'Requirements',
                caption: 'Every requirement with its coverage',
                main: true,
                columns: [
                  { key: 'ref', label: 'Requirement', width: 1 },
                  { key: 'title', label: 'Title', width: 3 },
                  { key: 'coverage', label: 'Coverage', width: 1.2 },
                  { key: 'controls', label: 'Controls', width: 1.2 },
                  { key: 'evidence', label: 'Evidence', width: 1, align: 'center' },
                ],
                rows: requirements,
              },
            ],
          },
          {
            title: 'Gaps',
            blocks: [
              {
                kind: 'table',
                sheet: 'Gaps',
                caption: null,
                columns: [
                  { key: 'ref', label: 'Requirement' },
                  { key: 'closing', label: 'Controls that would close it', width: 3 },
                  { key: 'n', label: 'Open controls', align: 'right' },
                ],
                rows: [
                  ['Art. 14(1)', 'OVS-01 Human oversight design; OVS-02 Stop button', 2],
                  ['Art. 10(2)', '=HYPERLINK("http://evil")', 1],
                ],
              },
            ],
          },
        ],
      },
      { title: 'Sign-off', blocks: [{ kind: 'pagebreak' }, { kind: 'signoff', rows: [{ role: 'Assessor', name: 'Dana Whitfield', date: null, fingerprint: null }, { role: 'Approver', name: null, date: null, fingerprint: null }] }] },
    ],
    evidence: [{ id: 'EV-001', sha256: 'a'.repeat(64) }],
  };
}
