/**
 * A page that said "no article" may still get one: an app shell that fills
 * in after the last retry, an article revealed once a consent overlay is
 * dismissed, a "read more" that loads the body. While a page is in that
 * state this watcher keeps one cheap eye on it: a MutationObserver on the
 * body that only adds up how much text arrived (no extraction per
 * mutation). Once about NEW_TEXT_CHARS have arrived and the mutations
 * settle, it runs one extraction; an article found is handed over and the
 * watcher ends.
 *
 * Pacing: the refresh budget's rules (refresh-budget.ts). Each look that
 * finds nothing counts as a look that brought nothing new, so the gap
 * doubles up to its cap, and the text counter starts from zero after every
 * look. A homepage that mutates for ever (tickers, carousels) costs an
 * occasional extraction and can never loop. Kontext's own elements
 * (`kontext-*`) and script/style text are not counted.
 */
import type { ExtractedArticle } from '../dom/article/index.ts';
import { MAX_WAIT_MS, SETTLE_MS } from './article-watch.ts';
import { extractOnce } from './find-article.ts';
import { RefreshBudget } from './refresh-budget.ts';

/** About a short article's worth of new text before a page without an article is looked at again. */
export const NEW_TEXT_CHARS = 1500;

const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg']);

function ignored(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const name = (node as Element).localName;
  return name.startsWith('kontext-') || NOT_TEXT.has(name);
}

/** Text a record brought to the page, in characters (an estimate: cheap is what matters). */
export function addedTextLength(r: MutationRecord): number {
  const target = r.target;
  const owner = target.nodeType === 1 ? (target as Element) : target.parentElement;
  if (owner && ignored(owner)) return 0;
  if (r.type === 'characterData') {
    const now = (target as CharacterData).data.length;
    return Math.max(0, now - (r.oldValue?.length ?? 0));
  }
  let sum = 0;
  for (const node of Array.from(r.addedNodes)) {
    if (ignored(node)) continue;
    sum += node.textContent?.length ?? 0;
  }
  return sum;
}

/**
 * Watch `doc` for an article arriving late; call `onFound` once with it.
 * Everything stops when `signal` aborts (navigation, dispose, "never").
 * Returns the budget for tests and diagnostics.
 */
export function watchForLateArticle(doc: Document, onFound: (found: ExtractedArticle) => void, signal: AbortSignal): RefreshBudget {
  const budget = new RefreshBudget();
  const view = doc.defaultView;
  const body = doc.body;
  if (!view || !body || signal.aborted) return budget;
  let arrived = 0;
  let firstAt: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let looking = false;

  const schedule = (ms: number): void => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(fire, ms);
  };
  const fire = (): void => {
    timer = null;
    if (signal.aborted || looking) return;
    const wait = budget.waitMs(performance.now());
    if (wait > 0) { schedule(wait); return; }
    void look();
  };
  const look = async (): Promise<void> => {
    looking = true;
    arrived = 0;
    firstAt = null;
    const started = performance.now();
    const found = await extractOnce(doc, doc.location?.href ?? null, signal);
    // Nothing new in what matters: the gap grows (budget back-off), it never shrinks while the page has no article.
    budget.record(started, performance.now(), 'rewritten');
    looking = false;
    if (signal.aborted) return;
    if (found) { stop(); onFound(found); return; }
    if (arrived >= NEW_TEXT_CHARS) schedule(SETTLE_MS);
  };

  const observer = new view.MutationObserver((records) => {
    for (const r of records) arrived += addedTextLength(r);
    if (arrived < NEW_TEXT_CHARS || looking) return;
    const now = Date.now();
    firstAt ??= now;
    // Settle, but a page that never pauses is still looked at after MAX_WAIT_MS.
    schedule(Math.max(0, Math.min(SETTLE_MS, firstAt + MAX_WAIT_MS - now)));
  });
  const stop = (): void => {
    observer.disconnect();
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  observer.observe(body, { childList: true, subtree: true, characterData: true, characterDataOldValue: true });
  signal.addEventListener('abort', stop, { once: true });
  return budget;
}
