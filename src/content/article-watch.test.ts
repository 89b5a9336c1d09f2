// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { simpleTextMap } from '../dom/paint/simple-text-map.ts';
import { spansIntact, watchArticle, SETTLE_MS } from './article-watch.ts';

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
  it('reports once after mutations settle, and stops on abort', async () => {
    const { root } = setup();
    const ctl = new AbortController();
    let settled = 0;
    watchArticle(root, () => { settled++; }, ctl.signal);
    root.querySelector('p')!.append(' Mehr.');
    await new Promise((r) => setTimeout(r, 100));
    root.querySelector('p')!.append(' Noch mehr.');
    await new Promise((r) => setTimeout(r, SETTLE_MS + 200));
    expect(settled).toBe(1);
    ctl.abort();
    root.querySelector('p')!.append(' Nach dem Ende.');
    await new Promise((r) => setTimeout(r, SETTLE_MS + 200));
    expect(settled).toBe(1);
  });
});
