// What the browser tests read from a page: the extension's state hook, the named highlights in
// CSS.highlights (the content script's registry is per document, so the page's main world sees
// it), the page's DOM without our injected nodes, and shadow roots (open or closed, via CDP).

export const KINDS = ['quote', 'per', 'loc', 'org', 'misc'];
const BUSY_STATES = new Set(['', 'loading', 'starting', 'pending', 'analyzing', 'analysing', 'running', 'idle']);

/** The extension's state hook on <html>, or null when it has not set one. */
export function readState(page) {
  return page.evaluate(() => document.documentElement.dataset.kontextState ?? null);
}

/**
 * Waits until the content script has finished with the page: its state hook reports a settled
 * state. Returns that state.
 */
export async function waitForAnalysis(page, { timeout = 20_000 } = {}) {
  const handle = await page.waitForFunction(
    (busy) => {
      const state = document.documentElement.dataset.kontextState;
      return state !== undefined && !busy.includes(state) ? state : false;
    },
    [...BUSY_STATES],
    { timeout, polling: 50 },
  );
  return handle.jsonValue();
}

/** Waits until the state hook equals one of `states`. */
export async function waitForState(page, states, { timeout = 10_000 } = {}) {
  const handle = await page.waitForFunction(
    (wanted) => {
      const state = document.documentElement.dataset.kontextState;
      return wanted.includes(state) ? state : false;
    },
    states,
    { timeout, polling: 50 },
  );
  return handle.jsonValue();
}

/**
 * Every `kontext-*` highlight with its ranges: text, whether it lies inside `bodySelector`,
 * which excluded region (if any) it touches, and its first client rect.
 */
export function readHighlights(page, { bodySelector = null, excludedSelectors = [] } = {}) {
  return page.evaluate(
    ({ bodySelector, excludedSelectors }) => {
      const body = bodySelector ? document.querySelector(bodySelector) : null;
      const excluded = excludedSelectors.flatMap((selector) => [...document.querySelectorAll(selector)].map((element) => ({ selector, element })));
      const result = {};
      if (typeof CSS === 'undefined' || !CSS.highlights) return result;
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('kontext-')) continue;
        result[name] = [...highlight].map((range) => {
          const within = (node) => node.contains(range.startContainer) && node.contains(range.endContainer);
          const touches = (node) => (typeof range.intersectsNode === 'function' ? range.intersectsNode(node) : false);
          const rect = typeof range.getBoundingClientRect === 'function' ? range.getBoundingClientRect() : null;
          return {
            text: range.toString(),
            inBody: body ? within(body) : null,
            excludedBy: excluded.filter(({ element }) => touches(element)).map(({ selector }) => selector),
            rect: rect ? { x: rect.x, y: rect.y, width: rect.width, height: rect.height } : null,
          };
        });
      }
      return result;
    },
    { bodySelector, excludedSelectors },
  );
}

/** Total number of ranges in all `kontext-*` highlights. */
export function countHighlightRanges(page) {
  return page.evaluate(() => {
    if (typeof CSS === 'undefined' || !CSS.highlights) return 0;
    let total = 0;
    for (const [name, highlight] of CSS.highlights) if (name.startsWith('kontext-')) total += highlight.size;
    return total;
  });
}

/** Wrapper elements a DOM-based painter would add (the fallback path), counted per kind. */
export function countWrapperMarks(page) {
  return page.evaluate(() => document.querySelectorAll('[data-kontext-kind]').length);
}

/**
 * The body's HTML without nodes the extension added: custom-element hosts named `kontext-*`
 * and anything carrying a `data-kontext*` attribute. Comparing this before and after shows
 * whether the page's own DOM was changed.
 */
export function pageDomWithoutExtension(page) {
  return page.evaluate(() => {
    const clone = document.body.cloneNode(true);
    for (const element of [...clone.querySelectorAll('*')]) {
      const ours = element.localName.startsWith('kontext-') || [...element.attributes].some((attribute) => attribute.name.startsWith('data-kontext'));
      if (ours) element.remove();
    }
    return clone.outerHTML;
  });
}

/** Strips the marks around a quote and squeezes whitespace, so range text and gold text compare. */
export function normalizeQuoteText(text) {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[„“”‚‘’"'«»‹›\s]+|[„“”‚‘’"'«»‹›\s]+$/g, '');
}

/**
 * Finds the first element named `hostName` anywhere in the page (CDP pierces closed shadow
 * roots too) and returns what a reader could see in its shadow root: text, whether it is
 * rendered, and the ARIA attributes of its first element. Null when there is no such host or
 * it has no shadow root.
 */
export async function inspectShadowHost(page, hostName) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const hosts = [];
    const walk = (node) => {
      if (node.localName === hostName) hosts.push(node);
      for (const child of node.children ?? []) walk(child);
      for (const shadow of node.shadowRoots ?? []) walk(shadow);
      if (node.contentDocument) walk(node.contentDocument);
    };
    walk(root);
    const host = hosts[0];
    if (!host) return null;
    const shadow = host.shadowRoots?.[0];
    if (!shadow) return { hosts: hosts.length, shadowMode: null, text: '', visible: false };
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      returnByValue: true,
      functionDeclaration: `function () {
        const elements = [...this.querySelectorAll('*')].filter((e) => e.localName !== 'style' && e.localName !== 'slot');
        const visibleOnes = elements.filter((e) => e.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && e.getBoundingClientRect().width > 0);
        const first = visibleOnes[0] ?? null;
        return {
          text: this.textContent.replace(/\\s+/g, ' ').trim(),
          visibleText: visibleOnes.map((e) => e.innerText ?? '').join(' ').replace(/\\s+/g, ' ').trim(),
          visible: visibleOnes.length > 0 && this.host.isConnected,
          ariaHidden: this.host.getAttribute('aria-hidden') === 'true' || (first !== null && first.closest('[aria-hidden="true"]') !== null),
          role: first ? first.getAttribute('role') : null,
          rect: first ? first.getBoundingClientRect().toJSON() : null,
          elementCount: elements.length,
          imgCount: this.querySelectorAll('img, script, iframe, object, embed').length,
        };
      }`,
    });
    return { hosts: hosts.length, shadowMode: shadow.shadowRootType ?? null, ...result.value };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Polls `check` until it returns a truthy value or the time is up; returns the last value. */
export async function pollFor(check, { timeout = 5_000, interval = 50 } = {}) {
  const deadline = Date.now() + timeout;
  let value = await check();
  while (!value && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, interval));
    value = await check();
  }
  return value;
}
