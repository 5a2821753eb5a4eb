import type { SignoffStatus } from '../../shared/command-groups/signoff';
import type { CommandOutput } from '../../shared/commands';
import { coverageText, groupFingerprint } from '../../shared/domain/signoff/message';

type KeyInfo = NonNullable<CommandOutput<'keys.show'>['key']>;
type TrustedInfo = CommandOutput<'keys.trusted'>['keys'][number];

const verdictWords: Record<SignoffStatus['verdict'], string> = {
  trusted: 'VALID, trusted key',
  untrusted: 'VALID, key NOT trusted',
  invalid: 'INVALID',
  off_chain: 'NOT ON THIS CHAIN',
};

export function formatKey(k: KeyInfo): string {
  return [`signing key of ${k.name} (made ${k.createdAt})`, `  fingerprint  ${k.fingerprintGroups}`, `  kept in      ${k.file} (private half encrypted with your passphrase)`, '', k.publicKey.trimEnd()].join('\n');
}

export function formatTrusted(keys: readonly TrustedInfo[]): string {
  if (!keys.length) return 'You trust no keys yet (assay keys trust <public-key-file> --name <who>).';
  return keys.map((k) => `${k.name}\n  ${k.fingerprintGroups}  (trusted since ${k.addedAt.slice(0, 10)})`).join('\n');
}

export function formatSignoff(s: SignoffStatus): string {
  return [
    `${s.id}  ${s.role}: ${s.signer}, signed ${s.signedAt}${s.recordedBy && s.recordedBy !== s.signer ? ` (recorded by ${s.recordedBy})` : ''}`,
    `  key        ${groupFingerprint(s.fingerprint)}`,
    `  approves   head ${s.head.count}:${s.head.hash}; ${coverageText(s)}`,
    `  signature  ${verdictWords[s.verdict]}: ${s.detail}`,
    ...(s.comment ? [`  comment    ${s.comment}`] : []),
  ].join('\n');
}

export function formatSignoffs(list: CommandOutput<'signoff.list'>): string {
  if (!list.signoffs.length) return `No sign-offs yet (assay signoff <file> --role <role>). Current head ${list.head.count}:${list.head.hash}.`;
  return [`Current head ${list.head.count}:${list.head.hash}`, ...list.signoffs.map(formatSignoff)].join('\n');
}
