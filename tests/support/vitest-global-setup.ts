import { buildTestCli } from './test-cli';

/** Before any test file runs: the compiled command line the tests spawn (see test-cli.ts). */
export default function setup(): void {
  process.env.ASSAY_TEST_CLI = buildTestCli();
}
