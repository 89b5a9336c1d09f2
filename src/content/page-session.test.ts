// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TextAnalysis } from '../core/types.ts';
import { simpleTextMap } from '../dom/paint/simple-text-map.ts';

// A fake extension environment: storage, messaging and the article extractor.
type Listener = (...args: unknown[]) => unknown;
const env = vi.hoisted(() => ({
  stored: {} as Record<string, unknown>,
  storageListeners: new Set<(...a: unknown[]) => unknown>(),
  messageListeners: new Set<(...a: unknown[]) => unknown>(),
  sent: [] as unknown[],
  analysis: null as unknown,
}));

vi.mock('./extension-api.ts', () => ({
  ownId: () => 'me',
  extensionAlive: () => true,
  browser: {
    i18n: { getMessage: (k: string) => k, getUILanguage: () => 'en' },
    runtime: {
      onMessage: { addListener: (l: Listener) => env.messageListeners.add(l), removeListener: (l: Listener) => env.messageListeners.delete(l) },
      sendMessage: async (msg: { type: string }) => {
        env.sent.push(msg);
        if (msg.type === 'cs/analyse') {
          // The background sends the analysis packed; so does this fake.
          const { packAnalysis } = await import('../shared/packed-analysis.ts');
          return { ok: true, packed: packAnalysis(env.analysis as TextAnalysis), contexts: {}, uiLang: 'en' };
        }
        return undefined;
      },
    },
    storage: {
      local: { get: async (key: string) => ({ [key]: env.stored[key] }), set: async () => undefined },
      onChanged: { addListener: (l: Listener) => env.storageListeners.add(l), removeListener: (l: Listener) => env.storageListeners.delete(l) },
    },
  },
}));

vi.mock('../dom/article/index.ts', () => {
  const extractArticle = (doc: Document) => {
    const root = doc.querySelector('article');
    if (!root) return null;
    const text = root.textContent ?? '';
    return {
      root, map: simpleTextMap(root),
      article: { title: 'T', byline: null, published: null, language: 'de', agencies: [], dateline: null, text },
    };
  };
  return { extractArticle, extractArticleAsync: async (doc: Document) => extractArticle(doc) };
});

const { PageSession } = await import('./page-session.ts');

const ARTICLE = '<article><p>„Wir reden weiter“, sagte Anna Berg in Oslo.</p></article>';

function analysisFor(text: string): TextAnalysis {
  const at = (w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length });
  return {
    language: 'de',
    quotes: [{ text: 'Wir reden weiter', ...at('Wir reden weiter'), speaker: { name: 'Anna Berg', entityId: null }, confidence: 0.9, kind: 'direct', cue: null, speakerMention: null, speakerCluster: 0 }],
    entities: [
      { text: 'Anna Berg', ...at('Anna Berg'), type: 'PER', entityId: null, confidence: 0.9, cluster: 0, canonical: 'Anna Berg' },
      { text: 'Oslo', ...at('Oslo'), type: 'LOC', entityId: null, confidence: 0.9, cluster: 1, canonical: 'Oslo' },
    ],
    concepts: [],
    topics: [],
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

function changeSettings(settings: unknown): void {
  env.stored['settings'] = settings;
  for (const l of env.storageListeners) l({ settings: { newValue: settings } }, 'local');
}

beforeEach(() => {
  env.stored = {};
  env.sent = [];
  env.storageListeners.clear();
  env.messageListeners.clear();
  document.head.innerHTML = '';
  document.body.innerHTML = ARTICLE;
  env.analysis = analysisFor(document.querySelector('article')!.textContent ?? '');
});
afterEach(() => document.documentElement.removeAttribute('data-kontext-state'));

describe('PageSession', () => {
  it('analyses the article, paints it, and reports ready through the state attribute', async () => {
    const s = new PageSession(document);
    await s.start();
    await settle();
    expect(document.documentElement.getAttribute('data-kontext-state')).toBe('ready');
    expect(env.sent.some((m) => (m as { type: string }).type === 'cs/analyse')).toBe(true);
    const kinds = [...document.querySelectorAll('kontext-mark')].map((m) => [m.getAttribute('data-kontext-kind'), m.textContent]);
    expect(kinds).toEqual([['quote', 'Wir reden weiter'], ['per', 'Anna Berg'], ['loc', 'Oslo']]);
    s.stop();
  });

  it('toggling everything off through settings leaves the page exactly as it was', async () => {
    const s = new PageSession(document);
    await s.start();
    await settle();
    changeSettings({ version: 2, highlightsOn: false });
    expect(document.body.innerHTML).toBe(ARTICLE);
    expect(document.head.innerHTML).toBe('');
    changeSettings({ version: 2, highlightsOn: true, kinds: { quote: false, per: true, loc: false, org: false, misc: false } });
    expect([...document.querySelectorAll('kontext-mark')].map((m) => m.textContent)).toEqual(['Anna Berg']);
    s.stop();
    expect(document.body.innerHTML).toBe(ARTICLE);
    expect(document.documentElement.hasAttribute('data-kontext-state')).toBe(false);
  });

  it('does nothing on a site on the never list, and starts when it is taken off', async () => {
    env.stored['settings'] = { version: 2, siteNever: [location.hostname || 'localhost'] };
    const s = new PageSession(document);
    await s.start();
    await settle();
    expect(document.documentElement.getAttribute('data-kontext-state')).toBe('never');
    expect(env.sent.some((m) => (m as { type: string }).type === 'cs/analyse')).toBe(false);
    expect(document.body.innerHTML).toBe(ARTICLE);
    changeSettings({ version: 2, siteNever: [] });
    await settle();
    expect(document.documentElement.getAttribute('data-kontext-state')).toBe('ready');
    s.stop();
  });

  it('says no-article on a loaded page without an article, without retrying', async () => {
    document.body.innerHTML = `<main><p>${'Menu item. '.repeat(200)}</p></main>`;
    const s = new PageSession(document);
    await s.start();
    await settle();
    expect(document.documentElement.getAttribute('data-kontext-state')).toBe('no-article');
    s.stop();
  });

  it('answers the background: focus steps through highlights, reports its state, ignores strangers', async () => {
    const s = new PageSession(document);
    await s.start();
    await settle();
    const [listener] = env.messageListeners;
    expect(listener).toBeDefined();
    expect(listener!({ type: 'bg/report' }, { id: 'someone-else' })).toBeUndefined();
    expect(listener!({ type: 'bg/unknown' }, { id: 'me' })).toBeUndefined();
    const report = await listener!({ type: 'bg/report' }, { id: 'me' }) as { status: string; analysis: unknown };
    expect(report.status).toBe('ready');
    expect(report.analysis).toEqual(env.analysis);
    expect(await listener!({ type: 'bg/step-focus', direction: 1 }, { id: 'me' })).toEqual({ ok: true });
    expect(document.querySelector('kontext-mark[data-kontext-kind~="focus"]')?.textContent).toBe('Wir reden weiter');
    expect(document.querySelector('kontext-popup')).not.toBeNull();
    s.stop();
    expect(document.querySelector('kontext-popup')).toBeNull();
    expect(document.body.innerHTML).toBe(ARTICLE);
  });
});

describe('PageSession, yielding to the page', () => {
  const g = globalThis as { scheduler?: unknown };
  afterEach(() => { delete g.scheduler; });

  it('gives the main thread back between receiving the analysis, sorting it and painting it', async () => {
    const seen: (string | null)[] = [];
    g.scheduler = { yield: () => { seen.push(document.querySelector('kontext-mark') ? 'painted' : null); return Promise.resolve(); } };
    const s = new PageSession(document);
    await s.start();
    await settle();
    expect(document.documentElement.getAttribute('data-kontext-state')).toBe('ready');
    // At least three breaks, all before anything was painted.
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.every((x) => x === null)).toBe(true);
    s.stop();
  });

  it('paints nothing when the page is left while it waits for its turn', async () => {
    let release: () => void = () => undefined;
    g.scheduler = { yield: () => new Promise<void>((r) => { release = r; }) };
    const s = new PageSession(document);
    // start() resolves only once the analysis has run its course, which waits on the held yield.
    const started = s.start();
    await settle();
    expect(env.sent.some((m) => (m as { type: string }).type === 'cs/analyse')).toBe(true);
    s.stop();
    release();
    await started;
    await settle();
    expect(document.querySelector('kontext-mark')).toBeNull();
    expect(document.body.innerHTML).toBe(ARTICLE);
    expect(document.head.innerHTML).toBe('');
  });
});
