import { readFileSync } from 'node:fs';
import { AssayError } from '../../shared/errors';
import { assertRegularFile } from '../files/read-input';

/**
 * Where the command line gets a passphrase: never from its own arguments (they show in process
 * lists and shell history). A file named by --passphrase-file, else ASSAY_PASSPHRASE, else a
 * prompt on the terminal without echo; a pipeline with none of these is a usage error.
 */

export const PASSPHRASE_ENV = 'ASSAY_PASSPHRASE';
/** A passphrase file is a line of text, not a document. */
const MAX_PASSPHRASE_FILE = 4096;

export interface Terminal {
  input: Pick<NodeJS.ReadStream, 'isTTY' | 'setRawMode' | 'on' | 'off' | 'resume' | 'pause' | 'setEncoding'>;
  output: Pick<NodeJS.WriteStream, 'isTTY' | 'write'>;
}

export interface PassphraseSource {
  passphraseFile?: string | undefined;
  env?: NodeJS.ProcessEnv;
  terminal?: Terminal;
  /** Packing asks twice on a terminal, so a typing slip does not lock the package for good. */
  confirm: boolean;
  command: string;
  /** What the prompt asks for ("the passphrase of your signing key"); default "Passphrase". */
  purpose?: string;
}

export async function obtainPassphrase(source: PassphraseSource): Promise<string> {
  const env = source.env ?? process.env;
  const terminal = source.terminal ?? { input: process.stdin, output: process.stderr };
  if (source.passphraseFile !== undefined) return fromFile(source.passphraseFile, source.command);
  const fromEnv = env[PASSPHRASE_ENV];
  if (fromEnv !== undefined) {
    if (fromEnv === '') throw new AssayError('usage', `${source.command}: ${PASSPHRASE_ENV} is set but empty`);
    return fromEnv;
  }
  if (!terminal.input.isTTY || !terminal.output.isTTY)
    throw new AssayError('usage', `${source.command}: a passphrase is needed and there is no terminal to ask on: give --passphrase-file <path> or set ${PASSPHRASE_ENV} (a passphrase is never taken on the command line)`);
  const ask = source.purpose ? `Enter ${source.purpose}` : 'Passphrase';
  const first = await prompt(terminal, `${ask}: `, source.command);
  if (first === '') throw new AssayError('usage', `${source.command}: no passphrase was typed`);
  if (source.confirm && (await prompt(terminal, `${ask} again: `, source.command)) !== first)
    throw new AssayError('usage', `${source.command}: the two passphrases differ; nothing was written`);
  return first;
}

function fromFile(path: string, command: string): string {
  try {
    assertRegularFile(path);
    const bytes = readFileSync(path);
    if (bytes.length > MAX_PASSPHRASE_FILE) throw new AssayError('usage', `${command}: ${path}: a passphrase file holds one line (at most ${MAX_PASSPHRASE_FILE} bytes)`);
    // One line: the newline an editor or `echo` adds is not part of the passphrase.
    const text = bytes.toString('utf8').replace(/\r?\n$/, '');
    if (text === '') throw new AssayError('usage', `${command}: ${path}: the passphrase file is empty`);
    return text;
  } catch (error) {
    if (error instanceof AssayError) throw error.code === 'usage' ? error : new AssayError('usage', `${command}: --passphrase-file: ${error.message}`);
    throw new AssayError('usage', `${command}: --passphrase-file ${path}: cannot be read (${(error as Error).message})`);
  }
}

/** Reads one line in raw mode, echoing nothing; Ctrl-C or Ctrl-D gives up. */
export function prompt(terminal: Terminal, question: string, command: string): Promise<string> {
  const { input, output } = terminal;
  return new Promise((resolvePrompt, reject) => {
    let value = '';
    const finish = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
    };
    const onData = (text: string | Buffer) => {
      for (const ch of String(text)) {
        if (ch === '\r' || ch === '\n') {
          finish();
          return resolvePrompt(value);
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish();
          return reject(new AssayError('usage', `${command}: no passphrase was given; nothing was written`));
        }
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    output.write(question);
    input.setRawMode(true);
    input.setEncoding('utf8');
    input.on('data', onData);
    input.resume();
  });
}
