// Runs real-browser test files with node:test (one file at a time: each starts its own
// browser), prints the spec report, then a failure list and one summary line that CI logs
// show: "<label>: N passed, N failed, N skipped (T s)". Shared by the Chromium and Firefox
// runners so both count the same way.

import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

/** The *.test.mjs files in `dir` whose names contain one of `filters` (all when none), sorted. */
export function selectTestFiles(dir, filters) {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.test.mjs'))
    .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
    .sort()
    .map((name) => join(dir, name));
}

/** "file.test.mjs › " for a failure line, so tests with the same name in several files stay apart. */
function where(data) {
  return typeof data.file === 'string' ? `${basename(data.file)} › ` : '';
}

/** Suites and the per-file wrappers are reported like tests; only leaf tests are counted. */
function isLeaf(data) {
  const fileWrapper = data.nesting === 0 && typeof data.name === 'string' && data.name.endsWith('.test.mjs');
  return data.details?.type !== 'suite' && !fileWrapper;
}

/**
 * Runs `files` and resolves to the exit code: 1 when a test failed, a hook or file broke,
 * the run was cancelled by `signal`, or nothing passed.
 */
export async function runTestFiles({ files, label, timeout, signal }) {
  const started = Date.now();
  const tally = { passed: 0, failed: 0, skipped: 0 };
  const failures = [];
  let brokenSuites = 0;
  const stream = run({ files, concurrency: 1, timeout, ...(signal ? { signal } : {}) });
  stream.on('test:pass', (data) => {
    if (!isLeaf(data)) return;
    if (data.skip || data.todo) tally.skipped += 1;
    else tally.passed += 1;
  });
  stream.on('test:fail', (data) => {
    const error = data.details?.error;
    if (!isLeaf(data)) {
      // A failing hook or a crashed file cancels its tests (counted as failed); keep the reason.
      if (error && error.failureType !== 'subtestsFailed') {
        brokenSuites += 1;
        failures.push(`${where(data)}${data.name}: ${error.cause?.message ?? error.message}`);
      }
      return;
    }
    tally.failed += 1;
    failures.push(`${where(data)}${data.name}`);
  });
  const report = stream.compose(spec);
  report.pipe(process.stdout, { end: false });
  // Wait for the reporter's own summary to be written, so ours comes last.
  await new Promise((resolve) => report.once('end', resolve));
  process.stdout.write('\n');
  if (signal?.aborted) failures.push(`the run was cancelled: ${signal.reason?.message ?? 'time limit'}`);
  if (failures.length > 0) {
    console.log('Failed:');
    for (const failure of failures) console.log(`  - ${failure}`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`${label}: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped (${seconds} s)`);
  return tally.failed > 0 || brokenSuites > 0 || signal?.aborted || tally.passed === 0 ? 1 : 0;
}
