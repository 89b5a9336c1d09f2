/**
 * Notices when the page rewrites the article under our highlights (late
 * hydration, "read more" expanders, live updates). Painted ranges collapse
 * when their text nodes are replaced, so once mutations settle we check a
 * sample of painted spans against the analysed text and ask for a repaint
 * only when they no longer match. A page that mutates without pause never
 * settles and costs nothing but a timer reset per batch.
 */
import type { Span } from '../core/types.ts';
import type { TextMap } from '../dom/text-map.ts';

export const SETTLE_MS = 800;
const SAMPLE = 40;

/** Do the sampled spans still show the text they were analysed from? */
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

export function watchArticle(root: Element, onSettled: () => void, signal: AbortSignal): void {
  const view = root.ownerDocument.defaultView;
  if (!view) return;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const observer = new view.MutationObserver(() => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => { timer = null; onSettled(); }, SETTLE_MS);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== null) clearTimeout(timer);
  }, { once: true });
}
