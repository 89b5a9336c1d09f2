/**
 * Quote span detection: pairs quotation marks into spans in one linear pass.
 *
 * Why a hand-written pairer and not a regular expression: marks in real text
 * are ambiguous (’ is an apostrophe in "Trump’s" and a closer elsewhere, " is
 * an inch sign in 12"), styles differ by country („…“ »…« «…» “…” "…"), quotes
 * nest, and English quotes that run over several paragraphs repeat the
 * opening mark on each paragraph without closing it. A stray mark must cost
 * at most its own paragraph, never the rest of the article, so every open
 * mark dies at the paragraph end unless the next paragraph continues it.
 * Each mark is pushed and popped at most once and the stack is capped, so
 * the pass is linear in the text length.
 */

/** A paired quotation: content offsets exclude the enclosing marks. */
export interface MarkedQuote {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark. */
  close: number;
  /** Length of the closing mark (2 for ''). */
  closeLen: number;
  /** Content span [start, end), marks excluded, surrounding whitespace trimmed. */
  start: number;
  end: number;
  /** The opening mark character. */
  mark: string;
  /** 0 for outermost, 1 for a quote inside a quote, … */
  depth: number;
  /** Number of paragraphs the quote spans (English continuation style). */
  paragraphs: number;
}

interface OpenMark {
  pos: number;
  /** Characters the mark occupies: 2 for a doubled apostrophe used as a double quote (''…''). */
  len: number;
  mark: string;
  closers: string;
  paragraphs: number;
}

const MAX_DEPTH = 4;
/** Longest plausible quote content per mark family; longer pairs are treated as mispaired. */
const MAX_LEN_DOUBLE = 6000;
const MAX_LEN_SINGLE = 400;


function isLetterOrDigit(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}
function isSpaceOrEdge(ch: string | undefined): boolean {
  return ch === undefined || /\s/u.test(ch);
}
/** Characters after which an opening mark may stand. */
function isOpenContext(ch: string | undefined): boolean {
  return ch === undefined || /[\s([{\u2013\u2014\-/:„“‚‘«»‹›"']/u.test(ch);
}
/** Characters before which a closing mark may stand. */
function isCloseContext(ch: string | undefined): boolean {
  return ch === undefined || /[\s)\]}.,;:!?\u2013\u2014\-/…“”‘’«»‹›"']/u.test(ch);
}

function closersFor(mark: string): string {
  switch (mark) {
    case '„':
      return '“”"';
    case '‚':
      return '‘’\'';
    case '“':
      return '”"';
    case '‘':
      return '’\'';
    case '»':
      return '«';
    case '«':
      return '»';
    case '›':
      return '‹';
    case '‹':
      return '›';
    case '"':
      return '"”';
    case "'":
      return "'’";
    default:
      return '';
  }
}

const SINGLE = new Set("'‘’‚‹›");

/** Trim whitespace inside [start, end). */
function trimSpan(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  return [s, e];
}

/** Can this mark open a quote here? */
function canOpen(text: string, i: number, ch: string): boolean {
  const prev = text[i - 1];
  const next = text[i + 1];
  if (isSpaceOrEdge(next)) return false;
  switch (ch) {
    case '„':
    case '‚':
    case '»':
    case '«':
    case '›':
    case '‹':
    case '“':
    case '‘':
      // an opener glued to a preceding letter is an apostrophe or a closer
      return !isLetterOrDigit(prev) || ch === '„' || ch === '»' || ch === '«';
    case '"':
      return isOpenContext(prev);
    case "'":
      // geht's, Trump's, 'n' (between spaces and one letter) are not openers
      return isOpenContext(prev) && !isLetterOrDigit(prev);
    default:
      return false;
  }
}

/** Can this mark close the given open mark here? */
function canClose(text: string, i: number, ch: string, open: OpenMark): boolean {
  if (!open.closers.includes(ch)) return false;
  const prev = text[i - 1];
  const next = text[i + 1];
  if (isSpaceOrEdge(prev) && ch !== '«' && ch !== '»') return false;
  // apostrophes inside words: geht’s, Trump’s, rock’n’roll
  if ((ch === '’' || ch === "'") && isLetterOrDigit(prev) && /\p{L}/u.test(next ?? '')) return false;
  // inch signs and minutes: 12" or 5'10"
  if ((ch === '"' || ch === "'") && /\d/.test(prev ?? '') && isLetterOrDigit(next)) return false;
  return isCloseContext(next) || ch === '«' || ch === '»' || ch === '“';
}

/**
 * Pair quotation marks. Returns quotes sorted by opening position; nested
 * quotes have depth > 0.
 */
export function findMarkedQuotes(text: string): MarkedQuote[] {
  const out: MarkedQuote[] = [];
  const stack: OpenMark[] = [];
  const n = text.length;

  const emit = (o: OpenMark, closePos: number, depth: number, closeLen: number): void => {
    const [s, e] = trimSpan(text, o.pos + o.len, closePos);
    if (e <= s) return;
    const max = SINGLE.has(o.mark) ? MAX_LEN_SINGLE : MAX_LEN_DOUBLE;
    if (e - s > max) return;
    // a single-letter single-quoted span is a contraction ('n'), not a quote
    if (SINGLE.has(o.mark) && e - s < 2) return;
    out.push({ open: o.pos, close: closePos, closeLen, start: s, end: e, mark: o.mark, depth, paragraphs: o.paragraphs });
  };

  // jump from mark to mark (and line break) instead of visiting every character
  const NEXT = /["'„“”‚‘’«»‹›\n]/g;
  for (let i = 0; i < n; i++) {
    NEXT.lastIndex = i;
    const hit = NEXT.exec(text);
    if (hit === null) break;
    i = hit.index;
    let ch = text[i]!;
    let len = 1;
    // ''…'' (two apostrophes as a double quote, common in wire and archive copy) acts like "…"
    if (ch === "'" && text[i + 1] === "'") {
      ch = '"';
      len = 2;
    }
    if (ch === '\n') {
      if (stack.length === 0) continue;
      // paragraph end: skip blank lines, see whether the next paragraph continues the outermost quote
      let j = i;
      while (j < n && /\s/u.test(text[j]!)) j++;
      const bottom = stack[0]!;
      const para = text.slice(Math.max(bottom.pos, i - 3), i).trimEnd();
      const endsSentence = /[.!?…:,\-–—]$/u.test(para);
      const startsWithSame = j < n && !SINGLE.has(bottom.mark) &&
        (bottom.len === 2 ? text.startsWith("''", j) : text[j] === bottom.mark && canOpen(text, j, bottom.mark));
      if (startsWithSame && endsSentence) {
        // continuation: drop inner unclosed marks, swallow the repeated opener
        stack.length = 1;
        bottom.paragraphs++;
        i = j + bottom.len - 1;
        continue;
      }
      stack.length = 0;
      continue;
    }

    // try to close the innermost matching open mark (at most MAX_DEPTH to look at)
    let closed = false;
    const probe = len === 2 ? i + 1 : i;
    for (let k = stack.length - 1; k >= 0; k--) {
      const o = stack[k]!;
      if (o.len !== len && (ch === '"' || o.mark === '"')) {
        if (ch === '"' || ch === "'") break;
        continue;
      }
      if (canClose(text, len === 2 ? i : probe, ch, o) && (len === 1 || isCloseContext(text[i + 2]))) {
        emit(o, i, k, len);
        stack.length = k;
        closed = true;
        break;
      }
      // straight marks only close the innermost quote, curly ones may recover past strays
      if (ch === '"' || ch === "'") break;
    }
    if (closed) {
      i += len - 1;
      continue;
    }

    if (len === 2 ? isOpenContext(text[i - 1]) && !isSpaceOrEdge(text[i + 2]) : canOpen(text, i, ch)) {
      // the same straight mark opening again while one is open: the earlier one was a stray
      const top = stack[stack.length - 1];
      if (top && top.mark === ch && top.len === len && (ch === '"' || ch === "'")) stack.pop();
      if (stack.length >= MAX_DEPTH) stack.shift();
      stack.push({ pos: i, len, mark: ch, closers: closersFor(ch), paragraphs: 1 });
    }
    i += len - 1;
  }
  // quotes still open at the end of the text are dropped (no closing evidence)
  out.sort((a, b) => a.open - b.open);
  return out;
}
