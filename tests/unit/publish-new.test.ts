import { linkSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishNew } from '../../electron/files/publish-new';
import { tempDir } from './helpers';

/**
 * How new files (assessments, backups, reports, packages, review files, evidence copies) get their
 * name: never over a file. The file systems without hard links are simulated by the link function:
 * this machine's kernel has no FAT driver to mount one.
 */
describe('publishing a finished file under its name', () => {
  const refused = (code: string) => () => {
    throw Object.assign(new Error(code), { code });
  };

  it('links it where the file system has hard links, and refuses a taken name', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.part'), 'whole');
    publishNew(join(dir, 'a.part'), join(dir, 'a.assay'));
    expect(readFileSync(join(dir, 'a.assay'), 'utf8')).toBe('whole');
    writeFileSync(join(dir, 'b.part'), 'other');
    expect(() => publishNew(join(dir, 'b.part'), join(dir, 'a.assay'))).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readFileSync(join(dir, 'a.assay'), 'utf8')).toBe('whole');
  });

  it('renames it where there are no hard links (FAT, exFAT), still never over a file, and passes other errors on', () => {
    const dir = tempDir();
    for (const code of ['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']) {
      writeFileSync(join(dir, `${code}.part`), code);
      publishNew(join(dir, `${code}.part`), join(dir, `${code}.assay`), refused(code));
      expect(readFileSync(join(dir, `${code}.assay`), 'utf8')).toBe(code);
    }
    expect(readdirSync(dir).filter((n) => n.endsWith('.part'))).toEqual([]);
    writeFileSync(join(dir, 'late.part'), 'late');
    expect(() => publishNew(join(dir, 'late.part'), join(dir, 'EPERM.assay'), refused('EPERM'))).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readFileSync(join(dir, 'EPERM.assay'), 'utf8')).toBe('EPERM');
    expect(() => publishNew(join(dir, 'late.part'), join(dir, 'ro.assay'), refused('EROFS'))).toThrow(expect.objectContaining({ code: 'EROFS' }));
    expect(() => publishNew(join(dir, 'late.part'), join(dir, 'x.assay'), linkSync)).not.toThrow();
  });
});
