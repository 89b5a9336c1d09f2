/**
 * What the page's markup says about an element before we read its text:
 * which tags are blocks, which are never content, and which class/id/role
 * vocabulary marks boilerplate (navigation, ads, teasers, share bars,
 * comments, captions…) or the story body. Read-only attribute checks, so
 * the same answers come out of a live page and a parsed document.
 */
import { classWords, idPieceCount } from './class-words.ts';
import { isJsSpace } from './block-text.ts';

/**
 * Elements whose text is never article text. MathML is read (a formula is
 * part of its sentence: "When a ≠ 0, there are two solutions"), but not its
 * <annotation>s, which hold the TeX source of the same formula.
 */
export const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'annotation', 'annotation-xml', 'iframe', 'object', 'embed', 'canvas', 'video',
  'audio', 'picture', 'img', 'select', 'option', 'textarea', 'input', 'button', 'title', 'meta', 'link',
  'dialog',
]);

/** Elements that start a new text block. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li',
  'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'ul', 'summary',
  'caption', 'menu', 'html',
]);

/** Structural tags that hold page furniture rather than story text. */
export const JUNK_TAGS = new Set(['nav', 'aside', 'footer', 'header', 'figcaption', 'figure', 'menu', 'form']);

const JUNK_ROLES = new Set([
  'navigation', 'complementary', 'contentinfo', 'banner', 'search', 'dialog', 'alertdialog', 'menu', 'menubar',
  'toolbar', 'tablist', 'tooltip',
]);

/**
 * Class/id words for page furniture. Matched as whole words of class/id
 * (split at space, "-" and "_", camelCase lowered), so "ad" hits "ad-slot"
 * but not "header" or "shadow".
 */
const JUNK_WORDS = new Set([
  'nav', 'navbar', 'navigation', 'menu', 'breadcrumb', 'breadcrumbs', 'sidebar', 'rail', 'aside', 'footer',
  'header', 'masthead', 'comment', 'comments', 'disqus', 'share', 'sharing', 'social', 'socials', 'shariff',
  'related', 'recommended', 'recommendations', 'recommendation', 'teaser', 'teasers', 'promo', 'promotion',
  'newsletter', 'subscribe', 'ad', 'ads', 'adv', 'advert', 'advertisement',
  'advertising', 'anzeige', 'werbung', 'sponsored', 'sponsor', 'outbrain', 'taboola', 'caption', 'credit',
  'credits', 'copyright', 'tags', 'taglist', 'byline', 'bio', 'meta', 'toolbar', 'popup', 'modal', 'cookie',
  'cookies', 'consent', 'overlay', 'widget', 'readmore', 'gallery', 'slideshow', 'carousel', 'skip', 'sronly',
  'visuallyhidden', 'print', 'jump', 'toc', 'pagination', 'pager', 'author', 'authors', 'infobox', 'sharebar',
  'most', 'popular', 'trending', 'embed', 'player', 'signup', 'login', 'tooltip', 'lightbox', 'dpa-info',
]);

/**
 * Furniture words that also lead compound class words written as one
 * ("relatedposts", "recommendedarticles", "newsletterbox"): no story
 * container's class starts with them.
 */
function hasJunkPrefix(w: string): boolean {
  switch (w.charCodeAt(0)) {
    case 114: return w.startsWith('related') || w.startsWith('recommend'); // r
    case 110: return w.startsWith('newsletter'); // n
    case 111: return w.startsWith('outbrain'); // o
    case 116: return w.startsWith('taboola'); // t
    default: return false;
  }
}

/** Words that turn the furniture word after them into a description of the element's layout. */
const LAYOUT_QUALIFIERS = new Set(['no', 'without', 'with', 'has']);

/** Junk words that also appear on story containers ("article-header-wrap", "post-meta-content"): a body word overrules them. */
const WEAK_JUNK_WORDS = new Set([
  'header', 'meta', 'author', 'authors', 'bio', 'embed', 'player', 'widget', 'print', 'most', 'popular', 'jump',
  'skip', 'overlay', 'modal', 'popup', 'infobox', 'toc', 'gallery', 'tags', 'masthead', 'rail',
]);

/** Class/id words that mark the story text; they overrule weak junk words on the same element. */
const BODY_WORDS = new Set([
  'article', 'articlebody', 'body', 'content', 'entry', 'main', 'post', 'story', 'text', 'richtext', 'prose',
  'paragraph', 'copy',
]);

/**
 * Stronger: the element is very likely the body container itself. A
 * lower-cased class/id string names it when one of these names stands in it
 * between word separators (whitespace, "_", "-" or the string's ends):
 * `/(^|[\s_-])(article-?body|…|node-body)([\s_-]|$)/` with every optional
 * "-" spelt out. A prefix test per separator position gives the regex's
 * answer (patterns-body-hint.test.ts checks it against the regex) without
 * compiling that regex on a cold page (about 0.75 ms in Node).
 */
const BODY_CONTAINER_NAMES = [
  'article-body', 'articlebody', 'article__body', 'article-content', 'articlecontent', 'article__content', 'article-text', 'articletext',
  'article__text', 'story-body', 'storybody', 'story__body', 'story-content', 'storycontent', 'entry-content', 'post-content',
  'postcontent', 'post-body', 'postbody', 'post__body', 'body-text', 'bodytext', 'text-body', 'textbody', 'article-main', 'articlemain',
  'main-text', 'maintext', 'richtext', 'rich-text', 'c-article-body', 'caas-body', 'field-body', 'node-body',
];

function isNameSeparator(c: number): boolean {
  return c === 95 || c === 45 || isJsSpace(c);
}

/** Whether the lower-cased class/id string `s` names the body container (see BODY_CONTAINER_NAMES). */
export function namesBodyContainer(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && !isNameSeparator(s.charCodeAt(i - 1))) continue;
    for (const name of BODY_CONTAINER_NAMES) {
      const end = i + name.length;
      if (s.startsWith(name, i) && (end === s.length || isNameSeparator(s.charCodeAt(end)))) return true;
    }
  }
  return false;
}

/**
 * Class words of formula renderers (MathJax, KaTeX, "math inline"): a formula
 * is story text whatever else its classes say (MathJax marks every formula
 * "CtxtMenu_Attached", which would read as a menu).
 */
const FORMULA_WORDS = new Set(['math', 'mathjax', 'katex', 'mjx']);

const W_FORMULA = 1;
const W_LAYOUT = 2;
const W_BODY = 4;
const W_JUNK = 8;
const W_WEAK = 16;
/** Every listed word → the lists it is on, so a word costs one lookup instead of one per list. */
const WORD_FLAGS = new Map<string, number>();
for (const [list, flag] of [[FORMULA_WORDS, W_FORMULA], [LAYOUT_QUALIFIERS, W_LAYOUT], [BODY_WORDS, W_BODY], [JUNK_WORDS, W_JUNK], [WEAK_JUNK_WORDS, W_WEAK]] as const) {
  for (const w of list) WORD_FLAGS.set(w, (WORD_FLAGS.get(w) ?? 0) | flag);
}

/** Cheap pre-filter: a class/id string that contains none of these cannot match any word list (tested lower-cased, as BODY_CONTAINER). */
const ANY_WORD = /nav|menu|bread|side|rail|aside|foot|head|mast|comment|disqus|shar|social|related|recommend|teaser|promo|newsletter|subscri|ad|anzeige|werbung|sponsor|outbrain|taboola|caption|credit|copyright|tag|byline|bio|meta|toolbar|popup|modal|cookie|consent|overlay|widget|readmore|gallery|slideshow|carousel|skip|sr-?only|visually|print|jump|toc|paginat|pager|author|infobox|most|popular|trending|embed|player|signup|login|tooltip|lightbox|dpa|screen/;

/** An id of four or more words is a slug of a heading ("sharing-with-a-single-developer"), not a furniture name. */
function idWords(el: Element): string {
  const id = el.getAttribute('id');
  if (!id) return '';
  return idPieceCount(id) >= 4 ? '' : id;
}

/**
 * The verdict of the class/id words alone (the ANY_WORD pre-filter is left to
 * the caller): only elements found junk pay for that regex.
 */
function junkByWords(ws: readonly string[]): boolean {
  let weak = false;
  let body = false;
  let strong = false;
  let prev = 0;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    const f = WORD_FLAGS.get(w) ?? 0;
    if ((f & W_FORMULA) !== 0) return false;
    // "without-sidebar", "no-ads", "contentWithSidebar", "has-related": the element's layout, not furniture.
    const qualified = (prev & W_LAYOUT) !== 0;
    prev = f;
    if (strong || qualified) continue;
    if ((f & W_BODY) !== 0) body = true;
    else if ((f & W_JUNK) !== 0) {
      if ((f & W_WEAK) !== 0) weak = true;
      else strong = true;
    } else if (hasJunkPrefix(w)) strong = true;
  }
  if (strong) return true;
  if (weak && !body) return true;
  // The words run together start with a screen-reader-only name ("sr-only", "visually-hidden", "screen-reader-text").
  const c = ws[0]!.charCodeAt(0);
  return (c === 115 || c === 118) && startsScreenReaderOnly(ws.join(''));
}

function startsScreenReaderOnly(joined: string): boolean {
  return joined.startsWith('sronly') || joined.startsWith('visuallyhidden') || joined.startsWith('screenreader');
}

/** True when the element's markup marks it as page furniture. */
export function isJunkElement(el: Element, tag: string): boolean {
  if (JUNK_TAGS.has(tag)) return true;
  const role = el.getAttribute('role');
  if (role && JUNK_ROLES.has(role.toLowerCase())) return true;
  if (tag === 'body' || tag === 'html' || tag === 'main' || tag === 'article') return false;
  const raw = `${el.getAttribute('class') ?? ''} ${idWords(el)}`;
  if (raw.length < 2) return false;
  let v = JUNK_BY_NAMES.get(raw);
  if (v === undefined) {
    const ws = classWords(raw);
    // A class/id string that contains none of the ANY_WORD stems is never junk (checked last: most elements are not).
    v = ws.length > 0 && junkByWords(ws) && ANY_WORD.test(raw.toLowerCase());
    rememberBounded(JUNK_BY_NAMES, raw, v);
  }
  return v;
}

/**
 * Class-and-id string → its junk verdict. The verdict is a pure function of
 * the string, pages repeat their class strings, and a re-extraction of the
 * same page meets them again, so the memo lives as long as the module.
 */
const JUNK_BY_NAMES = new Map<string, boolean>();

/** Empties the module's junk memos (tests: a verdict asked fresh). */
export function forgetJunkVerdicts(): void {
  JUNK_BY_NAMES.clear();
  for (const memo of junkMemos) memo.clear();
}

/** Other modules' memos of junk verdicts, emptied with this one's. */
export const junkMemos: Map<string, boolean>[] = [];

/** Store in a memo that is emptied when it reaches 4,096 entries (a page can invent any number of class strings). */
export function rememberBounded<K, V>(memo: Map<K, V>, key: K, value: V): void {
  if (memo.size >= 4096) memo.clear();
  memo.set(key, value);
}

/** Hidden by attribute or inline style (layout-free, so identical on live pages and parsed documents). */
export function isHiddenElement(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style != null && style.length > 0 && /(display\s*:\s*none|visibility\s*:\s*hidden)/.test(style.toLowerCase());
}

/** The element's class/id or itemprop declare it the story body. */
export function isBodyHint(el: Element): boolean {
  const itemprop = el.getAttribute('itemprop');
  if (itemprop && /\barticleBody\b/i.test(itemprop)) return true;
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return raw.length > 3 && namesBodyContainer(raw.toLowerCase());
}

/** The element's class or id names related or recommended content ("relatedpoststitle", "recommended-heading"). */
export function namesRelated(el: Element): boolean {
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
  return raw.includes('related') || raw.includes('recommend');
}
