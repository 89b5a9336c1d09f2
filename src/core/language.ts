/**
 * Language of a text from the text itself: counts of very frequent function
 * words. The page's declared language is only a tie-breaker, because pages
 * declare "en" on German articles often enough to matter.
 */
const MARKERS: Record<string, readonly string[]> = {
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'sich', 'auf', 'für', 'dem', 'den', 'ein', 'eine', 'auch', 'sagte', 'wird', 'von', 'zu', 'im', 'des', 'dass'],
  en: ['the', 'and', 'is', 'not', 'with', 'on', 'for', 'that', 'this', 'was', 'said', 'are', 'have', 'has', 'from', 'of', 'to', 'in', 'a', 'by', 'it', 'he'],
};

export function detectLanguage(text: string, declared: string | null): string {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const counts: Record<string, number> = {};
  const sets = Object.fromEntries(Object.entries(MARKERS).map(([k, v]) => [k, new Set(v)]));
  let words = 0;
  for (const m of sample.toLowerCase().matchAll(/\p{L}+/gu)) {
    words++;
    for (const [lang, set] of Object.entries(sets)) if (set.has(m[0])) counts[lang] = (counts[lang] ?? 0) + 1;
  }
  const declaredPrimary = declared ? declared.toLowerCase().split(/[-_]/)[0] ?? null : null;
  if (words < 8) return declaredPrimary || 'en';
  const ranked = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  const best = ranked[0];
  if (!best || best[1] < Math.max(2, words * 0.04)) return declaredPrimary || 'und';
  const second = ranked[1];
  if (second && declaredPrimary === second[0] && second[1] * 1.5 >= best[1]) return declaredPrimary;
  return best[0];
}
