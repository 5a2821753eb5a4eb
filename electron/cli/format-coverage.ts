import type { AssessmentStatus } from '../../shared/commands';
import { countOf } from '../../shared/plural';
import { textTable } from './format';

type Summary = AssessmentStatus['coverage'][number];
type Gap = AssessmentStatus['gaps'][number];
type Impact = AssessmentStatus['closeFirst'][number];

const GAPS_SHOWN = 20;
const counts = (f: Summary) => [String(f.assessable), String(f.satisfied), String(f.partly), String(f.not_satisfied), String(f.not_applicable), String(f.governance_only)];
const COUNT_HEADERS = ['ASSESSABLE', 'SATISFIED', 'PARTLY', 'NOT SATISFIED', 'NOT APPLICABLE', 'GOV-ONLY'];

export function formatFrameworkCoverage(rows: Summary[]): string {
  return textTable(['FRAMEWORK', ...COUNT_HEADERS], rows.map((f) => [f.name, ...counts(f)]));
}

function formatImpact(c: Impact): string {
  const parts = [c.closesAlone && `closes ${c.closesAlone} alone`, c.inSets && `completes a set for ${c.inSets}`, c.partly && `adds to ${c.partly}`].filter(Boolean);
  return `${c.control} ${c.name}: ${parts.join(', ')}`;
}

function formatGap(g: Gap, frameworkName: string): string {
  const closers = g.closers
    .slice(0, 4)
    .map((c) => `${c.control} (${c.closes === 'alone' ? 'closes it' : c.closes === 'with_set' ? `with set ${c.set?.id}, ${c.set?.missing} missing` : 'partly'})`);
  const more = g.closers.length > 4 ? `, +${g.closers.length - 4} more` : '';
  const fix = g.unmapped ? 'no control is mapped: map one or add your own' : `${closers.join(', ')}${more}`;
  return `  ${frameworkName} ${g.item} ${g.title} [${g.status === 'partly' ? 'partly' : 'not satisfied'}]: ${fix}`;
}

/** Per-system coverage and the gaps with the controls that would close them, for `assay status`. */
export function formatCoverageDetail(s: AssessmentStatus): string[] {
  const names = new Map(s.coverage.map((f) => [f.framework, f.name]));
  const lines: string[] = [];
  if (s.systemCoverage.length) {
    lines.push('', "Coverage per system (a system's own entries override the organisation's):");
    lines.push(
      textTable(
        ['SYSTEM', 'FRAMEWORK', ...COUNT_HEADERS],
        s.systemCoverage.flatMap((sys) => sys.frameworks.map((f, i) => [i === 0 ? `${sys.systemId} ${sys.name}` : '', f.name, ...counts(f)])),
      ),
    );
    for (const sys of s.systemCoverage)
      lines.push(`  ${sys.systemId}: ${countOf(sys.ownEntries, 'own entry', 'own entries')}, ${countOf(sys.gaps, 'gap')}${sys.closeFirst.length ? `; close first: ${sys.closeFirst.map((c) => c.control).join(', ')}` : ''}`);
  }
  lines.push('', `Gaps (organisation-wide): ${countOf(s.gaps.length, 'requirement')} not or only partly satisfied.`);
  if (s.closeFirst.length) lines.push('Controls that would close most of them:', ...s.closeFirst.map((c) => `  ${formatImpact(c)}`));
  if (s.gaps.length) {
    lines.push(`The gaps and the controls that would close them${s.gaps.length > GAPS_SHOWN ? ` (first ${GAPS_SHOWN}; --json lists all)` : ''}:`);
    lines.push(...s.gaps.slice(0, GAPS_SHOWN).map((g) => formatGap(g, names.get(g.framework) ?? g.framework)));
  }
  return lines;
}
