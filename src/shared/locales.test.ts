import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import de from '../../public/_locales/de/messages.json';
import { makeTranslate, tableGetMessage } from './i18n.ts';

type Table = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const tables: Record<string, Table> = { en, de };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(d.name) && !d.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('_locales', () => {
  it('German and English have the same keys', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it('every message has the same placeholders in both languages, and uses them', () => {
    for (const key of Object.keys(en)) {
      for (const table of Object.values(tables)) {
        const entry = table[key]!;
        const used = [...entry.message.matchAll(/\$([A-Z]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();
        expect([...new Set(used)], key).toEqual(Object.keys(entry.placeholders ?? {}).sort());
      }
      expect(Object.keys(tables['de']![key]!.placeholders ?? {}).sort(), key).toEqual(Object.keys(tables['en']![key]!.placeholders ?? {}).sort());
    }
  });

  it('substitutes placeholders the way browsers do', () => {
    const t = makeTranslate(tableGetMessage(de));
    expect(t('popupMentionedMany', '5')).toBe('5-mal erwähnt');
    expect(t('panelSource', 'dpa · example.com')).toBe('Quelle: dpa · example.com');
  });

  it('every key the code uses exists, and the manifest’s __MSG_ names too', () => {
    const root = new URL('../../', import.meta.url).pathname;
    const used = new Set<string>();
    for (const f of sourceFiles(join(root, 'src'))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([A-Za-z]+)'/g)) used.add(m[1]!);
    }
    for (const m of readFileSync(join(root, 'manifest.json'), 'utf8').matchAll(/__MSG_([A-Za-z]+)__/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(20);
    for (const k of used) expect(Object.keys(en), k).toContain(k);
  });
});
