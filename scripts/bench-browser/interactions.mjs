// The interaction budget (issue 7): switching all highlights off and on, and a
// hover popup opening after its delay. The extension runs in an isolated world
// we cannot instrument from the page, so a toggle is measured as the page's
// main-thread task time (CDP TaskDuration) over a fixed window after the
// setting changed, minus the same window left idle; the popup as the time from
// the hover delay's end to the popup host in the DOM and to the next frame.
import { median } from './stats.mjs';

const WINDOW_MS = 400;
const HOVER_OPEN_DELAY_MS = 350;
const TRIES = 3;

async function taskMs(cdp) {
  const { metrics: m } = await cdp.send('Performance.getMetrics');
  return (m.find((x) => x.name === 'TaskDuration')?.value ?? NaN) * 1000;
}

async function setHighlightsOn(sw, on) {
  await sw.evaluate(async (value) => {
    const s = (await chrome.storage.local.get('settings')).settings ?? { version: 2 };
    await chrome.storage.local.set({ settings: { ...s, version: 2, highlightsOn: value } });
  }, on);
}

async function windowCost(page, cdp, action) {
  const t0 = await taskMs(cdp);
  await action();
  await page.waitForTimeout(WINDOW_MS);
  return (await taskMs(cdp)) - t0;
}

async function toggleCosts(page, cdp, sw, log) {
  const off = [], on = [], idle = [];
  for (let i = 0; i < TRIES; i++) {
    idle.push(await windowCost(page, cdp, async () => {}));
    off.push(await windowCost(page, cdp, () => setHighlightsOn(sw, false)));
    const cleared = await page.evaluate(() => CSS.highlights.size === 0 && !document.getElementById('kontext-highlight-style'));
    on.push(await windowCost(page, cdp, () => setHighlightsOn(sw, true)));
    const back = await page.evaluate(() => CSS.highlights.size > 0);
    if (!cleared || !back) log(`toggle did not take effect in the window (off cleared: ${cleared}, on painted: ${back})`);
  }
  const base = median(idle);
  return { off: Math.max(0, median(off) - base), on: Math.max(0, median(on) - base) };
}

async function popupDelay(page) {
  const target = await page.evaluate(() => {
    const h = CSS.highlights.get('kontext-per') ?? CSS.highlights.get('kontext-org') ?? CSS.highlights.get('kontext-loc');
    if (!h) return null;
    const range = [...h][0];
    const el = range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: 'instant' });
    const r = range.getClientRects()[0];
    const b = window.__kxb;
    b.moves = []; b.popupAt = null; b.popupFrame = null;
    addEventListener('pointermove', (e) => b.moves.push(e.timeStamp), { capture: true, passive: true });
    new MutationObserver(() => {
      if (b.popupAt === null && document.querySelector('kontext-popup')) {
        b.popupAt = performance.now();
        requestAnimationFrame(() => { b.popupFrame = performance.now(); });
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
    return r ? { x: r.left + Math.min(4, r.width / 2), y: r.top + r.height / 2 } : null;
  });
  if (!target) return null;
  await page.mouse.move(target.x, target.y);
  await page.mouse.move(target.x + 1, target.y);
  await page.waitForTimeout(HOVER_OPEN_DELAY_MS + 700);
  return page.evaluate((delay) => {
    const b = window.__kxb;
    const last = b.moves[b.moves.length - 1];
    if (b.popupAt === null || last === undefined) return null;
    return { insert: b.popupAt - last - delay, frame: (b.popupFrame ?? NaN) - last - delay };
  }, HOVER_OPEN_DELAY_MS);
}

export async function measureInteractions(ext, baseUrl, pages, log) {
  const out = [];
  for (const p of pages) {
    const page = await ext.context.newPage();
    try {
      const cdp = await ext.context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(baseUrl + p.path, { waitUntil: 'load' });
      await page.waitForFunction(() => document.documentElement.dataset.kontextState === 'ready', null, { timeout: 90_000, polling: 200 });
      await page.waitForTimeout(500);
      const t = await toggleCosts(page, cdp, ext.serviceWorker, log);
      out.push({ name: `${p.name}: all highlights off`, ms: t.off, target: '< 16' });
      out.push({ name: `${p.name}: all highlights on`, ms: t.on, target: '< 16' });
      const pops = [];
      for (let i = 0; i < 2; i++) {
        const r = await popupDelay(page);
        if (r) pops.push(r);
        await page.keyboard.press('Escape');
        await page.mouse.move(5, 5);
        await page.waitForTimeout(500);
      }
      out.push({ name: `${p.name}: popup in DOM after hover delay`, ms: median(pops.map((x) => x.insert)), target: '< 16' });
      out.push({ name: `${p.name}: popup next frame after hover delay`, ms: median(pops.map((x) => x.frame)), target: '' });
    } catch (e) {
      log(`interactions on ${p.name}: ${String(e.message ?? e).split('\n')[0]}`);
    } finally {
      await page.close();
    }
  }
  return out;
}
