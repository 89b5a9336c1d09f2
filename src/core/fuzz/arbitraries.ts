/**
 * Text generators for the property tests of the text engine: news-like
 * pieces (names, speech verbs, sentence ends) mixed with every kind of
 * quotation mark and the Unicode that real pages contain and naive code
 * breaks on (surrogate pairs, lone surrogates, RTL marks, zero-width and
 * soft hyphens, combining marks, NBSP). Strings stay short so a few
 * hundred runs finish in seconds.
 */
import fc from 'fast-check';

export const QUOTE_MARKS = ['"', "'", '„', '“', '”', '‚', '‘', '’', '«', '»', '‹', '›', '「', '」', '『', '』', '`', '´', '″', '＂', '⹂', '〝', '〞'];

const WORDS = [
  'der', 'die', 'und', 'sagte', 'erklärte', 'the', 'and', 'said', 'told', 'according', 'to', 'Präsident', 'president',
  'Gipfel', 'summit', 'Pjöngjang', 'Washington', 'Hanoi', 'Kim', 'Jong', 'Un', 'Donald', 'Trump', 'Moon', 'Jae-in', 'Sie', 'er', 'He', 'She',
  'US-Präsident', "Trump's", 'z.B.', 'U.S.', 'Dr.', '28.', '1.000', '3,5', 'Denuklearisierung', 'UN', 'dpa', 'AFP',
];
const PUNCT = ['.', ',', ':', ';', '!', '?', '…', '–', '—', '-', '(', ')', '[', ']', '/', '...', '?!'];
const SPACE = [' ', ' ', ' ', '\n', '\n\n', '\t', '\u00A0', '\u2009', '\r\n', '\u2028'];
const ODD = [
  '😀', '👩‍👩‍👧', '🇰🇷', '\uD83D', '\uDE00', '\uDC00\uD800', // surrogate pairs, a ZWJ sequence, flags, lone halves
  'مرحبا', 'שלום', '\u200F', '\u200E', '\u202E', '\u202C', '\u2067', // RTL words and bidi controls
  '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', // zero-width and soft hyphen
  'e\u0301', '\u0301', 'ﬁ', 'İ', 'ß', 'ǅ', '\u0000', '\u0007', '\uFFFD', '\uFFFF', '𝐀', '<img src=x onerror=alert(1)>', '&amp;',
];

const piece = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 4, arbitrary: fc.constantFrom(...SPACE) },
  { weight: 3, arbitrary: fc.constantFrom(...QUOTE_MARKS) },
  { weight: 2, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);

/** News-like text full of quote marks and odd Unicode, up to ~maxPieces pieces. */
export const newsyText = (maxPieces = 80): fc.Arbitrary<string> => fc.array(piece, { maxLength: maxPieces }).map((a) => a.join(''));

/** A quote mark, a few words, maybe a closing mark, a cue and a name: the shapes the attributor must handle. */
export const quoteLikeText = fc
  .tuple(fc.constantFrom(...QUOTE_MARKS), newsyText(12), fc.option(fc.constantFrom(...QUOTE_MARKS)), fc.constantFrom(', sagte ', ' said ', ': ', ' '), fc.constantFrom(...WORDS))
  .map(([open, body, close, cue, name]) => `${open}${body}${close ?? ''}${cue}${name}.`);

/** Any text: the two above, and arbitrary code points including lone surrogates. */
export const anyText = fc.oneof(newsyText(), fc.array(quoteLikeText, { maxLength: 4 }).map((a) => a.join(' ')), fc.string({ unit: 'binary', maxLength: 120 }));
