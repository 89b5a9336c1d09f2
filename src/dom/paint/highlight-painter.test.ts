// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { simpleTextMap as simpleMap } from './simple-text-map.ts';
import { HighlightPainter } from './highlight-painter.ts';
import { STYLE_ID } from './highlight-styles.ts';

let root: HTMLElement;
const TEXT_HTML = '<p>„Wir reden weiter“, sagte <b>Donald Trump</b> in Hanoi.</p><p>Kim Jong Un schwieg.</p>';

beforeEach(() => {
  document.body.innerHTML = `<article>${TEXT_HTML}</article>`;
  root = document.querySelector('article')!;
});

afterEach(() => {
  document.head.innerHTML = '';
});

function offsetOf(word: string): { start: number; end: number } {
  const start = (root.textContent ?? '').indexOf(word);
  if (start < 0) throw new Error('missing ' + word);
  return { start, end: start + word.length };
}

describe('HighlightPainter, wrapper fallback', () => {
  it('wraps each kind with data-kontext-kind and removes every trace when toggled off', () => {
    const before = [...root.querySelectorAll('p, b')].flatMap((el) => [...el.childNodes]);
    const painter = new HighlightPainter(document, simpleMap(root), true);
    painter.setCss('/* css */');
    painter.setSpans('quote', [offsetOf('Wir reden weiter')]);
    painter.setSpans('per', [offsetOf('Donald Trump'), offsetOf('Kim Jong Un')]);
    painter.setSpans('loc', [offsetOf('Hanoi')]);
    painter.show(new Set(['quote', 'per', 'loc']));

    const marks = [...root.querySelectorAll('kontext-mark')];
    expect(marks.map((m) => [m.getAttribute('data-kontext-kind'), m.textContent])).toEqual([
      ['quote', 'Wir reden weiter'], ['per', 'Donald Trump'], ['loc', 'Hanoi'], ['per', 'Kim Jong Un'],
    ]);
    expect(document.getElementById(STYLE_ID)).not.toBeNull();
    expect(root.textContent).toContain('„Wir reden weiter“, sagte Donald Trump in Hanoi.');

    painter.show(new Set());
    expect(root.innerHTML).toBe(TEXT_HTML);
    // The very same node objects are back, not look-alikes.
    expect([...root.querySelectorAll('p, b')].flatMap((el) => [...el.childNodes])).toEqual(before);
    before.forEach((n) => expect(n.isConnected).toBe(true));
    expect(document.getElementById(STYLE_ID)).toBeNull();
  });

  it('shows one kind without the others and marks overlaps with both kinds', () => {
    const painter = new HighlightPainter(document, simpleMap(root), true);
    painter.setSpans('quote', [offsetOf('„Wir reden weiter“, sagte Donald')]);
    painter.setSpans('per', [offsetOf('Donald Trump')]);
    painter.show(new Set(['per']));
    expect([...root.querySelectorAll('kontext-mark')].map((m) => m.textContent)).toEqual(['Donald Trump']);
    painter.show(new Set(['per', 'quote']));
    const kinds = [...root.querySelectorAll('kontext-mark')].map((m) => m.getAttribute('data-kontext-kind'));
    expect(kinds).toContain('quote per');
    const overlap = [...root.querySelectorAll('kontext-mark')].find((m) => m.getAttribute('data-kontext-kind') === 'quote per');
    expect(overlap?.textContent).toBe('Donald');
    expect(painter.refsOfMark(overlap!).map((r) => r.layer).sort()).toEqual(['per', 'quote']);
    // A painted span across two text nodes still yields one range over its marks.
    expect(painter.rangeOf('quote', 0)?.toString()).toBe('„Wir reden weiter“, sagte Donald');
    expect(painter.rangeOf('per', 0)?.toString()).toBe('Donald Trump');
    painter.destroy();
    expect(root.innerHTML).toBe(TEXT_HTML);
  });
});

describe('HighlightPainter, CSS Custom Highlight API', () => {
  class FakeHighlight extends Set<Range> { priority = 0; constructor(...r: Range[]) { super(r); } }
  let registry: Map<string, FakeHighlight>;
  beforeEach(() => {
    registry = new Map();
    const win = document.defaultView as unknown as Record<string, unknown>;
    win['Highlight'] = FakeHighlight;
    win['CSS'] = { ...(win['CSS'] as object | undefined), highlights: registry };
  });

  it('registers one named highlight per visible kind and never touches the article', () => {
    const painter = new HighlightPainter(document, simpleMap(root));
    expect(painter.mode).toBe('highlight-api');
    painter.setSpans('per', [offsetOf('Donald Trump'), offsetOf('Kim Jong Un')]);
    painter.setSpans('loc', [offsetOf('Hanoi')]);
    painter.setSpans('quote', [offsetOf('Wir reden weiter')]);
    painter.show(new Set(['per', 'loc', 'quote']));
    expect([...registry.keys()].sort()).toEqual(['kontext-loc', 'kontext-per', 'kontext-quote']);
    expect([...registry.get('kontext-per')!].map((r) => r.toString())).toEqual(['Donald Trump', 'Kim Jong Un']);
    expect(registry.get('kontext-per')!.priority).toBeGreaterThan(registry.get('kontext-quote')!.priority);
    expect(root.innerHTML).toBe(TEXT_HTML);

    painter.show(new Set(['quote']));
    expect([...registry.keys()]).toEqual(['kontext-quote']);
    painter.show(new Set());
    expect(registry.size).toBe(0);
    expect(document.getElementById(STYLE_ID)).toBeNull();
  });

  it('keeps the focus mark separate from the kinds', () => {
    const painter = new HighlightPainter(document, simpleMap(root));
    painter.setSpans('per', [offsetOf('Donald Trump')]);
    painter.show(new Set(['per']));
    painter.setFocus(offsetOf('Donald Trump'));
    expect(registry.has('kontext-focus')).toBe(true);
    painter.setFocus(null);
    expect(registry.has('kontext-focus')).toBe(false);
    painter.destroy();
    expect(registry.size).toBe(0);
  });

  it('maps spans to ranges ahead of time, so showing a kind maps nothing more', async () => {
    const base = simpleMap(root);
    let calls = 0;
    const counting = { toRange: (a: number, b: number) => { calls++; return base.toRange(a, b); }, toOffset: base.toOffset };
    const painter = new HighlightPainter(document, counting);
    painter.setSpans('per', [offsetOf('Donald Trump'), offsetOf('Kim Jong Un')]);
    painter.setSpans('loc', [offsetOf('Hanoi')]);
    await painter.prepare(new AbortController().signal, 0);
    expect(calls).toBe(3);
    painter.show(new Set(['per', 'loc']));
    painter.show(new Set());
    painter.show(new Set(['per']));
    expect(calls).toBe(3);
    expect([...registry.get('kontext-per')!].map((r) => r.toString())).toEqual(['Donald Trump', 'Kim Jong Un']);
    painter.destroy();
  });

  it('fills each kind\'s Highlight while preparing, so toggling builds nothing new', async () => {
    let built = 0;
    class CountingHighlight extends FakeHighlight { constructor(...r: Range[]) { super(...r); built++; } }
    (document.defaultView as unknown as Record<string, unknown>)['Highlight'] = CountingHighlight;
    const painter = new HighlightPainter(document, simpleMap(root));
    painter.setSpans('per', [offsetOf('Donald Trump'), offsetOf('Kim Jong Un')]);
    painter.setSpans('loc', [offsetOf('Hanoi')]);
    await painter.prepare(new AbortController().signal, 0);
    const afterPrepare = built;
    expect(afterPrepare).toBe(2);
    for (let i = 0; i < 3; i++) { painter.show(new Set(['per', 'loc'])); painter.show(new Set()); }
    painter.show(new Set(['per']));
    expect(built).toBe(afterPrepare);
    expect([...registry.get('kontext-per')!].map((r) => r.toString())).toEqual(['Donald Trump', 'Kim Jong Un']);
    painter.destroy();
  });

  it('builds a fresh Highlight when the page emptied the one it could read', async () => {
    const painter = new HighlightPainter(document, simpleMap(root));
    painter.setSpans('per', [offsetOf('Donald Trump')]);
    await painter.prepare(new AbortController().signal);
    painter.show(new Set(['per']));
    registry.get('kontext-per')!.clear();
    painter.show(new Set());
    painter.show(new Set(['per']));
    expect([...registry.get('kontext-per')!].map((r) => r.toString())).toEqual(['Donald Trump']);
    painter.destroy();
  });

  it('stops preparing when its analysis is aborted between slices', async () => {
    const base = simpleMap(root);
    let calls = 0;
    const counting = { toRange: (a: number, b: number) => { calls++; return base.toRange(a, b); }, toOffset: base.toOffset };
    const painter = new HighlightPainter(document, counting);
    const spans = Array.from({ length: 40 }, (_, i) => offsetOf(i % 2 ? 'Donald Trump' : 'Kim Jong Un'));
    painter.setSpans('per', spans);
    const controller = new AbortController();
    const done = painter.prepare(controller.signal, -1);
    controller.abort();
    await done;
    expect(calls).toBeLessThan(spans.length);
    // Nothing half-built was kept: showing maps the spans afresh and paints all of them.
    painter.show(new Set(['per']));
    expect(registry.get('kontext-per')!.size).toBe(spans.length);
    painter.destroy();
  });

  it('adopts a constructed sheet, no DOM node, kept across toggles and removed on destroy', () => {
    const painter = new HighlightPainter(document, simpleMap(root));
    painter.setCss('kontext-mark { color: red; }');
    painter.setSpans('per', [offsetOf('Donald Trump')]);
    const adoptedBefore = document.adoptedStyleSheets.length;
    painter.show(new Set(['per']));
    expect(document.getElementById(STYLE_ID)).toBeNull();
    expect(document.adoptedStyleSheets.length).toBe(adoptedBefore + 1);
    const sheet = document.adoptedStyleSheets[adoptedBefore]!;
    expect([...sheet.cssRules].map((r) => r.cssText).join(' ')).toContain('kontext-mark');
    // Toggling never touches stylesheets (a page-wide restyle on huge pages).
    painter.show(new Set());
    expect(document.adoptedStyleSheets).toContain(sheet);
    expect(document.querySelector('style')).toBeNull();
    painter.show(new Set(['per']));
    expect(document.adoptedStyleSheets.length).toBe(adoptedBefore + 1);
    painter.destroy();
    expect(document.adoptedStyleSheets).not.toContain(sheet);
  });

  it('adopts its sheet again when the page resets adoptedStyleSheets', () => {
    const painter = new HighlightPainter(document, simpleMap(root));
    painter.setSpans('per', [offsetOf('Donald Trump')]);
    painter.show(new Set(['per']));
    document.adoptedStyleSheets = [];
    painter.ensureStyle();
    expect(document.adoptedStyleSheets.length).toBe(1);
    painter.destroy();
    expect(document.adoptedStyleSheets.length).toBe(0);
  });

  it('falls back to a <style> present only while painted when adoption is refused', () => {
    const own = Object.getOwnPropertyDescriptor(document, 'adoptedStyleSheets');
    Object.defineProperty(document, 'adoptedStyleSheets', { configurable: true, get: () => [], set: () => { throw new TypeError('refused'); } });
    try {
      const painter = new HighlightPainter(document, simpleMap(root));
      painter.setSpans('per', [offsetOf('Donald Trump')]);
      painter.show(new Set(['per']));
      expect(document.getElementById(STYLE_ID)).not.toBeNull();
      document.getElementById(STYLE_ID)!.remove();
      painter.ensureStyle();
      expect(document.getElementById(STYLE_ID)).not.toBeNull();
      painter.show(new Set());
      painter.ensureStyle();
      expect(document.getElementById(STYLE_ID)).toBeNull();
      painter.destroy();
    } finally {
      if (own) Object.defineProperty(document, 'adoptedStyleSheets', own);
      else delete (document as unknown as Record<string, unknown>)['adoptedStyleSheets'];
    }
  });
});
