import { z } from 'zod';
import { describeCycle, parentCycles } from './hierarchy';

/**
 * The catalog: frameworks with their requirements, the AI threat catalog, the control catalog
 * and the two mapping sets. These schemas validate the bundled YAML, every assessment's
 * snapshot and every framework a user imports.
 */

export const controlTypes = ['technical', 'organisational', 'human'] as const;
export const ControlType = z.enum(controlTypes);
export type ControlType = z.infer<typeof ControlType>;

export const lifecycleStages = ['data', 'training', 'deployment', 'operation', 'use'] as const;
export const LifecycleStage = z.enum(lifecycleStages);

/** How a control relates to a requirement, as set-theory crosswalks (NIST OLIR) state it. */
export const relationships = ['equal', 'subset', 'superset', 'intersects'] as const;
export const Relationship = z.enum(relationships);
export type Relationship = z.infer<typeof Relationship>;

/** EU AI Act operator roles (Art. 3) an obligation falls on. */
export const operatorRoles = [
  'provider',
  'deployer',
  'importer',
  'distributor',
  'authorised_representative',
  'product_manufacturer',
  'gpai_provider',
] as const;
export const OperatorRole = z.enum(operatorRoles);
export type OperatorRole = z.infer<typeof OperatorRole>;

export const riskClasses = ['prohibited', 'high_risk', 'limited_risk', 'minimal_risk', 'gpai', 'gpai_systemic'] as const;
export const RiskClass = z.enum(riskClasses);
export type RiskClass = z.infer<typeof RiskClass>;

/** Which high-risk systems a date concerns: Art. 113 treats Annex I and Annex III systems differently. */
export const dateScopes = ['all', 'annex_i', 'annex_iii'] as const;
export const DateScope = z.enum(dateScopes);

export const ControlId = z.string().regex(/^[A-Z]{2,4}-\d{2}$/, 'control ids look like GOV-01');
export const ThreatId = z.string().regex(/^THR-\d{2}$/, 'threat ids look like THR-01');
export const FrameworkId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'framework ids are lower-case words joined by hyphens');

/** A requirement anywhere in the catalog: "<framework id>:<item id>", e.g. "nist-ai-rmf:GOVERN 1.1". */
export const RequirementRef = z.string().regex(/^[a-z0-9][a-z0-9-]*:.+$/, 'requirement references look like framework-id:item-id');

export function splitRef(ref: string): { framework: string; item: string } {
  const at = ref.indexOf(':');
  return { framework: ref.slice(0, at), item: ref.slice(at + 1) };
}

const ApplicationDate = z
  .object({
    date: z.iso.date(),
    scope: DateScope.default('all'),
    /** Where the date comes from in the law, e.g. "Art. 113(3)(a)". */
    basis: z.string().min(3),
  })
  .strict();

export const EuObligation = z
  .object({
    roles: z.array(OperatorRole).min(1),
    risk_classes: z.array(RiskClass).min(1),
    applies_from: z.array(ApplicationDate).min(1),
  })
  .strict();
export type EuObligation = z.infer<typeof EuObligation>;

export const FrameworkItem = z
  .object({
    id: z.string().trim().min(1).max(80),
    /** article, paragraph, annex, function, category, subcategory, risk, technique, control, ... */
    kind: z.string().min(2).max(40),
    /** The official title, exactly as published, where the source gives one. */
    title: z.string().min(1).max(400).optional(),
    /** Our own short label, where the official title is long or missing. */
    label: z.string().min(1).max(160).optional(),
    /** Our own words; never the source text. */
    summary: z.string().min(1).max(2000).optional(),
    parent: z.string().min(1).optional(),
    aliases: z.array(z.string().min(1)).optional(),
    url: z.url().optional(),
    /** Other items of the same framework it is linked to (an ATLAS technique's tactics, a mitigation's techniques). */
    related: z.array(z.string().min(1)).optional(),
    /** The same item in another framework or edition, e.g. LLM03:2026 was LLM06:2025. */
    same_as: z.array(z.object({ ref: RequirementRef, relation: z.string().min(3) }).strict()).optional(),
    /** Something an organisation can be assessed against (a control can satisfy it). */
    assessable: z.boolean().default(false),
    /** Why an assessable item is answered by governance alone and mapped to no control. */
    governance_only: z.string().min(10).optional(),
    /** Parts of this item deliberately not encoded as requirements, each with the reason, so none is silently absent. */
    omitted: z.array(z.object({ ref: z.string().min(1), reason: z.string().min(10).max(300) }).strict()).optional(),
    eu: EuObligation.optional(),
  })
  .strict();
export type FrameworkItem = z.infer<typeof FrameworkItem>;

export const Framework = z
  .object({
    id: FrameworkId,
    name: z.string().min(3),
    short_name: z.string().min(2).max(60),
    publisher: z.string().min(2),
    version: z.string().min(1),
    /** Publication date, as precisely as the publisher states it: 2024-07-12, 2024-11 or 2023. */
    published: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date like 2024-07-12, 2024-11 or 2023')
      .optional(),
    /** How a reader finds an item: prefixed to the item id in references. */
    citation: z.string().min(2),
    source: z.string().min(3),
    licence: z.string().min(3),
    url: z.url().optional(),
    notes: z.array(z.string()).optional(),
    origin: z.enum(['bundled', 'user']).default('bundled'),
    /** "slugs" when item ids are permalink slugs rather than identifiers a reader would cite. */
    item_ids: z.enum(['codes', 'slugs']).optional(),
    /** NIST AI 600-1 suggested actions are referenced by id; this says which ids exist. */
    action_ranges: z.array(z.object({ subcategory: z.string(), prefix: z.string(), count: z.number().int().min(1) }).strict()).optional(),
    items: z.array(FrameworkItem).min(1),
  })
  .strict();
export type Framework = z.infer<typeof Framework>;

export const CatalogControl = z
  .object({
    id: ControlId,
    name: z.string().min(3).max(120),
    objective: z.string().min(10).max(400),
    type: ControlType,
    /** The EU AI Act operator roles that carry the control out; an EU mapping must reach a requirement held by one of them. */
    eu_roles: z.array(OperatorRole).min(1).optional(),
    guidance: z.string().min(20).max(1200),
    evidence: z.array(z.string().min(3)).min(1),
  })
  .strict();
export type CatalogControl = z.infer<typeof CatalogControl>;

/** A control id taken out of use. It is never given to another control; merged_into says where its scope went. */
export const RetiredControl = z
  .object({
    id: ControlId,
    merged_into: ControlId.optional(),
    reason: z.string().min(15).max(400),
    /** The catalog version in which the id was retired. */
    retired_in: z.string().regex(/^\d{4}\.\d{2}\.\d+$/).optional(),
  })
  .strict();
export type RetiredControl = z.infer<typeof RetiredControl>;

export const Threat = z
  .object({
    id: ThreatId,
    name: z.string().min(3).max(120),
    description: z.string().min(20).max(700),
    lifecycle: z.array(LifecycleStage).min(1),
    assets: z.array(z.string().min(2)).min(1),
    /** ATLAS techniques, OWASP items and NIST AI 600-1 risks that describe the same threat. */
    refs: z.array(RequirementRef).default([]),
  })
  .strict();
export type Threat = z.infer<typeof Threat>;

export const ThreatControl = z
  .object({ threat: ThreatId, control: ControlId, rationale: z.string().min(15).max(300) })
  .strict();
export type ThreatControl = z.infer<typeof ThreatControl>;

export const ControlRequirement = z
  .object({
    control: ControlId,
    requirement: RequirementRef,
    relationship: Relationship,
    rationale: z.string().min(15).max(300),
    /** NIST AI 600-1 suggested actions (e.g. MS-2.7-001) the control carries out under a NIST subcategory. */
    actions: z.array(z.string().regex(/^(GV|MP|MS|MG)-\d+\.\d+-\d{3}$/)).optional(),
  })
  .strict();
export type ControlRequirement = z.infer<typeof ControlRequirement>;

/**
 * Controls that each cover only part of a requirement (subset or intersects) but together cover all
 * of it. A named set counts as full coverage; without one, partial links stay partial.
 */
export const CoverageSet = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,62}$/, 'coverage set ids are lower-case words joined by hyphens'),
    requirement: RequirementRef,
    controls: z.array(ControlId).min(2),
    rationale: z.string().min(20).max(500),
  })
  .strict();
export type CoverageSet = z.infer<typeof CoverageSet>;

/** A change to a framework made after its baseline text, kept as its own sourced layer. */
export const Amendment = z
  .object({
    id: FrameworkId,
    framework: FrameworkId,
    title: z.string().min(3),
    /** reported: known from secondary sources; verified: checked against the consolidated text. */
    status: z.enum(['reported', 'verified']),
    adopted: z.string().min(4),
    source: z.string().min(3),
    checked_on: z.iso.date(),
    /** The legislative steps, as the institutions themselves published them. */
    steps: z
      .array(z.object({ date: z.iso.date(), institution: z.string().min(3), step: z.string().min(5) }).strict())
      .default([]),
    /** The Official Journal reference, and whether it was checked against the Official Journal itself. */
    official_journal: z.object({ reference: z.string().min(3), verified: z.boolean(), note: z.string().min(5) }).strict().optional(),
    date_changes: z
      .array(
        z
          .object({
            scope: DateScope,
            risk_class: RiskClass,
            date: z.iso.date(),
            replaces: z.iso.date(),
            /** Only these items of the framework, when the change is narrower than a whole risk class. */
            items: z.array(z.string().min(1)).optional(),
            /** Which systems the new date concerns, when not all of them (e.g. those already on the market). */
            condition: z.string().min(5).optional(),
            note: z.string().min(5),
          })
          .strict(),
      )
      .default([]),
    /** New or changed obligations the amendment brings, kept apart from the baseline items. */
    changes: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,62}$/),
            kind: z.enum(['new_prohibition', 'new_obligation', 'changed_obligation']),
            /** Where the change lands in the amended text, e.g. "Art. 5(1)"; number_verified says whether that was checked. */
            article: z.string().min(3),
            number_verified: z.boolean(),
            label: z.string().min(3).max(160),
            summary: z.string().min(10).max(300),
            roles: z.array(OperatorRole).min(1),
            applies_from: z.iso.date().optional(),
          })
          .strict(),
      )
      .default([]),
    notes: z.array(z.string().min(5)).default([]),
  })
  .strict();
export type Amendment = z.infer<typeof Amendment>;

export const CatalogManifest = z
  .object({
    version: z.string().regex(/^\d{4}\.\d{2}\.\d+$/, 'catalog versions look like 2026.11.0'),
    title: z.string().min(3),
    checked_on: z.iso.date(),
    frameworks: z.array(FrameworkId).default([]),
    amendments: z.array(FrameworkId).default([]),
  })
  .strict();
export type CatalogManifest = z.infer<typeof CatalogManifest>;

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const v of values) (seen.has(v) ? twice : seen).add(v);
  return [...twice];
}

function actionExists(framework: Framework | undefined, action: string): boolean {
  const match = /^(.*)-(\d{3})$/.exec(action);
  if (!framework?.action_ranges || !match) return false;
  const range = framework.action_ranges.find((r) => r.prefix === match[1]);
  return range !== undefined && Number(match[2]) >= 1 && Number(match[2]) <= range.count;
}

/**
 * Everything a catalog refers to must exist: ids are unique, parents and links resolve, and
 * every mapping names a real threat, control and requirement. Catalogs taken before frameworks
 * existed (file format 1) parse with empty lists.
 */
export const Catalog = z
  .object({
    manifest: CatalogManifest,
    frameworks: z.array(Framework).default([]),
    threats: z.array(Threat).default([]),
    controls: z.array(CatalogControl).min(1),
    threat_controls: z.array(ThreatControl).default([]),
    control_requirements: z.array(ControlRequirement).default([]),
    /** Named sets of partial controls that together cover a requirement. */
    coverage_sets: z.array(CoverageSet).default([]),
    /** Control ids taken out of use, so no later control reuses them and old assessments can follow merges. */
    retired_controls: z.array(RetiredControl).default([]),
    amendments: z.array(Amendment).default([]),
  })
  .superRefine((catalog, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    for (const id of duplicates(catalog.controls.map((c) => c.id))) issue(['controls'], `duplicate control id ${id}`);
    for (const id of duplicates(catalog.threats.map((t) => t.id))) issue(['threats'], `duplicate threat id ${id}`);
    for (const id of duplicates(catalog.frameworks.map((f) => f.id))) issue(['frameworks'], `duplicate framework id ${id}`);

    const frameworks = new Map(catalog.frameworks.map((f) => [f.id, f]));
    const items = new Map(catalog.frameworks.map((f) => [f.id, new Set(f.items.map((i) => i.id))]));
    const refExists = (ref: string) => {
      const { framework, item } = splitRef(ref);
      return items.get(framework)?.has(item) ?? false;
    };

    catalog.frameworks.forEach((f, fi) => {
      for (const id of duplicates(f.items.map((i) => i.id))) issue(['frameworks', fi, 'items'], `${f.id}: duplicate item id ${id}`);
      const own = items.get(f.id)!;
      f.items.forEach((item, ii) => {
        const at = ['frameworks', fi, 'items', ii];
        if (item.parent && !own.has(item.parent)) issue([...at, 'parent'], `${f.id} ${item.id}: parent ${item.parent} does not exist`);
        for (const r of item.related ?? []) if (!own.has(r)) issue([...at, 'related'], `${f.id} ${item.id}: related item ${r} does not exist`);
        for (const s of item.same_as ?? []) if (!refExists(s.ref)) issue([...at, 'same_as'], `${f.id} ${item.id}: ${s.ref} does not exist`);
        if (!item.title && !item.label) issue(at, `${f.id} ${item.id}: an item needs a title or a label`);
        if (item.governance_only && !item.assessable) issue([...at, 'governance_only'], `${f.id} ${item.id}: only assessable items can be governance-only`);
      });
      // A cyclic hierarchy would make every walk up the parents endless; refuse it here too, so a
      // snapshot edited outside Assay cannot bring one in.
      for (const cycle of parentCycles(f.items)) issue(['frameworks', fi, 'items'], `${f.id}: ${describeCycle(cycle)}`);
    });

    const controls = new Set(catalog.controls.map((c) => c.id));
    const threats = new Set(catalog.threats.map((t) => t.id));
    catalog.threats.forEach((t, i) => {
      t.refs.forEach((ref, r) => {
        if (!refExists(ref)) issue(['threats', i, 'refs', r], `${t.id}: reference ${ref} does not exist`);
      });
    });
    catalog.threat_controls.forEach((m, i) => {
      if (!threats.has(m.threat)) issue(['threat_controls', i, 'threat'], `unknown threat ${m.threat}`);
      if (!controls.has(m.control)) issue(['threat_controls', i, 'control'], `${m.threat}: unknown control ${m.control}`);
    });
    for (const pair of duplicates(catalog.threat_controls.map((m) => `${m.threat} → ${m.control}`)))
      issue(['threat_controls'], `mapping ${pair} is listed twice`);
    catalog.control_requirements.forEach((m, i) => {
      if (!controls.has(m.control)) issue(['control_requirements', i, 'control'], `unknown control ${m.control}`);
      if (!refExists(m.requirement)) issue(['control_requirements', i, 'requirement'], `${m.control}: requirement ${m.requirement} does not exist`);
      for (const action of m.actions ?? [])
        if (!actionExists(frameworks.get('nist-ai-600-1'), action))
          issue(['control_requirements', i, 'actions'], `${m.control}: NIST AI 600-1 action ${action} does not exist`);
    });
    for (const pair of duplicates(catalog.control_requirements.map((m) => `${m.control} → ${m.requirement}`)))
      issue(['control_requirements'], `mapping ${pair} is listed twice`);
    const retired = new Set<string>();
    catalog.retired_controls.forEach((r, i) => {
      if (retired.has(r.id)) issue(['retired_controls', i, 'id'], `retired control ${r.id} is listed twice`);
      retired.add(r.id);
      if (controls.has(r.id)) issue(['retired_controls', i, 'id'], `${r.id} is retired and must not be used by a live control`);
      if (r.merged_into && !controls.has(r.merged_into))
        issue(['retired_controls', i, 'merged_into'], `${r.id} is merged into ${r.merged_into}, which is not a live control`);
    });
    for (const id of duplicates(catalog.coverage_sets.map((s) => s.id))) issue(['coverage_sets'], `duplicate coverage set id ${id}`);
    catalog.coverage_sets.forEach((set, i) => {
      if (!refExists(set.requirement)) issue(['coverage_sets', i, 'requirement'], `${set.id}: requirement ${set.requirement} does not exist`);
      set.controls.forEach((control, c) => {
        const link = catalog.control_requirements.find((m) => m.control === control && m.requirement === set.requirement);
        if (!link) issue(['coverage_sets', i, 'controls', c], `${set.id}: ${control} is not mapped to ${set.requirement}`);
      });
    });
    catalog.amendments.forEach((a, i) => {
      if (!frameworks.has(a.framework)) issue(['amendments', i, 'framework'], `${a.id}: unknown framework ${a.framework}`);
    });
  });
export type Catalog = z.infer<typeof Catalog>;
export type CatalogInput = z.input<typeof Catalog>;
