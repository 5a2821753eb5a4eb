import { z } from 'zod';
import { MIN_PASSPHRASE } from '../passphrase';
import { AssessmentFile, command } from '../command-kit';
import { JobId } from '../jobs';

/**
 * Encrypted packages (.assaypkg): an assessment with its evidence in one file for carrying to a
 * client or an auditor. Both run as jobs (progress, cancel); the result comes as the job event.
 * The passphrase is an input like any other here: no door logs inputs, and nothing stores it.
 */

const PackageFile = AssessmentFile.refine((p) => p.toLowerCase().endsWith('.assaypkg'), { message: 'a package file name must end in .assaypkg' });
const UnpackedFile = AssessmentFile.refine((p) => p.toLowerCase().endsWith('.assay'), { message: 'an assessment file name must end in .assay' });

/** Long enough to be worth deriving a key from; the upper bound only keeps inputs sane. */
export const PackPassphrase = z.string().min(MIN_PASSPHRASE, `a passphrase of at least ${MIN_PASSPHRASE} characters is required`).max(1024);
const OpenPassphrase = z.string().min(1, 'the passphrase is required').max(1024);

export const packageCommands = {
  'package.pack': command(
    'Pack an assessment with its evidence into one encrypted file (.assaypkg, AES-256-GCM under a key derived from the passphrase with scrypt), as a job; the pseudonymisation key stays out unless includeSecret. Never writes over a file.',
    z.object({ file: AssessmentFile, out: PackageFile, passphrase: PackPassphrase, includeSecret: z.boolean().default(false) }).strict(),
    z.object({ jobId: JobId }),
  ),
  'package.unpack': command(
    'Open an encrypted package into a new assessment file, as a job: a wrong passphrase, a truncated or an altered package each fail with their own message and write nothing. Never writes over a file.',
    z.object({ package: AssessmentFile, out: UnpackedFile, passphrase: OpenPassphrase }).strict(),
    z.object({ jobId: JobId }),
  ),
} as const;
