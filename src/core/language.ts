/**
 * Language of a text from the text itself: counts of very frequent function
 * words. The page's declared language is only a tie-breaker, because pages
 * declare "en" on German articles often enough to matter.
 *
 * Runs on every article (also inside extraction), so the marker table is
 * built once and each word costs one map lookup.
 */
// Words frequent in one language and rare in the other ("in", "war", "also", "so" are in both).
const MARKERS: Record<string, readonly string[]> = {
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'sich', 'auf', 'für', 'dem', 'den', 'ein', 'eine', 'auch', 'sagte', 'wird', 'von', 'zu', 'im', 'des', 'dass',
    'wir', 'sind', 'ich', 'sie', 'er', 'es', 'bei', 'nach', 'über', 'noch', 'wie', 'aber', 'oder', 'haben', 'wurde', 'werden', 'einen', 'einer'],
  en: ['the', 'and', 'is', 'not', 'with', 'on', 'for', 'that', 'this', 'was', 'said', 'are', 'have', 'has', 'from', 'of', 'to', 'a', 'by', 'it', 'he',
    'we', 'they', 'were', 'be', 'but', 'or', 'had', 'will', 'would', 'his', 'she', 'its', 'their', 'which', 'been'],
};

const LANGS = Object.keys(MARKERS);
/** Marker word → index into LANGS (no word is a marker for two languages). */
const MARKER_LANG = new Map<string, number>(LANGS.flatMap((lang, i) => MARKERS[lang]!.map((w) => [w, i] as const)));
const SAMPLE_CHARS = 20_000;

export function detectLanguage(text: string, declared: string | null): string {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const counts = new Array<number>(LANGS.length).fill(0);
  let words = 0;
  for (const m of sample.toLowerCase().matchAll(/\p{L}+/gu)) {
    words++;
    const lang = MARKER_LANG.get(m[0]);
    if (lang !== undefined) counts[lang]!++;
  }
  const declaredPrimary = declared ? declared.toLowerCase().split(/[-_]/)[0] ?? null : null;
  if (words < 8 && declaredPrimary) return declaredPrimary;
  const ranked = LANGS.map((lang, i) => [lang, counts[i]!] as const).sort((a, b) => b[1] - a[1]);
  const best = ranked[0]!;
  const second = ranked[1] ?? ([declaredPrimary ?? 'und', 0] as const);
  // No evidence, or too little for a long text (another language that shares a word or two).
  if (best[1] === 0 || (words >= 50 && best[1] < words * 0.04)) return declaredPrimary || 'und';
  // The declared language wins when the text is nearly as much that language.
  if (declaredPrimary === second[0] && second[1] * 1.5 >= best[1]) return declaredPrimary;
  if (best[1] === second[1]) return declaredPrimary || 'und';
  return best[0];
}
