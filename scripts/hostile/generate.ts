/**
 * Writes the hostile and extreme pages of the stress harness into a folder
 * (default: hostile-pages/), with index.json describing each page and what
 * a test may expect of it. Deterministic: same seed, same bytes.
 *
 *   npx tsx scripts/hostile/generate.ts [OUT_DIR] [--seed N]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRng } from './rng.ts';
import { sizePages } from './pages-size.ts';
import { motionPages } from './pages-motion.ts';
import { structurePages } from './pages-structure.ts';
import { hostilityPages } from './pages-hostility.ts';
import type { HostilePage } from './types.ts';

export const DEFAULT_SEED = 20190228;

/** Every hostile page, built from one seed (each group from its own stream, so adding a page elsewhere changes nothing here). */
export function buildHostilePages(seed = DEFAULT_SEED): HostilePage[] {
  return [...sizePages(createRng(seed)), ...motionPages(createRng(seed + 1)), ...structurePages(createRng(seed + 2)), ...hostilityPages(createRng(seed + 3))];
}

export function writeHostilePages(outDir: string, seed = DEFAULT_SEED): HostilePage[] {
  const pages = buildHostilePages(seed);
  mkdirSync(outDir, { recursive: true });
  for (const p of pages) for (const [file, html] of Object.entries(p.files)) writeFileSync(join(outDir, file), html);
  const index = pages.map(({ files, ...meta }) => ({ ...meta, entry: `${meta.name}.html`, files: Object.keys(files), bytes: Object.values(files).reduce((n, h) => n + Buffer.byteLength(h), 0) }));
  writeFileSync(join(outDir, 'index.json'), JSON.stringify({ seed, pages: index }, null, 2) + '\n');
  return pages;
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  const args = process.argv.slice(2);
  const seedAt = args.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : DEFAULT_SEED;
  const out = resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--seed') ?? 'hostile-pages');
  const t0 = performance.now();
  const pages = writeHostilePages(out, seed);
  for (const p of pages) {
    const bytes = Object.values(p.files).reduce((n, h) => n + Buffer.byteLength(h), 0);
    console.log(`${p.category.padEnd(10)} ${p.name.padEnd(28)} ${(bytes / 1024).toFixed(0).padStart(6)} kB`);
  }
  console.log(`${pages.length} pages in ${out} (${Math.round(performance.now() - t0)} ms, seed ${seed})`);
}
