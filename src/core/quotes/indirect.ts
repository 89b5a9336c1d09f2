/**
 * German reported speech: the Konjunktiv I ("Es habe verschiedene Optionen
 * gegeben", "Der Sohn sei …") marks a sentence as what someone said. Used
 * twice: as evidence that a partial quote inside such a sentence is speech,
 * and to emit optional 'indirect' quotes for the current speaker.
 */
import type { QuoteDoc } from './doc.ts';

/** Frequent third-person Konjunktiv I forms (distinct from the indicative). */
const KONJUNKTIV_I = new Set([
  'sei', 'seien', 'habe', 'werde', 'könne', 'müsse', 'solle', 'wolle', 'dürfe', 'möge', 'gebe', 'gehe', 'stehe',
  'liege', 'komme', 'bleibe', 'wisse', 'brauche', 'fehle', 'sehe', 'halte', 'lasse', 'mache', 'trage', 'zeige',
  'handle', 'handele', 'bestehe', 'gelte', 'plane', 'arbeite', 'erwarte', 'hoffe', 'glaube', 'denke', 'wolle',
]);
/** Subjects with which those forms are indicative ("ich habe", "ich werde"). */
const FIRST_SINGULAR = new Set(['ich']);

/** Token index of a Konjunktiv I verb in sentence si outside any quote, or -1. */
export function konjunktivInSentence(doc: QuoteDoc, si: number): number {
  if (doc.lang !== 'de') return -1;
  const s = doc.sentences[si];
  if (!s) return -1;
  for (let k = s.first; k < s.last; k++) {
    if (doc.quoteOf[k] !== -1) continue;
    const w = doc.lower[k]!;
    if (!KONJUNKTIV_I.has(w) || doc.tokens[k]!.text !== w) continue;
    const p1 = doc.lower[k - 1] ?? '';
    const p2 = doc.lower[k - 2] ?? '';
    if (FIRST_SINGULAR.has(p1) || FIRST_SINGULAR.has(p2)) continue;
    return k;
  }
  return -1;
}

/** Does sentence si contain a direct quote covering most of it? */
export function mostlyQuoted(doc: QuoteDoc, si: number): boolean {
  const s = doc.sentences[si];
  if (!s) return false;
  let inQuote = 0;
  for (let k = s.first; k < s.last; k++) if (doc.quoteOf[k] !== -1) inQuote++;
  return inQuote * 2 > s.last - s.first;
}

/** The reported clause of a sentence: after "sagte, " when the cue comes first, else the whole sentence. */
export function reportedClause(doc: QuoteDoc, si: number, cueTok: number): { start: number; end: number } | null {
  const s = doc.sentences[si];
  if (!s) return null;
  let first = s.first;
  if (cueTok >= s.first && cueTok < s.last) {
    for (let k = cueTok + 1; k < s.last && k <= cueTok + 8; k++) {
      if (doc.lower[k] === ',') {
        first = k + 1;
        break;
      }
    }
  }
  let last = s.last;
  while (last > first && doc.tokens[last - 1]!.kind === 'punct') last--;
  if (last <= first) return null;
  return { start: doc.tokens[first]!.start, end: doc.tokens[last - 1]!.end };
}
