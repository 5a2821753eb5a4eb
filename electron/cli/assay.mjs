#!/usr/bin/env node
// The `assay` command line. It runs the TypeScript sources through tsx, so a checkout
// needs no build step before `npx assay` works.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
