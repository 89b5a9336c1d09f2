// @vitest-environment happy-dom
/**
 * The watch on a page without an article: it looks again only once enough
 * new text arrived and settled, paced so a page that mutates for ever costs
 * an occasional extraction, and nothing after the signal aborts. The
 * extractor is a stand-in that counts its calls and finds an <article>.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExtractedArticle } from '../dom/article/index.ts';

const calls = vi.hoisted(() => ({ n: 0 }));
vi.mock('./find-article.ts', () => ({
  extractOnce: async (doc: Document): Promise<ExtractedArticle | null> => {
    calls.n++;
    const root = doc.querySelector('article');
    return root ? ({ root } as unknown as ExtractedArticle) : null;
  },
}));

const { watchForLateArticle, NEW_TEXT_CHARS } = await import('./late-article-watch.ts');
const { SETTLE_MS } = await import('./article-watch.ts');

const tick = async (ms: number): Promise<void> => { await vi.advanceTimersByTimeAsync(ms); };

function block(tag: string, text: string): HTMLElement {
  const el = document.createElement(tag);
  el.textContent = text;
  return el;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] });
  calls.n = 0;
  document.body.innerHTML = '<nav><a href="/">Start</a></nav><div id="feed"></div>';
});
afterEach(() => vi.useRealTimers());

describe('watchForLateArticle', () => {
  it('looks once after enough new text has settled, and hands over the article', async () => {
    const found: ExtractedArticle[] = [];
    const ac = new AbortController();
    watchForLateArticle(document, (a) => found.push(a), ac.signal);
    // A little text (a teaser) is not worth a look.
    document.body.append(block('p', 'Kurz.'));
    await tick(10_000);
    expect(calls.n).toBe(0);
    const article = block('article', 'Wort '.repeat(NEW_TEXT_CHARS / 5 + 10));
    document.body.append(article);
    await tick(SETTLE_MS / 2);
    expect(calls.n).toBe(0);
    await tick(SETTLE_MS);
    expect(calls.n).toBe(1);
    expect(found.map((a) => a.root)).toEqual([article]);
    // Once found, the watch is over.
    document.body.append(block('p', 'x'.repeat(NEW_TEXT_CHARS * 2)));
    await tick(60_000);
    expect(calls.n).toBe(1);
    ac.abort();
  });

  it('costs a bounded number of extractions on a page that mutates for ever', async () => {
    const found: ExtractedArticle[] = [];
    const ac = new AbortController();
    const budget = watchForLateArticle(document, (a) => found.push(a), ac.signal);
    const feed = document.getElementById('feed')!;
    // A ticker and a carousel: 400 new characters every 250 ms for five minutes (plenty to cross the threshold each time).
    for (let i = 0; i < 5 * 60 * 4; i++) {
      feed.replaceChildren(block('div', `Meldung ${i} `.repeat(30).slice(0, 400)));
      await tick(250);
    }
    expect(found).toHaveLength(0);
    // The page is looked at (it might have become an article page), but the back-off keeps it occasional.
    expect(calls.n).toBeGreaterThan(2);
    expect(calls.n).toBeLessThanOrEqual(25);
    expect(budget.count).toBe(calls.n);
    ac.abort();
  });

  it('does not count Kontext\'s own elements or script text', async () => {
    const ac = new AbortController();
    watchForLateArticle(document, () => undefined, ac.signal);
    document.body.append(block('kontext-popup', 'p'.repeat(NEW_TEXT_CHARS * 2)));
    document.body.append(block('script', 's'.repeat(NEW_TEXT_CHARS * 2)));
    await tick(10_000);
    expect(calls.n).toBe(0);
    ac.abort();
  });

  it('stops watching when the signal aborts', async () => {
    const found: ExtractedArticle[] = [];
    const ac = new AbortController();
    const disconnect = vi.spyOn(window.MutationObserver.prototype, 'disconnect');
    watchForLateArticle(document, (a) => found.push(a), ac.signal);
    // Aborted while a look is pending and after: no look, no hand-over.
    document.body.append(block('article', 'Wort '.repeat(NEW_TEXT_CHARS)));
    await tick(SETTLE_MS / 2);
    ac.abort();
    await tick(SETTLE_MS * 2);
    document.body.append(block('article', 'Wort '.repeat(NEW_TEXT_CHARS)));
    await tick(60_000);
    expect(calls.n).toBe(0);
    expect(found).toHaveLength(0);
    // The observer itself is gone, not merely ignored.
    expect(disconnect).toHaveBeenCalledTimes(1);
    disconnect.mockRestore();
  });
});
