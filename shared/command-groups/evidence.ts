import { z } from 'zod';
import { AssessmentFile, FileOnly, command } from '../command-kit';
import { EvidenceId, EvidenceItem, EvidenceLinkInput, EvidenceMetaChanges } from '../domain/evidence/model';
import { JobId } from '../jobs';

/** The evidence vault: files stored inside the assessment, hashed, dated and linked to controls and requirements. */

const Links = z.array(EvidenceLinkInput).max(500);
const One = z.object({ file: AssessmentFile, evidenceId: EvidenceId }).strict();

export const evidenceCommands = {
  'evidence.list': command(
    'Every evidence item with its SHA-256, dates (received, effective, valid until), revisions and links to controls and requirements.',
    FileOnly,
    z.object({ evidence: z.array(EvidenceItem) }),
  ),
  'evidence.get': command('One evidence item with every revision (each with its SHA-256) and its links.', One, z.object({ evidence: EvidenceItem })),
  'evidence.add': command(
    'Add files as evidence (or, with revise, one file as a new revision of an item) as a job: progress and the result (added files, and the ones that could not be read, by name) arrive as job events.',
    z
      .object({
        file: AssessmentFile,
        paths: z.array(AssessmentFile).min(1, 'name at least one file to add').max(1000, 'at most 1000 files at once'),
        details: EvidenceMetaChanges.optional(),
        links: Links.optional(),
        revise: EvidenceId.optional(),
      })
      .strict(),
    z.object({ jobId: JobId }),
  ),
  'evidence.update': command(
    "Change an evidence item's title, description, source, effective date or period and valid-until date (the received date is Assay's).",
    z.object({ file: AssessmentFile, evidenceId: EvidenceId, changes: EvidenceMetaChanges }).strict(),
    z.object({ evidence: EvidenceItem }),
  ),
  'evidence.link': command(
    'Link an evidence item to controls (optionally for one system) and requirements; one item may support many.',
    z.object({ file: AssessmentFile, evidenceId: EvidenceId, links: Links.min(1, 'name at least one link') }).strict(),
    z.object({ evidence: EvidenceItem }),
  ),
  'evidence.unlink': command(
    'Remove links of an evidence item.',
    z.object({ file: AssessmentFile, evidenceId: EvidenceId, links: Links.min(1, 'name at least one link') }).strict(),
    z.object({ evidence: EvidenceItem }),
  ),
  'evidence.export': command(
    'Save a copy of a stored file (the current revision, or the one named) to a new file; its SHA-256 is checked while it is written.',
    z.object({ file: AssessmentFile, evidenceId: EvidenceId, out: AssessmentFile, rev: z.number().int().min(1).optional() }).strict(),
    z.object({ out: z.string(), sha256: z.string(), size: z.number().int() }),
  ),
} as const;


