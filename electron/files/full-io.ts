import { readSync, writeSync } from 'node:fs';

/**
 * Reads and writes that do not stop short: readSync and writeSync may move fewer bytes than asked
 * (a signal, a pipe, a network file system), and a copy or a package cut short must not pass as whole.
 */

/** Reads up to `length` bytes at `position` into `buffer` from 0; fewer only at the end of the file. */
export function readFully(fd: number, buffer: Buffer, length: number, position: number): number {
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buffer, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

/** Writes all of `buffer` at the descriptor's position. */
export function writeFully(fd: number, buffer: Buffer): void {
  for (let off = 0; off < buffer.length; ) off += writeSync(fd, buffer, off, buffer.length - off);
}
