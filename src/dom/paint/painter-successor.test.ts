// @vitest-environment happy-dom
/**
 * A refresh of a changing page: the successor painter takes over the
 * predecessor's stylesheet, Highlight objects and unchanged Range objects,
 * and leaves highlights that others registered alone.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { simpleTextMap } from './simple-text-map.ts';
import { HighlightPainter } from './highlight-painter.ts';

class FakeHighlight extends Set<Range> { priority = 0; constructor(...r: Range[]) { super(r); } }
let registry: Map<string, FakeHighlight>;
let root: HTMLElement;

beforeEach(() => {
  registry = new Map();
  const win = document.defaultView as unknown as Record<string, unknown>;
  win['Highlight'] = FakeHighlight;
  win['CSS'] = { ...(win['CSS'] as object | undefined), highlights: registry };
  document.body.innerHTML = '<article><p>Seoul said talks would resume.</p><p>Pyongyang did not answer Washington.</p></article>';
  root = document.querySelector('article')!;
});

afterEach(() => {
  document.adoptedStyleSheets = [];
});

function spanOf(word: string): { start: number; end: number } {
  const start = (root.textContent ?? '').indexOf(word);
  if (start < 0) throw new Error('missing ' + word);
  return { start, end: start + word.length };
}

async function painted(prev: HighlightPainter | null, names: string[]): Promise<HighlightPainter> {
  const p = new HighlightPainter(document, simpleTextMap(root), false, prev);
  p.setCss('::highlight(kontext-loc) { color: red; }');
  p.setSpans('loc', names.map(spanOf));
  await p.prepare(new AbortController().signal, 0);
  return p;
}

const texts = (name: string): string[] => [...(registry.get(name) ?? [])].map((r) => r.toString());

describe('HighlightPainter successor (a page that changed)', () => {
  it('keeps the Range objects of unchanged spans, adds the new ones and drops the removed ones', async () => {
    const first = await painted(null, ['Seoul', 'Pyongyang', 'Washington']);
    first.show(new Set(['loc']));
    const hl = registry.get('kontext-loc')!;
    const before = new Map([...hl].map((r) => [r.toString(), r]));
    const sheets = [...document.adoptedStyleSheets];

    // A live blog prepends a post; one old paragraph is edited away.
    root.querySelector('p:last-child')!.remove();
    root.insertAdjacentHTML('afterbegin', '<p>Tokyo welcomed the news.</p>');
    const next = await painted(first, ['Tokyo', 'Seoul']);
    // Prepared but not shown: the old painting is untouched.
    expect(texts('kontext-loc').sort()).toEqual(['Pyongyang', 'Seoul', 'Washington']);

    first.destroy();
    next.show(new Set(['loc']));
    expect(registry.get('kontext-loc')).toBe(hl);
    expect(texts('kontext-loc').sort()).toEqual(['Seoul', 'Tokyo']);
    // Seoul's text node did not change, so neither did its Range object.
    expect([...hl].find((r) => r.toString() === 'Seoul')).toBe(before.get('Seoul'));
    expect(next.rangeOf('loc', 1)).toBe(before.get('Seoul'));
    expect([...hl].find((r) => r.toString() === 'Tokyo')).not.toBe(before.get('Seoul'));
    // The adopted sheet stayed adopted: no page-wide restyle for the swap.
    expect(document.adoptedStyleSheets).toEqual(sheets);

    next.destroy();
    expect(registry.has('kontext-loc')).toBe(false);
    expect(document.adoptedStyleSheets).toEqual([]);
  });

  it('leaves highlights registered by others alone, also when a new painter starts', async () => {
    const foreign = new FakeHighlight();
    registry.set('site-search-hit', foreign);
    const first = await painted(null, ['Seoul']);
    first.show(new Set(['loc']));
    const fresh = new HighlightPainter(document, simpleTextMap(root));
    fresh.setSpans('loc', [spanOf('Washington')]);
    fresh.setSpans('per', []);
    // A painter not yet showing anything removes nothing, not even our own names.
    expect(texts('kontext-loc')).toEqual(['Seoul']);
    fresh.destroy();
    first.show(new Set());
    first.destroy();
    expect([...registry.keys()]).toEqual(['site-search-hit']);
    expect(registry.get('site-search-hit')).toBe(foreign);
  });

  it('keeps the old painting when the successor is dropped before it is shown', async () => {
    const first = await painted(null, ['Seoul', 'Washington']);
    first.show(new Set(['loc']));
    const next = await painted(first, ['Seoul']);
    next.destroy();
    expect(texts('kontext-loc').sort()).toEqual(['Seoul', 'Washington']);
    expect(document.adoptedStyleSheets.length).toBe(1);
    first.destroy();
    expect(registry.size).toBe(0);
    expect(document.adoptedStyleSheets.length).toBe(0);
  });

  it('does not share in wrapper mode: a successor of a wrapping painter wraps once', async () => {
    const first = new HighlightPainter(document, simpleTextMap(root), true);
    first.setSpans('loc', [spanOf('Seoul')]);
    first.show(new Set(['loc']));
    // The refresher starts over in wrapper mode: the old marks go before the page is read again.
    first.destroy();
    const next = new HighlightPainter(document, simpleTextMap(root), true, first);
    next.setSpans('loc', [spanOf('Seoul'), spanOf('Washington')]);
    next.show(new Set(['loc']));
    expect([...root.querySelectorAll('kontext-mark')].map((m) => m.textContent)).toEqual(['Seoul', 'Washington']);
    expect(root.querySelector('kontext-mark kontext-mark')).toBeNull();
    next.destroy();
    expect(root.querySelector('kontext-mark')).toBeNull();
  });
});
