#!/usr/bin/env node
// Runs the real-browser tests (tests/browser/*.test.mjs) with node:test, one file at a time
// (each file starts its own Chromium; the machine may have two cores), and ends with one
// summary line that CI logs show: "Browser tests: N passed, N failed, N skipped (T s)".
//
// Usage: node scripts/run-browser-tests.mjs [name-filter ...]
//   KONTEXT_DIST=path     test another build folder (default dist/)
//   CHROME_PATH=path      use another Chromium or Chrome binary
//   KONTEXT_SKIP_BROWSER=1  skip everything (machines without a browser); CI never skips.

import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { basename, join } from 'node:path';
import { DIST, ROOT, findChromium } from '../tests/browser/helpers/chromium.mjs';

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

const files = readdirSync(TEST_DIR)
  .filter((name) => name.endsWith('.test.mjs'))
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .sort()
  .map((name) => join(TEST_DIR, name));

if (files.length === 0) {
  console.error(`Browser tests: no test files matched ${JSON.stringify(filters)}`);
  process.exit(1);
}

const started = Date.now();
const tally = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

const stream = run({ files, concurrency: 1, timeout: FILE_TIMEOUT_MS });
// Suites and the per-file wrapper are reported like tests; only leaf tests are counted.
stream.on('test:pass', (data) => {
  if (data.details?.type === 'suite' || isFileWrapper(data)) return;
  if (data.skip || data.todo) tally.skipped += 1;
  else tally.passed += 1;
});
let brokenSuites = 0;
stream.on('test:fail', (data) => {
  if (data.details?.type === 'suite' || isFileWrapper(data)) {
    // A failing hook or a crashed file cancels its tests (counted below); keep the reason.
    const error = data.details?.error;
    if (error && error.failureType !== 'subtestsFailed') {
      brokenSuites += 1;
      failures.push(`${where(data)}${data.name}: ${error.cause?.message ?? error.message}`);
    }
    return;
  }
  tally.failed += 1;
  failures.push(`${where(data)}${data.name}`);
});

/** "file.test.mjs › " for a failure line, so tests with the same name in several files stay apart. */
function where(data) {
  return typeof data.file === 'string' ? `${basename(data.file)} › ` : '';
}

function isFileWrapper(data) {
  return data.nesting === 0 && typeof data.name === 'string' && data.name.endsWith('.test.mjs');
}

const report = stream.compose(spec);
report.pipe(process.stdout, { end: false });
// Wait for the reporter's own summary to be written, so ours comes last.
await new Promise((resolve) => report.on('end', resolve));
process.stdout.write('\n');
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failures.length > 0) {
  console.log('Failed:');
  for (const failure of failures) console.log(`  - ${failure}`);
}
console.log(`Browser tests: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped (${seconds} s)`);
process.exitCode = tally.failed > 0 || brokenSuites > 0 || tally.passed === 0 ? 1 : 0;
