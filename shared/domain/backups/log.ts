import { z } from 'zod';
import type { LoggedDomain } from '../logged/domain';

const Head = z.object({ count: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) });

/**
 * A restore in the log. The file is replaced by a backup's content, and this entry is appended to
 * the backup's chain (so verify and replay still walk one unbroken chain); it names the head that
 * was discarded, which a report or sign-off citing that head can be checked against, and the copy
 * of the discarded state kept before the restore. It changes no state table: the tables are the
 * backup's, which its own entries rebuild.
 */
export const RestorePayload = z
  .object({
    discarded: Head,
    backup: z.object({ fileName: z.string().min(1).max(500), takenAt: z.string(), head: Head }),
    keptAs: z.string().min(1).max(500),
  })
  .strict();
export type RestorePayload = z.infer<typeof RestorePayload>;

export const backupsDomain: LoggedDomain = {
  tables: [],
  commands: {
    'assessment.restore': {
      label: 'Restored from a backup',
      payload: RestorePayload,
      apply: () => undefined,
      describe(e) {
        const p = RestorePayload.safeParse(e.payload);
        if (!p.success) return { item: e.entityId, change: '' };
        return {
          item: p.data.backup.fileName,
          change: `restored the state at entry ${p.data.backup.head.count}; discarded the chain ending at entry ${p.data.discarded.count} (${p.data.discarded.hash.slice(0, 12)}…), kept as ${p.data.keptAs}`,
        };
      },
    },
  },
};
