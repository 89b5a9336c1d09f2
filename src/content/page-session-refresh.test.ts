// @vitest-environment happy-dom
/**
 * Pages that change under the highlights: "load more" paragraphs, live-blog
 * posts, re-renders, SPA navigation. The painter runs in its Highlight API
 * mode (a fake registry), the only mode in which the session watches the
 * article; clocks are fake so minutes of a live blog take no time.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EntityDetail, TextAnalysis } from '../core/types.ts';
import type { TextMap } from '../dom/text-map.ts';

type Listener = (...args: unknown[]) => unknown;
const env = vi.hoisted(() => ({
  stored: {} as Record<string, unknown>,
  sent: [] as { type: string; article?: { text: string } }[],
  /** While set, the engine's answer waits for this promise (to look at the page mid-refresh). */
  hold: null as Promise<void> | null,
}));

/** The fake engine: every known name in the text, as a PER mention. */
const NAMES = ['Anna Berg', 'Helga Brandt', 'Jon Olsen', 'Mia Roth'];
function analyse(text: string): TextAnalysis {
  const entities: EntityDetail[] = [];
  NAMES.forEach((name, cluster) => {
    for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
      entities.push({ text: name, start: i, end: i + name.length, type: 'PER', entityId: null, confidence: 0.9, cluster, canonical: name });
    }
  });
  entities.sort((a, b) => a.start - b.start);
  return { language: 'de', quotes: [], entities, concepts: [], topics: [] };
}

vi.mock('./extension-api.ts', () => ({
  ownId: () => 'me',
  extensionAlive: () => true,
  browser: {
    i18n: { getMessage: (k: string) => k, getUILanguage: () => 'en' },
    runtime: {
      onMessage: { addListener: () => undefined, removeListener: () => undefined },
      sendMessage: async (msg: { type: string; article?: { text: string } }) => {
        env.sent.push(msg);
        if (msg.type !== 'cs/analyse' || !msg.article) return undefined;
        if (env.hold) await env.hold;
        const { packAnalysis } = await import('../shared/packed-analysis.ts');
        return { ok: true, packed: packAnalysis(analyse(msg.article.text)), contexts: {}, uiLang: 'en' };
      },
    },
    storage: {
      local: { get: async (key: string) => ({ [key]: env.stored[key] }), set: async () => undefined },
      onChanged: { addListener: (_l: Listener) => undefined, removeListener: (_l: Listener) => undefined },
    },
  },
}));

/** Paragraph texts joined by "\n\n" like the real extractor, mapped onto each <p>'s single text node. */
function paragraphMap(root: Element): { text: string; map: TextMap } {
  const parts: { start: number; node: Text; data: string }[] = [];
  let text = '';
  for (const p of root.querySelectorAll('p')) {
    const node = p.firstChild;
    if (!(node instanceof Text)) continue;
    if (text) text += '\n\n';
    parts.push({ start: text.length, node, data: node.data });
    text += node.data;
  }
  const map: TextMap = {
    toRange(start, end) {
      const part = parts.find((x) => start >= x.start && end <= x.start + x.data.length);
      if (!part || !part.node.isConnected) return null;
      const r = document.createRange();
      r.setStart(part.node, start - part.start);
      r.setEnd(part.node, end - part.start);
      return r;
    },
    toOffset: () => null,
    isValid: () => parts.every((x) => x.node.isConnected && x.node.data === x.data),
  };
  return { text, map };
}

vi.mock('../dom/article/index.ts', () => {
  const extractArticle = (doc: Document) => {
    const root = doc.querySelector('article');
    if (!root) return null;
    const { text, map } = paragraphMap(root);
    return { root, map, article: { title: 'T', byline: null, published: null, language: 'de', agencies: [], dateline: null, text } };
  };
  return { extractArticle, extractArticleAsync: async (doc: Document) => extractArticle(doc) };
});

const { PageSession } = await import('./page-session.ts');
const { SETTLE_MS } = await import('./article-watch.ts');

class FakeHighlight extends Set<Range> { priority = 0; constructor(...r: Range[]) { super(r); } }
let registry: Map<string, FakeHighlight>;

const analyses = (): string[] => env.sent.filter((m) => m.type === 'cs/analyse').map((m) => m.article?.text ?? '');
const painted = (): string[] => [...(registry.get('kontext-per') ?? [])].map((r) => r.toString());
const state = (): string | null => document.documentElement.getAttribute('data-kontext-state');
const tick = async (ms: number): Promise<void> => { await vi.advanceTimersByTimeAsync(ms); };

function para(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

async function started(): Promise<InstanceType<typeof PageSession>> {
  const s = new PageSession(document);
  // start() resolves once the first analysis is painted, which waits on (fake) timers: run them meanwhile.
  const done = s.start();
  await tick(50);
  await done;
  expect(state()).toBe('ready');
  return s;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] });
  env.stored = {};
  env.sent = [];
  env.hold = null;
  registry = new Map();
  const win = document.defaultView as unknown as Record<string, unknown>;
  win['Highlight'] = FakeHighlight;
  win['CSS'] = { ...(win['CSS'] as object | undefined), highlights: registry };
  history.replaceState(null, '', '/story/1');
  document.body.innerHTML = '<article><p>Anna Berg sprach in Oslo.</p><p>Dann ging sie.</p></article>';
});
afterEach(() => {
  delete (globalThis as { scheduler?: unknown }).scheduler;
  vi.useRealTimers();
  document.documentElement.removeAttribute('data-kontext-state');
});

describe('PageSession on a page that changes', () => {
  it('analyses an appended paragraph and paints its names', async () => {
    const s = await started();
    expect(painted()).toEqual(['Anna Berg']);
    document.querySelector('article')!.append(para('Später kam Helga Brandt dazu.'));
    await tick(SETTLE_MS + 100);
    expect(s.refresher.lastChange?.kind).toBe('appended');
    expect(analyses()).toHaveLength(2);
    expect(analyses()[1]).toMatch(/Helga Brandt dazu\.$/);
    expect(painted()).toEqual(['Anna Berg', 'Helga Brandt']);
    s.stop();
    expect(registry.size).toBe(0);
  });

  it('keeps the old painting on screen until the new one is ready', async () => {
    const s = await started();
    let release: () => void = () => undefined;
    env.hold = new Promise<void>((r) => { release = r; });
    document.querySelector('article')!.prepend(para('12:01 Uhr: Jon Olsen ist eingetroffen.'));
    await tick(SETTLE_MS + 100);
    expect(analyses()).toHaveLength(2);
    // The engine has not answered yet: the article is painted as before, not blank.
    expect(painted()).toEqual(['Anna Berg']);
    // Every time the session gives the main thread back while it builds the new painting, the old one is still there.
    const seen: number[] = [];
    const g = globalThis as { scheduler?: unknown };
    g.scheduler = { yield: () => { seen.push(painted().length); return Promise.resolve(); } };
    release();
    env.hold = null;
    await tick(50);
    delete g.scheduler;
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.every((n) => n > 0)).toBe(true);
    expect(s.refresher.lastChange?.kind).toBe('prepended');
    expect(painted()).toEqual(['Jon Olsen', 'Anna Berg']);
    s.stop();
  });

  it('does not analyse again when the words stay the same, and does not loop', async () => {
    const s = await started();
    const article = document.querySelector('article')!;
    // Nodes added without text, then a paragraph re-rendered with the same words.
    article.append(document.createElement('span'));
    await tick(SETTLE_MS + 100);
    expect(s.refresher.lastChange?.kind).toBe('same');
    const first = article.querySelector('p')!;
    first.replaceWith(para(first.textContent ?? ''));
    await tick(60_000);
    expect(analyses()).toHaveLength(1);
    // The painting moved onto the new text node.
    const ranges = [...(registry.get('kontext-per') ?? [])];
    expect(ranges.map((r) => r.toString())).toEqual(['Anna Berg']);
    expect(ranges[0]!.startContainer).toBe(article.querySelector('p')!.firstChild);
    s.stop();
  });

  it('follows a hydration that replaces the whole article with the same words, without the engine', async () => {
    const s = await started();
    const old = document.querySelector('article')!;
    const fresh = old.cloneNode(true) as Element;
    old.replaceWith(fresh);
    await tick(SETTLE_MS + 100);
    expect(analyses()).toHaveLength(1);
    const ranges = [...(registry.get('kontext-per') ?? [])];
    expect(ranges.map((r) => r.toString())).toEqual(['Anna Berg']);
    expect(fresh.contains(ranges[0]!.startContainer)).toBe(true);
    // The new article is watched: a paragraph added to it is analysed.
    fresh.append(para('Auch Mia Roth war da.'));
    await tick(SETTLE_MS + 2500);
    expect(analyses()).toHaveLength(2);
    expect(painted()).toEqual(['Anna Berg', 'Mia Roth']);
    s.stop();
  });

  it('keeps a live blog current for minutes, at a bounded rate', async () => {
    const s = await started();
    const article = document.querySelector('article')!;
    const names = ['Mia Roth', 'Jon Olsen', 'Helga Brandt'];
    for (let i = 0; i < 180; i++) {
      article.prepend(para(`Eintrag ${i}: ${names[i % 3]} meldet sich.`));
      await tick(1000);
    }
    await tick(SETTLE_MS + 3000);
    const texts = analyses();
    // Far more than the old cap of ten re-analyses, far fewer than one per post.
    expect(texts.length).toBeGreaterThan(30);
    expect(texts.length).toBeLessThanOrEqual(180 / 2 + 2);
    expect(texts[texts.length - 1]!.startsWith('Eintrag 179:')).toBe(true);
    expect(painted()[0]).toBe(names[179 % 3]);
    s.stop();
  });

  it('looks ever less often at a paragraph that only ticks (a clock in the article)', async () => {
    const s = await started();
    const article = document.querySelector('article')!;
    const clock = para('Stand: 0');
    article.append(clock);
    await tick(SETTLE_MS + 100);
    const base = analyses().length;
    // The page rewrites the clock every 50 ms for two minutes.
    for (let i = 1; i <= 2400; i++) {
      clock.firstChild!.textContent = `Stand: ${i}`;
      await tick(50);
    }
    const ticks = analyses().length - base;
    // Without back-off a look every ~4 s (the watcher's max wait) would be 30; with it, far fewer, but never none.
    expect(ticks).toBeGreaterThan(2);
    expect(ticks).toBeLessThanOrEqual(12);
    s.stop();
  });

  it('analyses an article that arrives long after the page said no-article', async () => {
    document.body.innerHTML = '<nav><a href="/">Start</a></nav><div id="app"></div>';
    const s = new PageSession(document);
    // The finder retries on (fake) timers before it gives up: run them while start() waits.
    const done = s.start();
    await tick(6000);
    await done;
    expect(state()).toBe('no-article');
    expect(analyses()).toHaveLength(0);
    await tick(4000);
    // Ten seconds in, the app renders its article (well past the finder's retries).
    const body = Array.from({ length: 30 }, (_, i) => para(`Absatz ${i}: Helga Brandt berichtet ausführlich über die Gespräche in Oslo.`));
    const article = document.createElement('article');
    article.append(para('Anna Berg eröffnete die Sitzung.'), ...body);
    document.getElementById('app')!.append(article);
    await tick(SETTLE_MS + 100);
    expect(state()).toBe('ready');
    expect(analyses()).toHaveLength(1);
    expect(analyses()[0]).toMatch(/^Anna Berg eröffnete/);
    expect(painted().slice(0, 2)).toEqual(['Anna Berg', 'Helga Brandt']);
    s.stop();
  });

  it('stops watching for a late article when the session ends', async () => {
    document.body.innerHTML = '<div id="app"></div>';
    const s = new PageSession(document);
    const done = s.start();
    await tick(6000);
    await done;
    expect(state()).toBe('no-article');
    s.stop();
    const article = document.createElement('article');
    article.append(...Array.from({ length: 40 }, () => para('Mia Roth spricht lange über die Gespräche in Oslo.')));
    document.getElementById('app')!.append(article);
    await tick(60_000);
    expect(analyses()).toHaveLength(0);
    expect(state()).toBeNull();
  });

  it('starts a fresh session on a single-page-app navigation, but not on an in-page link', async () => {
    const s = await started();
    history.pushState(null, '', '#abschnitt-2');
    await tick(1100);
    expect(analyses()).toHaveLength(1);
    expect(painted()).toEqual(['Anna Berg']);
    history.pushState(null, '', '/story/2');
    document.querySelector('article')!.replaceChildren(para('Mia Roth eröffnete die Sitzung.'));
    await tick(1100);
    expect(analyses()).toHaveLength(2);
    expect(analyses()[1]).toBe('Mia Roth eröffnete die Sitzung.');
    expect(env.sent.some((m) => m.type === 'cs/status' && (m as { status?: string }).status === 'analysing')).toBe(true);
    expect(painted()).toEqual(['Mia Roth']);
    s.stop();
  });
});
