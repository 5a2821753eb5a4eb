import type { ClassificationResult } from '../../domain/classification';
import { type ComponentKind, componentKindLabels } from '../../domain/components/model';
import { isExpired } from '../../domain/evidence/model';
import { type Rating, ratingBands, type Treatment, treatmentLabels } from '../../domain/risk';
import { type AnnexIvField, annexIvFields, modelTypeLabels } from '../../domain/systems';
import { countOf } from '../../plural';
import { ratingLabel } from '../../register-words';
import type { Audience, Block, ReportSection } from '../model';
import { type ReportBuilder, personName } from '../scope';
import { countBy, words } from './in-scope';

/**
 * EU AI Act technical documentation: for each high-risk system the organisation provides, an
 * outline that follows the numbered points of Annex IV (headings in our own words), filled from
 * the system's Annex IV fields, its inventory record, AI-BOM and risks, and the evidence linked
 * to the requirements (or the controls that map to them) each point draws on. Whatever is still
 * empty is said plainly ("Missing: …"), so the outline doubles as the to-do list.
 */

export interface AnnexIvSystem {
  id: string;
  name: string;
  purpose: string | null;
  owner: string | null;
  businessUnit: string | null;
  lifecycle: string;
  deployment: string;
  roles: string[];
  modelTypes: (keyof typeof modelTypeLabels)[];
  annexIv: Partial<Record<AnnexIvField, string | undefined>>;
  classification: { result: ClassificationResult; labels: string[]; classifiedAt: string } | null;
  components: { id: string; kind: ComponentKind; name: string; version: string | null; supplier: string | null }[];
  risks: { id: string; title: string; inherent: { score: number; rating: Rating }; residual: { score: number; rating: Rating } | null; treatment: Treatment; status: string }[];
}

export interface AnnexIvEvidence {
  id: string;
  title: string;
  fileName: string;
  sha256: string;
  validUntil: string | null;
  links: { kind: 'control' | 'requirement'; target: string; system: string | null }[];
}

export interface AnnexIvData {
  systems: AnnexIvSystem[];
  evidence: AnnexIvEvidence[];
  /** Catalog mappings from controls to EU AI Act requirements ("eu-ai-act:Art. 9(1)"). */
  controlRequirements: { control: string; requirement: string }[];
}

interface Point {
  n: number;
  title: string;
  fields: AnnexIvField[];
  /** The articles whose requirements' evidence speaks for the point. */
  articles: string[];
  /** Blocks from the rest of the assessment, and what is missing among them. */
  more?: (s: AnnexIvSystem, audience: Audience) => { blocks: Block[]; missing: string[] };
  /** Said when the point has no field and no evidence. */
  missingWithoutEvidence?: string;
}

const fieldLabel = Object.fromEntries(annexIvFields) as Record<AnnexIvField, string>;

/** The nine points of Annex IV, in order, each in a few words of our own. */
const points: Point[] = [
  {
    n: 1,
    title: 'General description of the system',
    fields: ['intendedPurpose', 'versions', 'hardwareSoftware'],
    articles: ['Art. 11', 'Art. 13'],
    more: (s, audience) => ({
      blocks: [
        {
          kind: 'facts',
          rows: [
            ['Purpose (inventory)', s.purpose ?? '—'],
            ['Provider', 'The organisation (EU AI Act role: provider)'],
            ['Roles held', s.roles.map(words).join(', ')],
            ['System owner', personName(s.owner, audience, 'system owner')],
            ['Business unit', s.businessUnit ?? '—'],
            ['Lifecycle stage', words(s.lifecycle)],
            ['Deployment', words(s.deployment)],
            ['Model types', s.modelTypes.map((m) => modelTypeLabels[m]).join(', ') || '—'],
          ],
        },
      ],
      missing: s.purpose ? [] : ['the purpose in the inventory record'],
    }),
  },
  {
    n: 2,
    title: 'Its elements and how it was developed',
    fields: ['designChoicesAndData'],
    articles: ['Art. 10'],
    more: (s) => {
      const shown = s.components.filter((c) => c.kind === 'model' || c.kind === 'dataset');
      if (!s.components.length) return { blocks: [], missing: ['an AI-BOM (no components imported for this system)'] };
      const counts = countBy(s.components, ['model', 'dataset', 'service', 'library', 'other'] as const, (c) => c.kind);
      return {
        blocks: [
          { kind: 'paragraph', text: `AI-BOM: ${Object.entries(counts).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${componentKindLabels[k as ComponentKind].toLowerCase()}`).join(', ')}. Models and datasets:` },
          { kind: 'list', items: shown.length ? shown.map((c) => `${c.id} ${componentKindLabels[c.kind]}: ${c.name}${c.version ? ` ${c.version}` : ''}${c.supplier ? ` (${c.supplier})` : ''}`) : ['none listed'] },
        ],
        missing: shown.length ? [] : ['models and datasets in the AI-BOM'],
      };
    },
  },
  { n: 3, title: 'Monitoring, functioning and control', fields: ['humanOversight'], articles: ['Art. 14'] },
  { n: 4, title: 'Fitness of the performance metrics', fields: ['accuracyRobustness'], articles: ['Art. 15'] },
  {
    n: 5,
    title: 'Risk management system',
    fields: [],
    articles: ['Art. 9'],
    more: (s) => {
      if (!s.risks.length) return { blocks: [], missing: ['risks of this system in the risk register'] };
      const inherent = countBy(s.risks, ratingBands.map((b) => b.rating), (r) => r.inherent.rating);
      return {
        blocks: [
          { kind: 'paragraph', text: `The risk register holds ${s.risks.length} risks of this system (inherent: ${ratingBands.map((b) => `${inherent[b.rating]} ${b.label.toLowerCase()}`).join(', ')}).` },
          { kind: 'list', items: s.risks.map((r) => `${r.id} ${r.title}: inherent ${r.inherent.score} ${ratingLabel(r.inherent.rating)}, residual ${r.residual ? `${r.residual.score} ${ratingLabel(r.residual.rating)}` : 'not assessed'}; ${treatmentLabels[r.treatment].toLowerCase()}; ${words(r.status).toLowerCase()}`) },
        ],
        missing: s.risks.some((r) => !r.residual) ? ['the residual assessment of some risks'] : [],
      };
    },
  },
  { n: 6, title: 'Changes over the lifecycle', fields: ['lifecycleChanges'], articles: [] },
  { n: 7, title: 'Standards and specifications applied', fields: ['standardsApplied'], articles: ['Art. 40'] },
  { n: 8, title: 'EU declaration of conformity', fields: [], articles: ['Art. 47'], missingWithoutEvidence: 'a copy of the EU declaration of conformity in the evidence' },
  { n: 9, title: 'Post-market monitoring', fields: [], articles: ['Art. 72'], missingWithoutEvidence: 'the post-market monitoring plan in the evidence' },
];

/** "eu-ai-act:Art. 9(2)" falls under "Art. 9". */
const underArticle = (requirement: string, articles: readonly string[]) => {
  const item = requirement.slice(requirement.indexOf(':') + 1);
  return articles.some((art) => item === art || item.startsWith(`${art}(`));
};

function evidenceFor(s: AnnexIvSystem, point: Point, data: AnnexIvData): AnnexIvEvidence[] {
  if (!point.articles.length) return [];
  const controls = new Set(data.controlRequirements.filter((m) => underArticle(m.requirement, point.articles)).map((m) => m.control));
  return data.evidence.filter((e) =>
    e.links.some((l) => (l.kind === 'requirement' ? l.target.startsWith('eu-ai-act:') && underArticle(l.target, point.articles) : controls.has(l.target) && (l.system === null || l.system === s.id))),
  );
}

/** Why a system in scope is, or is not, documented here: the organisation must provide it, and it must be high-risk. */
export function qualification(s: AnnexIvSystem): { included: boolean; reason: string } {
  const c = s.classification;
  if (!c) return { included: false, reason: 'Not classified yet' };
  const provider = s.roles.includes('provider');
  if (c.result.highRisk.length === 0) return { included: false, reason: c.result.complete ? 'Not high-risk' : 'Classification incomplete; not high-risk so far' };
  if (!provider) return { included: false, reason: 'High-risk, but the organisation is not its provider' };
  return { included: true, reason: `High-risk (${c.result.highRisk.map((b) => b.ref).join(', ')}); the organisation is the provider` };
}

function systemSection(s: AnnexIvSystem, data: AnnexIvData, audience: Audience, today: string, cited: Map<string, string>): ReportSection {
  const missingAll: string[] = [];
  const sections = points.map((point): ReportSection => {
    const blocks: Block[] = [];
    const missing: string[] = [];
    const filled = point.fields.filter((f) => s.annexIv[f]?.trim());
    if (filled.length) blocks.push({ kind: 'facts', rows: filled.map((f) => [fieldLabel[f], s.annexIv[f]!.trim()]) });
    missing.push(...point.fields.filter((f) => !s.annexIv[f]?.trim()).map((f) => fieldLabel[f].toLowerCase()));
    const more = point.more?.(s, audience);
    if (more) {
      blocks.push(...more.blocks);
      missing.push(...more.missing);
    }
    const evidence = evidenceFor(s, point, data);
    if (evidence.length) {
      for (const e of evidence) cited.set(e.id, e.sha256);
      blocks.push({
        kind: 'table',
        sheet: `${s.id} point ${point.n}`,
        caption: `Evidence for point ${point.n}`,
        columns: [
          { key: 'id', label: 'Evidence', width: 0.8 },
          { key: 'title', label: 'Title', width: 2 },
          { key: 'file', label: 'File', width: 1.4 },
          { key: 'sha256', label: 'SHA-256', width: 3.4 },
          { key: 'valid', label: 'Valid until', width: 1 },
        ],
        rows: evidence.map((e) => [e.id, e.title, e.fileName, e.sha256, e.validUntil ? `${e.validUntil}${isExpired(e.validUntil, today) ? ' (expired)' : ''}` : '—']),
      });
    } else if (point.missingWithoutEvidence) missing.push(point.missingWithoutEvidence);
    for (const m of missing) blocks.push({ kind: 'paragraph', tone: 'warning', text: `Missing: ${m}.` });
    missingAll.push(...missing.map((m) => `Point ${point.n}: ${m}`));
    return { title: `Annex IV point ${point.n}: ${point.title}`, blocks };
  });
  const c = s.classification!;
  const intro: Block[] = [
    { kind: 'facts', rows: [['System', `${s.name} (${s.id})`], ['EU AI Act classification', c.labels.join('; ')], ['Classified', c.classifiedAt.slice(0, 10)]] },
    missingAll.length
      ? { kind: 'paragraph', tone: 'warning', text: `Still missing (${countOf(missingAll.length, 'item')}):` }
      : { kind: 'paragraph', text: 'Every point of the outline has content.' },
  ];
  if (missingAll.length) intro.push({ kind: 'list', items: missingAll });
  if (!c.result.complete) intro.push({ kind: 'paragraph', tone: 'warning', text: `The classification questionnaire is not finished (${countOf(c.result.missing.length, 'question')} to answer): the high-risk finding above may still change.` });
  return { title: `${s.name} (${s.id})`, blocks: intro, sections };
}

export const buildAnnexIv: ReportBuilder<AnnexIvData> = (data, meta, scope) => {
  const judged = data.systems.map((s) => ({ s, ...qualification(s) }));
  const included = judged.filter((j) => j.included).map((j) => j.s);
  const scopeBlocks: Block[] = [
    {
      kind: 'paragraph',
      text: 'Technical documentation is drawn up for each high-risk AI system the organisation provides. The outline below follows the numbered points of Annex IV to Regulation (EU) 2024/1689, filled from the assessment; evidence is cited by its evidence-index id and SHA-256.',
    },
    {
      kind: 'table',
      sheet: 'Systems',
      caption: 'Systems in scope and whether they are documented here',
      main: true,
      columns: [
        { key: 'id', label: 'ID', width: 0.8 },
        { key: 'name', label: 'System', width: 1.8 },
        { key: 'roles', label: 'Roles', width: 1.2 },
        { key: 'classification', label: 'Classification', width: 2.4 },
        { key: 'included', label: 'Documented', width: 0.9 },
        { key: 'reason', label: 'Why', width: 2 },
      ],
      rows: judged.map((j) => [j.s.id, j.s.name, j.s.roles.map(words).join(', '), j.s.classification?.labels.join('; ') ?? 'Not classified', j.included ? 'Yes' : 'No', j.reason]),
    },
  ];
  if (!included.length) {
    const notProvided = judged.filter((j) => j.reason.startsWith('High-risk, but'));
    const unclassified = judged.filter((j) => !j.s.classification || !j.s.classification.result.complete);
    scopeBlocks.push({ kind: 'paragraph', tone: 'warning', text: 'No system in scope is a high-risk AI system the organisation provides: there is no technical documentation to outline.' });
    if (notProvided.length) scopeBlocks.push({ kind: 'paragraph', text: 'High-risk, but not provided by the organisation:' }, { kind: 'list', items: notProvided.map((j) => `${j.s.name} (${j.s.id})`) });
    if (unclassified.length) scopeBlocks.push({ kind: 'paragraph', text: 'Not classified, or classification incomplete:' }, { kind: 'list', items: unclassified.map((j) => `${j.s.name} (${j.s.id})`) });
  }
  const cited = new Map<string, string>();
  const systems = included.map((s) => systemSection(s, data, meta.audience, scope.today, cited));
  return {
    subtitle: included.length ? included.map((s) => s.name).join(', ') : 'No high-risk system provided by the organisation',
    sections: [{ title: 'Scope', blocks: scopeBlocks }, ...systems],
    evidence: [...cited].sort(([a], [b]) => a.localeCompare(b)).map(([id, sha256]) => ({ id, sha256 })),
  };
};
