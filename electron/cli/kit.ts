import type { CommandName, CommandOutput } from '../../shared/commands';

export const EXIT_OK = 0;
export const EXIT_FAILED_CHECK = 1;
export const EXIT_USAGE = 2;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** What a domain's command-line module needs from the program: the one dispatcher, output, exits. */
export interface CliKit {
  io: Io;
  /** Dispatch through the command table; on failure the error is printed and the command exits. */
  run<N extends CommandName>(name: N, input: unknown): CommandOutput<N>;
  /** Print JSON when asked, else the text form. */
  emit(json: boolean | undefined, value: unknown, text: string): void;
  /** An error to throw to leave with an exit code once the output is written. */
  exit(code: number): Error;
  requireAssessmentPath(file: string): void;
}

/** For repeatable options: --role a --role b. */
export const collect = (value: string, previous: string[]) => [...previous, value];
