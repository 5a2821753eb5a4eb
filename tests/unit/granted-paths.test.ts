import { describe, expect, it } from 'vitest';
import { GrantedPaths } from '../../electron/granted-paths';
import { PATH_FIELDS, commands } from '../../shared/commands';

describe("the desktop app's user-chosen paths", () => {
  it('accepts only paths the user chose, for every path field', () => {
    const granted = new GrantedPaths('/home/u/Documents/Assay');
    granted.grant('/home/u/work/a.assay');
    expect(granted.problem('controls.list', ['/home/u/work/a.assay'])).toBeUndefined();
    expect(granted.problem('controls.list', ['/home/u/work/../work/a.assay'])).toBeUndefined();
    expect(granted.problem('controls.list', ['/home/u/work/b.assay'])).toMatch(
      /^controls\.list: \/home\/u\/work\/b\.assay was not chosen in this window; choose it with Browse…/,
    );
    expect(granted.problem('catalog.importFramework', ['/home/u/work/a.assay', '/etc/passwd'])).toContain('/etc/passwd');
    expect(granted.problem('jobs.start', ['/root/.ssh/id_rsa'])).toContain('/root/.ssh/id_rsa');
    expect(granted.problem('app.info', [])).toBeUndefined();
  });

  it('lets New assessment create a file directly in the proposed folder, and nowhere else without a dialog', () => {
    const granted = new GrantedPaths('/home/u/Documents/Assay');
    expect(granted.problem('assessment.create', ['/home/u/Documents/Assay/new.assay'])).toBeUndefined();
    expect(granted.problem('assessment.create', ['/home/u/Documents/Assay/sub/new.assay'])).toBeDefined();
    expect(granted.problem('assessment.open', ['/home/u/Documents/Assay/new.assay'])).toBeDefined();
  });

  it('lets the sample be written to, and opened again from, the proposed folder only', () => {
    const granted = new GrantedPaths('/home/u/Documents/Assay');
    const sample = '/home/u/Documents/Assay/northwind-financial-sample.assay';
    expect(granted.problem('assessment.sample', [sample])).toBeUndefined();
    expect(granted.problem('assessment.sample', ['/etc/cron.d/x.assay'])).toBeDefined();
    expect(granted.problem('assessment.open', [sample])).toBeDefined();
    granted.grantSample(sample);
    expect(granted.problem('assessment.open', [sample])).toBeUndefined();
    granted.grantSample('/home/u/.ssh/x.assay');
    expect(granted.problem('assessment.open', ['/home/u/.ssh/x.assay'])).toBeDefined();
  });
});

describe('the path fields both doors confine', () => {
  it('cover every input field of the command table that names a file or folder', () => {
    // A later command with a new path field (e.g. "evidence", "target") must be added to PATH_FIELDS.
    const pathLike = /file|path|source|dir|folder|target|destination|output/i;
    const found = new Set<string>();
    for (const [name, command] of Object.entries(commands)) {
      const shape = (command.input as unknown as { shape?: Record<string, unknown> }).shape ?? {};
      for (const field of Object.keys(shape).filter((f) => pathLike.test(f))) {
        found.add(`${name}.${field}`);
        expect(PATH_FIELDS as readonly string[], `${name}.${field}`).toContain(field);
      }
    }
    expect(found).toContain('controls.setState.file');
    expect(found).toContain('catalog.importFramework.source');
  });
});
