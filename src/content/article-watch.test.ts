// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { simpleTextMap } from '../dom/paint/simple-text-map.ts';
import { MAX_WAIT_MS, paintIntact, spansIntact, watchArticle, SETTLE_MS } from './article-watch.ts';

function setup() {
  document.body.innerHTML = '<article><p>Anna Berg sprach in Oslo.</p><p>Dann ging sie.</p></article>';
  const root = document.querySelector('article')!;
  const text = root.textContent ?? '';
  const spans = ['Anna Berg', 'Oslo'].map((w) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length }));
  return { root, text, spans };
}

describe('spansIntact', () => {
  it('is true while the painted text is still there', () => {
    const { root, text, spans } = setup();
    const map = simpleTextMap(root);
    expect(spansIntact(map, text, spans)).toBe(true);
    root.append(document.createElement('aside'));
    expect(spansIntact(map, text, spans)).toBe(true);
  });

  it('is false once the page rewrote the text under a span', () => {
    const { root, text, spans } = setup();
    const map = simpleTextMap(root);
    root.querySelector('p')!.textContent = 'Ganz anderer Text hier.';
    expect(spansIntact(map, text, spans)).toBe(false);
  });
});

describe('watchArticle', () => {
  // Fake clocks: the settle and max-wait delays run in no time. Mutation records still arrive as microtasks.
  beforeEach(() => { vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] }); });
  afterEach(() => { vi.useRealTimers(); });
  const wait = async (ms: number): Promise<void> => {
    await Promise.resolve();
    await vi.advanceTimersByTimeAsync(ms);
  };

  it('reports once after mutations settle, and stops on abort', async () => {
    const { root } = setup();
    const ctl = new AbortController();
    let settled = 0;
    watchArticle(root, () => { settled++; }, ctl.signal);
    root.querySelector('p')!.append(' Mehr.');
    await wait(100);
    root.querySelector('p')!.append(' Noch mehr.');
    await wait(SETTLE_MS + 200);
    expect(settled).toBe(1);
    ctl.abort();
    root.querySelector('p')!.append(' Nach dem Ende.');
    await wait(SETTLE_MS + 200);
    expect(settled).toBe(1);
  });

  it('reports a page that never stops mutating at least every MAX_WAIT_MS', async () => {
    const { root } = setup();
    const ctl = new AbortController();
    let settled = 0;
    watchArticle(root, () => { settled++; }, ctl.signal);
    const p = root.querySelector('p')!;
    const ticker = setInterval(() => p.append('.'), 100);
    await wait(MAX_WAIT_MS + 600);
    clearInterval(ticker);
    ctl.abort();
    expect(settled).toBe(1);
  });

  it('ignores Kontext\'s own elements, and sees a block added next to the body', async () => {
    const { root } = setup();
    const ctl = new AbortController();
    let settled = 0;
    watchArticle(root, () => { settled++; }, ctl.signal);
    const host = document.createElement('kontext-popup');
    root.append(host);
    host.remove();
    await wait(SETTLE_MS + 200);
    expect(settled).toBe(0);
    const more = document.createElement('section');
    more.textContent = 'Weitere Absätze.';
    root.after(more);
    await wait(SETTLE_MS + 200);
    expect(settled).toBe(1);
    ctl.abort();
  });
});

describe('paintIntact', () => {
  it('asks the map when it can tell, and samples spans otherwise', () => {
    const { root, text, spans } = setup();
    const map = simpleTextMap(root);
    expect(paintIntact({ ...map, isValid: () => false }, text, spans)).toBe(false);
    expect(paintIntact(map, text, spans)).toBe(true);
    root.querySelector('p')!.textContent = 'Ganz anderer Text hier.';
    expect(paintIntact(map, text, spans)).toBe(false);
  });
});
