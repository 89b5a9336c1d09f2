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

import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFirefox } from '../tests/firefox/bidi-client.mjs';
import { runTestFiles, selectTestFiles } from './lib/run-test-files.mjs';

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
const files = selectTestFiles(TEST_DIR, filters);
if (files.length === 0) {
  console.error(`Firefox tests: no test files matched ${JSON.stringify(filters)}`);
  process.exit(1);
}

// Cancelling the run ends the test processes, whose exit hooks close their Firefox.
const signal = AbortSignal.timeout(WHOLE_RUN_MS);
process.exitCode = await runTestFiles({ files, label: 'Firefox tests', timeout: TEST_TIMEOUT_MS, signal });
