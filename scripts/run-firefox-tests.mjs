#!/usr/bin/env node
// Runs the Firefox end-to-end tests (tests/firefox/*.test.mjs): the Firefox build in a real
// firefox-esr, driven over WebDriver BiDi. Files run one at a time with node:test (each starts
// its own Firefox with a fresh temporary profile), under a bound for the whole run; the last
// line is "Firefox tests: N passed, N failed, N skipped (T s)".
//
// Usage: node scripts/run-firefox-tests.mjs [name-filter ...]
//   FIREFOX_PATH=path          use another Firefox binary (default /usr/bin/firefox-esr)
//   KONTEXT_DIST_FIREFOX=path  test another build folder (default dist-firefox/)
//   KONTEXT_REQUIRE_FIREFOX=1  fail instead of skipping when Firefox is missing
// Without Firefox the run is skipped with exit code 0; `bash scripts/setup.sh` (or
// `apt-get install -y firefox-esr`) installs it.

import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFirefox } from '../tests/firefox/bidi-client.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TEST_DIR = join(ROOT, 'tests', 'firefox');
const DIST_FIREFOX = process.env.KONTEXT_DIST_FIREFOX ?? join(ROOT, 'dist-firefox');
const WHOLE_RUN_MS = 110_000;
const TEST_TIMEOUT_MS = 60_000;
const BUILD_TIMEOUT_MS = 120_000;

if (!findFirefox()) {
  const where = process.env.FIREFOX_PATH ? ` (FIREFOX_PATH=${process.env.FIREFOX_PATH} does not exist)` : '';
  const message = `Firefox tests: skipped: firefox-esr not installed${where}. Install it with \`apt-get install -y firefox-esr\` or \`bash scripts/setup.sh\`.`;
  if (process.env.KONTEXT_REQUIRE_FIREFOX) {
    console.error(message.replace('skipped', 'FAILED'));
    process.exit(1);
  }
  console.log(message);
  process.exit(0);
}

// A standalone run should not fail only because the Firefox build was never made.
if (!existsSync(join(DIST_FIREFOX, 'manifest.json'))) {
  if (process.env.KONTEXT_DIST_FIREFOX) {
    console.error(`Firefox tests: no build in KONTEXT_DIST_FIREFOX=${DIST_FIREFOX}`);
    process.exit(1);
  }
  console.log('No Firefox build in dist-firefox/; running `vite build --mode firefox` first.');
  const build = spawnSync('npx', ['vite', 'build', '--mode', 'firefox'], { cwd: ROOT, stdio: 'inherit', timeout: BUILD_TIMEOUT_MS });
  if (build.status !== 0 || !existsSync(join(DIST_FIREFOX, 'manifest.json'))) {
    console.error('Firefox tests: the Firefox build failed');
    process.exit(1);
  }
}

const filters = process.argv.slice(2);
const files = readdirSync(TEST_DIR)
  .filter((name) => name.endsWith('.test.mjs'))
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .sort()
  .map((name) => join(TEST_DIR, name));
if (files.length === 0) {
  console.error(`Firefox tests: no test files matched ${JSON.stringify(filters)}`);
  process.exit(1);
}

const started = Date.now();
const tally = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
// Cancelling the run ends the test processes, whose exit hooks close their Firefox.
const signal = AbortSignal.timeout(WHOLE_RUN_MS);
const stream = run({ files, concurrency: 1, timeout: TEST_TIMEOUT_MS, signal });

// Only leaf tests count: suites and the per-file wrappers are reported like tests too.
const isLeaf = (data) => data.details?.type !== 'suite' && !(data.nesting === 0 && typeof data.name === 'string' && data.name.endsWith('.test.mjs'));
stream.on('test:pass', (data) => {
  if (!isLeaf(data)) return;
  if (data.skip || data.todo) tally.skipped += 1;
  else tally.passed += 1;
});
stream.on('test:fail', (data) => {
  if (!isLeaf(data)) return;
  tally.failed += 1;
  failures.push(`${data.name}: ${data.details?.error?.cause?.message ?? data.details?.error?.message ?? 'failed'}`);
});
const report = stream.compose(spec);
report.pipe(process.stdout, { end: false });
// Wait for the reporter's own summary so ours is the last line.
await new Promise((done) => report.once('end', done));
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (signal.aborted) {
  tally.failed += 1;
  failures.push(`the run was cancelled after ${WHOLE_RUN_MS / 1000} s`);
}
if (failures.length > 0) {
  console.log('\nFailures:');
  for (const failure of failures) console.log(`  - ${failure}`);
}
console.log(`\nFirefox tests: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped (${seconds} s)`);
process.exitCode = tally.failed > 0 ? 1 : 0;
