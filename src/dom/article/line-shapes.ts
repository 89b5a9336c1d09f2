/**
 * Short-line tests of the body filter (keep.ts): labels ("Anzeige", "Read
 * more"), bare date lines and byline lines. Pure string logic.
 *
 * Written so that a cold page compiles as little regex code as possible
 * (V8 compiles each regex on its first use and drops the code at major GCs;
 * a Unicode property class such as `\p{L}` under /u is the costly part):
 * labels are a prefix test against a list of phrases (no 490-character
 * alternation to compile, see LABEL_PHRASES); the date forms that
 * need a digit are only tried on lines with a digit, and on Latin-script
 * lines with a plain letter class that is exact there (isLatinText); the
 * byline test matches its lead word with a plain regex and asks the
 * memoised uppercase test for the letter after it.
 */
import { isLatinText, LATIN_LETTER } from '../../core/language.ts';
import { isAsciiWord, isUpper } from './dateline-chars.ts';

/**
 * Label lines start with one of these (lower-cased) followed by a word
 * boundary: the phrases of `/^(anzeige|advertisement|…|jetzt (lesen|abonnieren|anmelden))\b/`
 * with every optional part spelt out. An alternation regex matches when any
 * alternative is followed by \b, so a prefix test per phrase gives the same
 * answer without compiling a 490-character regex on a cold page.
 */
const LABEL_PHRASES = [
  'anzeige', 'advertisement', 'werbung', 'sponsored', 'ad', 'promoted', 'lesen sie auch', 'lesen sie mehr', 'lesen sie hier',
  'mehr zum thema', 'mehr dazu', 'auch interessant', 'das könnte sie interessieren', 'das könnte sie auch interessieren',
  'weitere artikel', 'weiterlesen', 'read more', 'read also', 'related', 'see also', 'more on this', 'recommended', 'share',
  'teilen', 'drucken', 'print', 'foto', 'fotos', 'bild', 'bilder', 'photo', 'photos', 'image', 'video', 'audio', 'quelle',
  'source', 'credit', 'copyright', '©', 'zum artikel', 'zur startseite', 'newsletter', 'kommentar', 'kommentare', 'comment',
  'comments', 'abonnieren', 'subscribe', 'sign up', 'jetzt lesen', 'jetzt abonnieren', 'jetzt anmelden',
];
/** How much of a line a label test can need: its longest phrase plus the character \b looks at. */
const LABEL_REACH = 48;
/** The phrases by their first character. */
const LABELS_BY_FIRST = new Map<string, string[]>();
for (const p of LABEL_PHRASES) {
  const list = LABELS_BY_FIRST.get(p[0]!);
  if (list) list.push(p);
  else LABELS_BY_FIRST.set(p[0]!, [p]);
}

/** The date forms that need a digit, with `letter` as the letter class (regex source). */
function dateForms(letter: string, flags: string): RegExp {
  return new RegExp(`^(\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?\\d{2,4}|\\d{1,2}\\.\\s+${letter}+\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|${letter}+ \\d{1,2}, \\d{4})`, flags);
}
/** The definition: `\p{L}` under /u. */
const DATE_WITH_DIGITS = dateForms('\\p{L}', 'u');
/** The same forms for Latin-script lines, where the plain class equals `\p{L}` (and `\d`, `\s` mean the same without /u). */
const LATIN_DATE_WITH_DIGITS = dateForms(LATIN_LETTER, '');
const HAS_DIGIT = /\d/;
const DATE_WORD = /^(updated|published|aktualisiert|veröffentlicht|stand)\b/i;
/** A byline line is `/^(von|by|text|autor(in)?|author)\s*:?\s+\p{Lu}/u`; this is that regex up to its last item, whose uppercase letter isUpper tests. */
const BYLINE_LEAD = /^(von|by|text|autor(in)?|author)\s*:?\s+/;

/** A label line: "Anzeige", "Lesen Sie auch", "Read more", "Foto: …". */
export function isLabel(t: string): boolean {
  const lower = t.slice(0, LABEL_REACH).toLowerCase();
  const phrases = LABELS_BY_FIRST.get(lower.charAt(0));
  if (!phrases) return false;
  for (const p of phrases) {
    // `\b` after the phrase: a word character on exactly one side (the end of the line is not one).
    if (lower.startsWith(p) && isAsciiWord(p.charCodeAt(p.length - 1)) !== isAsciiWord(lower.charCodeAt(p.length))) return true;
  }
  return false;
}

/** A bare date or "Updated …" line. */
export function isDateLine(t: string): boolean {
  return DATE_WORD.test(t) || (HAS_DIGIT.test(t) && (isLatinText(t) ? LATIN_DATE_WITH_DIGITS : DATE_WITH_DIGITS).test(t));
}

/** "von Anna Muster", "by Jane Doe", "text: …" (case as written: the definition has no /i). */
export function isBylineLine(t: string): boolean {
  const c = t.charCodeAt(0);
  // v, b, t, a: the first letters of the byline words.
  if (c !== 118 && c !== 98 && c !== 116 && c !== 97) return false;
  // The lead's \s+ is greedy and a space is never uppercase, so the definition matches exactly when the lead's
  // first match is followed by an uppercase letter (line-shapes.test.ts checks this against the definition).
  const m = BYLINE_LEAD.exec(t);
  if (!m) return false;
  const cp = t.codePointAt(m[0].length);
  return cp !== undefined && isUpper(cp);
}
