import { groupFingerprint } from '../../shared/domain/signoff/message';
import { createKey, showKey, unlockKey } from '../signing/keys';
import { type TrustedKey, listTrusted, trustKey, untrustKey } from '../signing/trusted';
import { recordSignoff, signoffStatuses } from '../store/signoff';
import { actorOf } from './context';
import type { HandlerContext } from './context';
import { normalisePath, useForReading, useForWriting } from './open-files';
import { manifestPathOf } from '../reports/write';
import { signManifest } from '../signing/manifest-signature';
import type { Handlers } from './types';

type SignoffHandlers = Pick<Handlers, 'keys.show' | 'keys.create' | 'keys.trusted' | 'keys.trust' | 'keys.untrust' | 'signoff.create' | 'signoff.list' | 'signoff.signManifest'>;

const withGroups = (k: TrustedKey) => ({ ...k, fingerprintGroups: groupFingerprint(k.fingerprint) });

/**
 * The keys a verifier trusts: the user's pinned list plus fingerprints given for this one call.
 * Fingerprint → name, as the verdicts name the key.
 */
export function trustedKeys(ctx: HandlerContext, extra: readonly string[] = []): Map<string, string> {
  const map = new Map(listTrusted(ctx.home).map((k) => [k.fingerprint, k.name]));
  for (const fp of extra) if (!map.has(fp)) map.set(fp, 'given with --trust');
  return map;
}

export const signoffHandlers: SignoffHandlers = {
  'keys.show': (_input, ctx) => ({ key: showKey(ctx.home) }),
  'keys.create': (input, ctx) => ({ key: createKey(ctx.home, input.name, input.passphrase, { replace: input.replace }) }),
  'keys.trusted': (_input, ctx) => ({ keys: listTrusted(ctx.home).map(withGroups) }),
  'keys.trust': (input, ctx) => {
    const { key, added } = trustKey(ctx.home, input.publicKey, input.name, 'the public key given');
    return { key: withGroups(key), added };
  },
  'keys.untrust': (input, ctx) => ({ key: withGroups(untrustKey(ctx.home, input.fingerprint)) }),

  'signoff.create': (input, ctx) => {
    const { actor } = actorOf(ctx);
    // Unlocked before the file is touched: a wrong passphrase writes nothing.
    const key = unlockKey(ctx.home, input.passphrase);
    const { assessment } = useForWriting(input.file, actor);
    const id = recordSignoff(assessment, { role: input.role, comment: input.comment ? input.comment : null }, key, actor);
    return { signoff: signoffStatuses(assessment, trustedKeys(ctx)).find((s) => s.id === id)! };
  },
  'signoff.signManifest': (input, ctx) => signManifest(manifestPathOf(normalisePath(input.report)), unlockKey(ctx.home, input.passphrase)),
  'signoff.list': (input, ctx) => {
    const a = useForReading(input.file);
    const head = a.head();
    return { head: { count: head.count, hash: head.hash }, signoffs: signoffStatuses(a, trustedKeys(ctx, input.trust)) };
  },
};
