#!/usr/bin/env node
// Runs the real-browser tests (tests/browser/*.test.mjs) with node:test, one file at a time
// (each file starts its own Chromium; the machine may have two cores), and ends with one
// summary line that CI logs show: "Browser tests: N passed, N failed, N skipped (T s)".
//
// Usage: node scripts/run-browser-tests.mjs [name-filter ...]
//   KONTEXT_DIST=path     test another build folder (default dist/)
//   CHROME_PATH=path      use another Chromium or Chrome binary
//   KONTEXT_SKIP_BROWSER=1  skip everything (machines without a browser); CI never skips.

import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DIST, ROOT, findChromium } from '../tests/browser/helpers/chromium.mjs';
import { runTestFiles, selectTestFiles } from './lib/run-test-files.mjs';

const TEST_DIR = join(ROOT, 'tests', 'browser');
const FILE_TIMEOUT_MS = 5 * 60_000;
const filters = process.argv.slice(2);
const inCi = Boolean(process.env.CI);

if (process.env.KONTEXT_SKIP_BROWSER && !inCi) {
  console.log('Browser tests: skipped (KONTEXT_SKIP_BROWSER is set)');
  process.exit(0);
}

if (!findChromium()) {
  console.error('Browser tests: no Chromium found. Run `bash scripts/setup.sh` (installs Debian chromium) or set CHROME_PATH.');
  process.exit(1);
}

// A standalone `npm run test:browser` should not fail just because nothing was built yet.
if (!existsSync(join(DIST, 'manifest.json'))) {
  console.log(`No extension build in ${DIST}; running \`npm run build\` first.`);
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const files = selectTestFiles(TEST_DIR, filters);

if (files.length === 0) {
  console.error(`Browser tests: no test files matched ${JSON.stringify(filters)}`);
  process.exit(1);
}

process.exitCode = await runTestFiles({ files, label: 'Browser tests', timeout: FILE_TIMEOUT_MS });
