// What the benchmark installs in the main world of every page, with and without
// the extension alike (so its own small cost is on both sides): long tasks, the
// moments data-kontext-state changes, and the first frame with a painted highlight.
// Nothing here touches the extension; it only watches what the page can see.
export const PROBE = `(() => {
  const b = window.__kxb = { state: [], longtasks: [], firstPaint: null };
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) b.longtasks.push([e.startTime, e.duration]); })
      .observe({ type: 'longtask' });
  } catch {}
  new MutationObserver(() => {
    b.state.push([performance.now(), document.documentElement && document.documentElement.getAttribute('data-kontext-state')]);
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-kontext-state'] });
  const tick = () => {
    if (window.CSS && CSS.highlights && CSS.highlights.size > 0) { b.firstPaint = performance.now(); return; }
    if (performance.now() < 60000) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** Collected after the run: the probe's records plus navigation timing. */
export function readProbe() {
  const nav = performance.getEntriesByType('navigation')[0];
  const b = window.__kxb ?? { state: [], longtasks: [], firstPaint: null };
  return { ...b, dcl: nav ? nav.domContentLoadedEventEnd : null, load: nav ? nav.loadEventEnd : null, now: performance.now() };
}
