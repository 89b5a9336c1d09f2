/**
 * Notices when the page changes the article under our highlights (late
 * hydration, "load more" paragraphs, live-blog posts, "read more"
 * expanders) and says so once the mutations settle. A page that mutates
 * without pause (a ticker every 50 ms) is still reported every MAX_WAIT_MS;
 * the page session's refresh budget then decides whether to look and what
 * changed (see article-diff.ts), so reporting too often costs one cheap
 * check, never a loop.
 *
 * Watched: the article root's subtree (text and child lists) and the root's
 * parent's own child list (a "load more" block added next to the body).
 * Ignored: Kontext's own elements (`kontext-*`, e.g. the popup host), so
 * the extension's work never wakes the watcher.
 */
import type { Span } from '../core/types.ts';
import type { TextMap } from '../dom/text-map.ts';

export const SETTLE_MS = 800;
/** However busy the page, a pending change is reported after at most this long. */
export const MAX_WAIT_MS = 4000;
const SAMPLE = 40;

/** Do the sampled spans still show the text they were analysed from? (For maps that cannot tell themselves.) */
export function spansIntact(map: TextMap, text: string, spans: readonly Span[]): boolean {
  if (!spans.length) return true;
  const step = Math.max(1, Math.floor(spans.length / SAMPLE));
  for (let i = 0; i < spans.length; i += step) {
    const s = spans[i];
    if (!s) continue;
    const r = map.toRange(s.start, s.end);
    if (!r || r.collapsed || !r.startContainer.isConnected) return false;
    if (r.toString().replace(/\s+/g, ' ').trim() !== text.slice(s.start, s.end).replace(/\s+/g, ' ').trim()) return false;
  }
  return true;
}

/** Are the painted ranges still on the page's text? The extractor's map knows exactly; others are sampled. */
export function paintIntact(map: TextMap, text: string, spans: readonly Span[]): boolean {
  return map.isValid ? map.isValid() : spansIntact(map, text, spans);
}

function ours(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).localName.startsWith('kontext-');
}

/** A record made only by adding or removing Kontext's own elements. */
function ownRecord(r: MutationRecord): boolean {
  if (r.type !== 'childList') return false;
  const nodes = [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)];
  return nodes.length > 0 && nodes.every(ours);
}

export function watchArticle(root: Element, onSettled: () => void, signal: AbortSignal): void {
  const view = root.ownerDocument.defaultView;
  if (!view) return;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstAt: number | null = null;
  const fire = (): void => {
    timer = null;
    firstAt = null;
    if (!signal.aborted) onSettled();
  };
  const observer = new view.MutationObserver((records) => {
    if (records.every(ownRecord)) return;
    const now = Date.now();
    firstAt ??= now;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(fire, Math.max(0, Math.min(SETTLE_MS, firstAt + MAX_WAIT_MS - now)));
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  if (root.parentElement) observer.observe(root.parentElement, { childList: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== null) clearTimeout(timer);
  }, { once: true });
}
