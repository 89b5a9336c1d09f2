/**
 * Short-line tests of the body filter (keep.ts): labels ("Anzeige", "Read
 * more"), bare date lines and byline lines. Pure string logic.
 *
 * Written so that a cold page compiles as little regex code as possible
 * (V8 compiles each regex on its first use and drops the code at major GCs;
 * a Unicode property class such as `\p{L}` under /u is the costly part):
 * labels are matched on the lower-cased start of the line instead of with /i
 * (same answer for these words, half the compile cost); the date forms that
 * need a digit are only tried on lines with a digit, and on Latin-script
 * lines with a plain letter class that is exact there (isLatinText); the
 * byline test matches its lead word with a plain regex and asks the
 * memoised uppercase test for the letter after it.
 */
import { isLatinText, LATIN_LETTER } from '../../core/language.ts';
import { isUpper } from './dateline-chars.ts';

const LABEL_LOWER = /^(anzeige|advertisement|werbung|sponsored|ad|promoted|lesen sie (auch|mehr|hier)|mehr zum thema|mehr dazu|auch interessant|das könnte sie (auch )?interessieren|weitere artikel|weiterlesen|read more|read also|related|see also|more on this|recommended|share|teilen|drucken|print|foto|fotos|bild|bilder|photo|photos|image|video|audio|quelle|source|credit|copyright|©|zum artikel|zur startseite|newsletter|kommentare?|comments?|abonnieren|subscribe|sign up|jetzt (lesen|abonnieren|anmelden))\b/;
/** How much of a line LABEL_LOWER can need: its longest word group plus the character \b looks at. */
const LABEL_REACH = 48;

/** The date forms that need a digit, with `L` standing for a letter class. */
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
  return LABEL_LOWER.test(t.slice(0, LABEL_REACH).toLowerCase());
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
