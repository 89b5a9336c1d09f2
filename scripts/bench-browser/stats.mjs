// Small statistics and table helpers for the browser benchmark: the figures are
// printed as one plain-text table so two runs can be compared by eye.

export function median(xs) {
  return quantile(xs, 0.5);
}

/** Nearest-rank quantile (no interpolation: with few pages it names a real page's figure). */
export function quantile(xs, q) {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const i = Math.min(v.length - 1, Math.max(0, Math.ceil(q * v.length) - 1));
  return v[i];
}

export function max(xs) {
  const v = xs.filter((x) => Number.isFinite(x));
  return v.length ? Math.max(...v) : NaN;
}

export function fmt(x, digits = 1) {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  if (typeof x === 'string') return x;
  return x.toFixed(digits);
}

/** Renders rows (arrays of cells) under a header as an aligned plain-text table. */
export function table(header, rows) {
  const all = [header, ...rows].map((r) => r.map((c) => String(c)));
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r) => '| ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
  const sep = '|' + widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|';
  return [line(all[0]), sep, ...all.slice(1).map(line)].join('\n');
}
