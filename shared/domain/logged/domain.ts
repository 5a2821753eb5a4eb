import type { z } from 'zod';
import type { AuditRecord } from '../audit';

/**
 * A domain that writes audited changes (evidence, risks, own controls, …) plugs into the log
 * here: the state tables it owns, the payload each of its commands logs, what replaying one
 * of its entries does to those tables, and how an auditor reads the entry. The core replay
 * and the audit view stay ignorant of the domain's details.
 */

export type Cell = string | number | null;
export type Row = Record<string, Cell>;
export type TableRows = Map<string, Row>;
/** Replay state: table name → key → row. */
export type TablesState = Record<string, TableRows>;

export interface AuditNames {
  control(id: string): string | undefined;
  assessment(): string;
}

export interface AuditDescription {
  label: string;
  item: string;
  change: string;
}

export interface LoggedDomain {
  /** The state tables this domain owns: replay must rebuild each of them. */
  tables: readonly string[];
  /** Per logged command: the payload schema replay needs, a label for people, and how it applies. */
  commands: Record<
    string,
    {
      label: string;
      payload: z.ZodType;
      /**
       * Apply one entry (payload already parsed) to the state; returns a problem, or undefined.
       * `expand` applies an entry carried inside this one (an import batch's), as replay applies any.
       */
      apply(state: TablesState, entry: AuditRecord, payload: never, expand: (inner: AuditRecord) => string | undefined): string | undefined;
      describe(entry: { entityId: string; payload: unknown }, names: AuditNames): Omit<AuditDescription, 'label'> & { label?: string };
    }
  >;
}
