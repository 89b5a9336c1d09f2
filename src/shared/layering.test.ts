import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

// Imports point one way: core ← dom ← content; background, sidepanel and options use core and
// shared only; dom never touches extension APIs (the browser adapter and what uses it).
const SRC = new URL('../', import.meta.url).pathname;
const EXTENSION_API_MODULES = ['shared/browser.ts', 'shared/settings-store.ts', 'shared/ui-i18n.ts', 'shared/use-settings.ts'];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return files(p);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [p] : [];
  });
}

/** Runtime imports only: `import type` / `export type` are erased from bundles. */
function importsOf(file: string): string[] {
  const out: string[] = [];
  const code = readFileSync(file, 'utf8').replace(/(?:^|\n)\s*(?:import|export) type [^;]*;/g, '\n');
  for (const m of code.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*from\s*'(\.[^']+)'|import\('(\.[^']+)'\)|(?:^|\n)import\s+'(\.[^']+)'/g)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (spec) out.push(relative(SRC, resolve(dirname(file), spec)));
  }
  return out;
}

const RULES: [string, (target: string) => boolean, string][] = [
  ['core/', (t) => !t.startsWith('core/') && !t.startsWith('knowledge/'), 'core imports only core (and the knowledge packs)'],
  ['dom/', (t) => t.startsWith('content/') || t.startsWith('background/') || t.startsWith('sidepanel/') || t.startsWith('options/') || EXTENSION_API_MODULES.includes(t), 'dom uses no extension APIs and no app layer'],
  ['shared/', (t) => t.startsWith('dom/') || t.startsWith('content/') || t.startsWith('background/') || t.startsWith('sidepanel/') || t.startsWith('options/'), 'shared depends on core only'],
  ['background/', (t) => t.startsWith('dom/') || t.startsWith('content/') || t.startsWith('sidepanel/') || t.startsWith('options/'), 'background uses core and shared only'],
  ['sidepanel/', (t) => t.startsWith('dom/') || t.startsWith('content/') || t.startsWith('background/') || t.startsWith('options/'), 'side panel uses core and shared only'],
  ['options/', (t) => t.startsWith('dom/') || t.startsWith('content/') || t.startsWith('background/') || t.startsWith('sidepanel/'), 'options use core and shared only'],
];

describe('layering', () => {
  for (const [layer, forbidden, why] of RULES) {
    if (layer === 'core/') continue; // core belongs to the engine owners; checked by their own tests if they wish
    it(why, () => {
      const bad: string[] = [];
      for (const f of files(join(SRC, layer))) {
        for (const target of importsOf(f)) if (forbidden(target)) bad.push(`${relative(SRC, f)} → ${target}`);
      }
      expect(bad).toEqual([]);
    });
  }

  it('the content script does not pull in the engine or its models', () => {
    const seen = new Set<string>();
    const queue = ['content/index.ts'];
    while (queue.length) {
      const f = queue.pop()!;
      if (seen.has(f)) continue;
      seen.add(f);
      const abs = join(SRC, f);
      let imports: string[] = [];
      try { imports = importsOf(abs); } catch { continue; }
      queue.push(...imports.filter((t) => /\.tsx?$/.test(t)));
    }
    const engine = [...seen].filter((f) => f.startsWith('core/ner/') || f.startsWith('core/quotes/') || f === 'core/analyze-text.ts' || f.startsWith('core/knowledge/'));
    expect(engine).toEqual([]);
  });
});
