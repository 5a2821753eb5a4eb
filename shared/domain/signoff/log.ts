import { z } from 'zod';
import type { LoggedDomain } from '../logged/domain';
import { FINGERPRINT, groupFingerprint, signoffRoles } from './message';

/**
 * Sign-offs in the log: the entry carries everything that was signed, the public key and the
 * signature, so replay rebuilds the row exactly and a verifier can check the signature from the
 * record alone. Replay does not judge the signature: verify does, against keys pinned outside.
 */
export const signoffTables = ['signoff'] as const;

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const SignoffRecord = z
  .object({
    role: z.enum(signoffRoles),
    signer: z.string().min(1).max(200),
    fingerprint: z.string().regex(FINGERPRINT),
    publicKey: z.string().min(1).max(2000),
    head: z.object({ count: z.number().int().min(1), hash: Hex64 }),
    at: z.string().min(1).max(40),
    signature: z.string().regex(/^[A-Za-z0-9+/]+=*$/).max(200),
    comment: z.string().max(2000).nullable(),
  })
  .strict();
export type SignoffRecord = z.infer<typeof SignoffRecord>;

/** The row as stored and as replay rebuilds it. */
export function signoffRow(r: SignoffRecord, actor: string) {
  return {
    role: r.role,
    signer: r.signer,
    fingerprint: r.fingerprint,
    public_key: r.publicKey,
    head_count: r.head.count,
    head_hash: r.head.hash,
    signed_at: r.at,
    signature: r.signature,
    comment: r.comment,
    recorded_by: actor,
  };
}

const SignoffPayload = z.object({ signoff: SignoffRecord });

export const signoffDomain: LoggedDomain = {
  tables: signoffTables,
  commands: {
    'signoff.create': {
      label: 'Signed off',
      payload: SignoffPayload,
      apply(state, entry, p: z.infer<typeof SignoffPayload>) {
        if (state.signoff!.has(entry.entityId)) return `entry ${entry.seq} records sign-off ${entry.entityId} a second time`;
        if (p.signoff.head.count >= entry.seq) return `entry ${entry.seq} signs head ${p.signoff.head.count}, which is not before it`;
        state.signoff!.set(entry.entityId, signoffRow(p.signoff, entry.actor));
        return undefined;
      },
      describe(e) {
        const r = SignoffRecord.safeParse((e.payload as { signoff?: unknown } | null)?.signoff);
        if (!r.success) return { item: e.entityId, change: '' };
        return { item: `${e.entityId} ${r.data.role}: ${r.data.signer}`, change: `approves head ${r.data.head.count}, key ${groupFingerprint(r.data.fingerprint).slice(0, 19)}…` };
      },
    },
  },
};
