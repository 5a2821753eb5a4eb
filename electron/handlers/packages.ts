import { openSync } from 'node:fs';
import { releaseDescriptor } from '../files/descriptors';
import { AssayError } from '../../shared/errors';
import { startJob } from '../jobs/runner';
import { refuseExisting } from '../package/pack';
import { inspectPackage } from '../package/stream';
import { normalisePath, useForReading } from './open-files';
import type { Handlers } from './types';

type PackageHandlers = Pick<Handlers, 'package.pack' | 'package.unpack'>;

/** What can be refused at once is refused before a job starts: a missing or foreign file, a taken name. */
export const packageHandlers: PackageHandlers = {
  'package.pack': (input) => {
    const assessment = useForReading(input.file);
    const out = normalisePath(input.out);
    refuseExisting(out, 'packing');
    return startJob('pack', assessment.file, { package: { out, passphrase: input.passphrase, includeSecret: input.includeSecret } });
  },

  'package.unpack': (input) => {
    const pkg = normalisePath(input.package);
    const out = normalisePath(input.out);
    refuseExisting(out, 'unpacking');
    let fd: number;
    try {
      fd = openSync(pkg, 'r');
    } catch {
      throw new AssayError('not_found', `${pkg}: no such package file (or it cannot be read)`);
    }
    try {
      inspectPackage(fd, pkg);
    } finally {
      // The path may name an assessment this process holds, not a package (files/descriptors.ts).
      releaseDescriptor(fd);
    }
    return startJob('unpack', pkg, { package: { out, passphrase: input.passphrase, includeSecret: false } });
  },
};
