import { readFileSync } from 'node:fs';
import { AssayError } from '../../shared/errors';

/**
 * Where the command line takes a passphrase from: never an argument (it would sit in the shell's
 * history and in every process listing). In order: --passphrase-file, the ASSAY_PASSPHRASE
 * environment variable (for pipelines), a prompt on the terminal without echo.
 */

export interface PassphraseSource {
  /** --passphrase-file: its first line is the passphrase. */
  file?: string | undefined;
  /** On a terminal, ask twice (for a new key or package): a typo would lock the owner out. */
  confirm?: boolean;
  /** What the prompt asks for: "the passphrase of your signing key". */
  purpose: string;
  env?: NodeJS.ProcessEnv;
  stdin?: NodeJS.ReadStream;
  stderr?: NodeJS.WriteStream;
}

function fromFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new AssayError('usage', `--passphrase-file ${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  // The first line, without its line ending: files written by `echo` end in one.
  const line = text.split(/\r?\n/)[0] ?? '';
  if (!line) throw new AssayError('usage', `--passphrase-file ${path}: the first line is empty; put the passphrase on it`);
  return line;
}

/** Reads one line from the terminal with echo off; backspace edits, Ctrl-C cancels. */
function promptHidden(question: string, stdin: NodeJS.ReadStream, stderr: NodeJS.WriteStream): Promise<string> {
  return new Promise((resolvePrompt, reject) => {
    let text = '';
    stderr.write(question);
    const finish = (error?: AssayError) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      if (error) reject(error);
      else resolvePrompt(text);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        if (ch === '\u0003') return finish(new AssayError('usage', 'cancelled at the passphrase prompt; nothing was done'));
        if (ch === '\u007f' || ch === '\b') text = [...text].slice(0, -1).join('');
        else text += ch;
      }
      return undefined;
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

export async function readPassphrase(source: PassphraseSource): Promise<string> {
  const env = source.env ?? process.env;
  if (source.file !== undefined) return fromFile(source.file);
  if (env.ASSAY_PASSPHRASE) return env.ASSAY_PASSPHRASE;
  const stdin = source.stdin ?? process.stdin;
  const stderr = source.stderr ?? process.stderr;
  if (!stdin.isTTY)
    throw new AssayError('usage', `${source.purpose} is needed: give --passphrase-file <path> or set ASSAY_PASSPHRASE (a passphrase is never taken on the command line)`);
  const first = await promptHidden(`Enter ${source.purpose}: `, stdin, stderr);
  if (!first) throw new AssayError('usage', 'no passphrase was typed; nothing was done');
  if (source.confirm) {
    const again = await promptHidden(`Enter ${source.purpose} again: `, stdin, stderr);
    if (again !== first) throw new AssayError('usage', 'the two passphrases typed differ; nothing was done');
  }
  return first;
}
