import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { groupFingerprint, parseFingerprint, signoffRoles } from '../../../shared/domain/signoff/message';
import { AssayError } from '../../../shared/errors';
import { readPublicKey } from '../../signing/keys';
import { formatKey, formatSignoff, formatSignoffs, formatTrusted } from '../format-signoff';
import { type CliKit, EXIT_FAILED_CHECK, EXIT_USAGE, collect } from '../kit';
import { type PassphraseSource, obtainPassphrase } from '../passphrase';

/**
 * `--trust` takes a public key file (PEM, as `assay keys export` writes it) or a fingerprint (64
 * hex digits, groups and colons allowed): the fingerprint is the SHA-256 of the key itself, so
 * pinning it pins the key. Both end as fingerprints for the command table.
 */
export function trustedFingerprints(kit: CliKit, values: readonly string[]): string[] {
  return values.map((value) => {
    const fingerprint = parseFingerprint(value);
    if (fingerprint) return fingerprint;
    const path = resolve(value);
    if (!existsSync(path)) {
      kit.io.err(`assay: --trust ${value}: neither a public key file nor a fingerprint (64 hex digits)`);
      throw kit.exit(EXIT_USAGE);
    }
    try {
      return readPublicKey(readFileSync(path, 'utf8'), path).fingerprint;
    } catch (error) {
      kit.io.err(`assay: --trust ${value}: ${(error as Error).message}`);
      throw kit.exit(EXIT_USAGE);
    }
  });
}

export function registerSignoffCommands(program: Command, kit: CliKit): void {
  const { io, run, emit } = kit;

  async function passphrase(source: PassphraseSource): Promise<string> {
    try {
      return await obtainPassphrase(source);
    } catch (error) {
      io.err(`assay: ${error instanceof AssayError ? error.message : String(error)}`);
      throw kit.exit(EXIT_USAGE);
    }
  }

  const keys = program.command('keys').description('your Ed25519 signing key (kept in your settings folder, the private half passphrase-encrypted) and the public keys you trust');

  keys
    .command('show', { isDefault: true })
    .description('print your public key and its fingerprint (what others trust)')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean }) => {
      const { key } = run('keys.show', {});
      if (!key) {
        if (o.json) io.out('null');
        else io.out('You have no signing key yet (assay keys create --name <your name>).');
        return;
      }
      emit(o.json, key, formatKey(key));
    });

  keys
    .command('create')
    .description('make your signing key; the passphrase comes from a terminal prompt, --passphrase-file or ASSAY_PASSPHRASE, never the command line')
    .requiredOption('--name <signer name>', 'your name as sign-offs record it')
    .option('--passphrase-file <path>', 'read the passphrase from the first line of this file')
    .option('--replace', 'replace an existing key (sign-offs made with the old one stay checkable)')
    .option('--json', 'print JSON')
    .action(async (o: { name: string; passphraseFile?: string; replace?: boolean; json?: boolean }) => {
      const secret = await passphrase({ passphraseFile: o.passphraseFile, confirm: true, command: 'keys create', purpose: 'a passphrase for your new signing key' });
      const { key } = run('keys.create', { name: o.name, passphrase: secret, replace: o.replace ?? false });
      emit(o.json, key, `made ${formatKey(key)}`);
    });

  keys
    .command('export')
    .description('write your public key (PEM) to a file to share; never the private key')
    .requiredOption('--out <file>', 'the file to write (not written over)')
    .action((o: { out: string }) => {
      const { key } = run('keys.show', {});
      if (!key) {
        io.err('assay: keys export: you have no signing key yet (assay keys create --name <your name>)');
        throw kit.exit(EXIT_FAILED_CHECK);
      }
      const out = resolve(o.out);
      try {
        writeFileSync(out, key.publicKey, { flag: 'wx' });
      } catch (error) {
        io.err(`assay: keys export: ${out}: ${(error as NodeJS.ErrnoException).code === 'EEXIST' ? 'already exists; nothing was written' : (error as Error).message}`);
        throw kit.exit(EXIT_FAILED_CHECK);
      }
      io.out(`wrote the public key of ${key.name} to ${out}\n  fingerprint  ${key.fingerprintGroups}`);
    });

  keys
    .command('trust')
    .description('trust a public key (a PEM file from assay keys export): sign-offs made with it then verify as trusted')
    .argument('<public-key-file>', 'the public key, PEM')
    .option('--name <name>', 'whose key it is (default: the file name)')
    .option('--json', 'print JSON')
    .action((file: string, o: { name?: string; json?: boolean }) => {
      const path = resolve(file);
      let pem: string;
      try {
        pem = readFileSync(path, 'utf8');
      } catch (error) {
        io.err(`assay: keys trust: ${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
        throw kit.exit(EXIT_USAGE);
      }
      const result = run('keys.trust', { publicKey: pem, name: o.name ?? basename(path).replace(/\.(pem|pub)$/i, '') });
      emit(o.json, result, `${result.added ? 'now trusting' : 'already trusted; renamed'} ${result.key.name}\n  fingerprint  ${result.key.fingerprintGroups}\n  compare it with its owner by another channel than the one that brought you the file`);
    });

  keys
    .command('trusted')
    .description('list the public keys you trust')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean }) => {
      const { keys: list } = run('keys.trusted', {});
      emit(o.json, list, formatTrusted(list));
    });

  keys
    .command('untrust')
    .description('stop trusting a public key')
    .argument('<fingerprint>', 'its fingerprint, as assay keys trusted prints it (quote it when it has spaces)')
    .action((fingerprint: string) => {
      const { key } = run('keys.untrust', { fingerprint });
      io.out(`no longer trusting ${key.name} (${key.fingerprintGroups})`);
    });

  program
    .command('signoff')
    .description('sign off the assessment as it stands, in a role, with your signing key (recorded in the audit log); a later change shows it no longer covers the state')
    .argument('<file>', 'an .assay file')
    .requiredOption('--role <role>', signoffRoles.join('|'))
    .option('--comment <text>', 'a short statement signed with it')
    .option('--passphrase-file <path>', 'read the passphrase of your signing key from the first line of this file')
    .option('--json', 'print JSON')
    .action(async (file: string, o: { role: string; comment?: string; passphraseFile?: string; json?: boolean }) => {
      if (!(signoffRoles as readonly string[]).includes(o.role)) {
        io.err(`assay: signoff: --role must be one of ${signoffRoles.join(', ')} (got "${o.role}")`);
        throw kit.exit(EXIT_USAGE);
      }
      kit.requireAssessmentPath(resolve(file));
      const secret = await passphrase({ passphraseFile: o.passphraseFile, confirm: false, command: 'signoff', purpose: 'the passphrase of your signing key' });
      const { signoff } = run('signoff.create', { file: resolve(file), role: o.role, passphrase: secret, ...(o.comment !== undefined ? { comment: o.comment } : {}) });
      emit(o.json, signoff, `signed off\n${formatSignoff(signoff)}`);
    });

  program
    .command('signoffs')
    .description('list the sign-offs of an assessment: does each still cover the current state, and is its signature valid and by a key you trust (read-only)')
    .argument('<file>', 'an .assay file')
    .option('--trust <key>', 'also trust this public key file or fingerprint (repeatable)', collect, [])
    .option('--json', 'print JSON')
    .action((file: string, o: { trust: string[]; json?: boolean }) => {
      const list = run('signoff.list', { file: resolve(file), ...(o.trust.length ? { trust: trustedFingerprints(kit, o.trust) } : {}) });
      emit(o.json, list, formatSignoffs(list));
    });

  program
    .command('sign-manifest')
    .description("sign a report's manifest with your signing key: writes <manifest>.sig beside it, which assay verify-report checks against the keys you trust")
    .argument('<manifest>', 'the report\'s .manifest.json (or the report, its manifest beside it)')
    .option('--passphrase-file <path>', 'read the passphrase of your signing key from the first line of this file')
    .option('--json', 'print JSON')
    .action(async (manifest: string, o: { passphraseFile?: string; json?: boolean }) => {
      const report = resolve(manifest).replace(/\.manifest\.json$/i, '');
      const secret = await passphrase({ passphraseFile: o.passphraseFile, confirm: false, command: 'sign-manifest', purpose: 'the passphrase of your signing key' });
      const signed = run('signoff.signManifest', { report, passphrase: secret });
      emit(o.json, signed, `signed the manifest (SHA-256 ${signed.manifestSha256}) with key ${groupFingerprint(signed.fingerprint)}\n  signature  ${signed.signature}`);
    });
}
