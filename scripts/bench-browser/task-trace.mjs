// One Chromium trace per measured page: top-level tasks (outermost "toplevel"
// events of renderer main threads) and V8's sampling profiler ("v8.cpu_profiler", the DevTools
// Performance panel's source) on the same clock. A sample whose stack holds a
// chrome-extension:// frame is the content script's work; the task around it
// is a task Kontext took part in. Only renderer main threads count, so the
// extension's service worker (where the engine runs) is left out. Each task also
// carries its thread CPU time (the trace's tdur), which a loaded machine does not
// inflate the way it inflates wall time.
// "v8" carries v8.compile / v8.compileModule: compiling a script happens before any of its frames
// is on the stack, so the sampling profiler cannot attribute it (see contentScriptCompile).
const CATEGORIES = 'toplevel,__metadata,v8,disabled-by-default-devtools.timeline,disabled-by-default-v8.cpu_profiler';

export async function startTrace(cdp) {
  const events = [];
  const onData = (e) => { for (const ev of e.value) events.push(ev); };
  cdp.on('Tracing.dataCollected', onData);
  // Debug runs also record what the browser did inside each task (style, layout, parsing, GC) to name it.
  const categories = process.env.KONTEXT_BENCH_DEBUG ? `${CATEGORIES},devtools.timeline,v8` : CATEGORIES;
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  return {
    async stop() {
      const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
      await cdp.send('Tracing.end');
      await done;
      cdp.off('Tracing.dataCollected', onData);
      return process.env.KONTEXT_BENCH_KEEP_EVENTS ? { ...summarise(events), events } : summarise(events);
    },
  };
}

export function mainThreads(events) {
  return new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
}

/** Top-level tasks per renderer main thread ("pid:tid"), outermost only, sorted: [{ ts, end }] in µs. */
function tasksOf(events, mains) {
  const byThread = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !(e.cat === 'toplevel' || e.name === 'RunTask') || !mains.has(key) || !(e.dur > 0)) continue;
    if (!byThread.has(key)) byThread.set(key, []);
    // tdur: the thread's CPU time in the task; unlike wall time it does not grow while a loaded machine deschedules us.
    byThread.get(key).push({ ts: e.ts, end: e.ts + e.dur, cpu: e.tdur ?? e.dur });
  }
  for (const [key, tasks] of byThread) {
    tasks.sort((a, b) => a.ts - b.ts);
    const out = [];
    for (const t of tasks) {
      const last = out[out.length - 1];
      if (last && t.ts < last.end) { if (t.end > last.end) last.end = t.end; last.cpu = Math.max(last.cpu, t.cpu); continue; }
      out.push({ ...t });
    }
    byThread.set(key, out);
  }
  return byThread;
}

/** Kontext samples [timestampUs, durationMs, inExtraction, functionName, thread] from the trace's CPU profiles of renderer main threads. */
export function kontextSamples(events, mains) {
  const profiles = new Map();
  for (const e of events) {
    if (e.name === 'Profile' && mains.has(`${e.pid}:${e.tid}`)) {
      profiles.set(`${e.pid}:${e.id}`, { thread: `${e.pid}:${e.tid}`, t: e.args.data.startTime, nodes: new Map(), ext: new Map(), extract: new Map(), samples: [] });
    }
  }
  const extractFrames = extractionFrames(events, profiles);
  const frameKey = (f) => `${f.url}:${f.lineNumber}:${f.columnNumber}`;
  for (const e of events) {
    if (e.name !== 'ProfileChunk') continue;
    const p = profiles.get(`${e.pid}:${e.id}`);
    if (!p) continue;
    const d = e.args.data;
    for (const n of d.cpuProfile?.nodes ?? []) {
      p.nodes.set(n.id, n);
      const own = (n.callFrame?.url ?? '').startsWith('chrome-extension://');
      p.ext.set(n.id, own || (n.parent !== undefined && p.ext.get(n.parent) === true));
      const marks = own && extractFrames.has(frameKey(n.callFrame));
      p.extract.set(n.id, marks || (n.parent !== undefined && p.extract.get(n.parent) === true));
    }
    const ids = d.cpuProfile?.samples ?? [];
    const deltas = d.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i++) {
      p.t += deltas[i] ?? 0;
      p.samples.push([p.t, ids[i]]);
    }
  }
  const out = [];
  for (const p of profiles.values()) {
    // A sample lasts until the next one, but not across a gap where the thread slept unsampled.
    const gaps = p.samples.slice(1).map((s, i) => s[0] - p.samples[i][0]).sort((a, b) => a - b);
    const cap = 3 * (gaps[Math.floor(gaps.length / 2)] ?? 1000);
    for (let i = 0; i < p.samples.length; i++) {
      const [t, id] = p.samples[i];
      const next = p.samples[i + 1];
      if (p.ext.get(id) && next) out.push([t, Math.min(next[0] - t, cap) / 1000, p.extract.get(id) === true, process.env.KONTEXT_BENCH_DEBUG === 'stacks' ? stackOf(p.nodes, id) : p.nodes.get(id)?.callFrame?.functionName ?? '', p.thread]);
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/**
 * The functions that make up article extraction (src/dom/article, the text map), as profile call
 * frames. The bundle is minified, so only method names survive, and extraction is sliced and async:
 * after each yield it resumes with its own (renamed) entry function at the bottom of the stack.
 * So: every frame that calls, directly or not, one of the extractor's own methods (MARKERS) is
 * extraction, except the page session's methods and the script's top level above it, and except
 * frames that also lead to painting or messaging (OTHER): those are callers, not extraction.
 */
const MARKERS = new Set(['junkByMarkup', 'addText', 'appendText', 'startBlock', 'addBreak', 'emitRun', 'addSeg', 'pushData', 'flushRun', 'scanText']);
const OTHER = new Set(['setStatus', 'present', 'prepare', 'applySettings', 'HighlightController', 'PopupController', 'onMessage', 'unpackAnalysis', 'setPageState']);
const SESSION = new Set(['start', 'decideAndRun', 'analyse', 'restart', 'rerun', 'refresh', 'onSettings', 'checkUrl', 'onMessage', 'present']);

function extractionFrames(events, profiles) {
  const key = (f) => `${f.url}:${f.lineNumber}:${f.columnNumber}`;
  const nodes = new Map();
  for (const e of events) {
    const pk = `${e.pid}:${e.id}`;
    if (e.name !== 'ProfileChunk' || !profiles.has(pk)) continue;
    for (const n of e.args.data.cpuProfile?.nodes ?? []) nodes.set(`${pk}:${n.id}`, { n, pk });
  }
  const ancestors = (entry, into) => {
    for (let cur = entry; cur; ) {
      const parent = cur.n.parent === undefined ? null : nodes.get(`${cur.pk}:${cur.n.parent}`) ?? null;
      if (!parent) break;
      const f = parent.n.callFrame ?? {};
      if (!(f.url ?? '').startsWith('chrome-extension://')) break;
      // The script's top level (an anonymous frame right under the root) runs everything.
      const grand = parent.n.parent === undefined ? null : nodes.get(`${parent.pk}:${parent.n.parent}`);
      if (!f.functionName && grand && !(grand.n.callFrame?.url ?? '').startsWith('chrome-extension://')) break;
      into.add(key(f));
      cur = parent;
    }
  };
  const toExtraction = new Set();
  const toOther = new Set();
  for (const entry of nodes.values()) {
    const f = entry.n.callFrame ?? {};
    if (!(f.url ?? '').startsWith('chrome-extension://')) continue;
    if (MARKERS.has(f.functionName)) { toExtraction.add(key(f)); ancestors(entry, toExtraction); }
    if (OTHER.has(f.functionName)) ancestors(entry, toOther);
  }
  for (const entry of nodes.values()) {
    const f = entry.n.callFrame ?? {};
    if (SESSION.has(f.functionName) || (toOther.has(key(f)) && !MARKERS.has(f.functionName))) toExtraction.delete(key(f));
  }
  return toExtraction;
}

/**
 * Compiling the extension's own scripts on renderer main threads (ms): V8's top-level compile of
 * each chrome-extension:// script or module (a listed content script is compiled there; a module
 * streams in on a background thread and only its finishing step is left), minus the Kontext
 * samples that fell inside it, so nothing is counted twice.
 */
export function contentScriptCompile(events, mains, samples) {
  const compiles = events.filter((e) => e.ph === 'X' && e.dur > 0 && (e.name === 'v8.compile' || e.name === 'v8.compileModule') && mains.has(`${e.pid}:${e.tid}`)
    && String(e.args?.data?.url ?? e.args?.fileName ?? '').startsWith('chrome-extension://'));
  let ms = 0;
  for (const c of compiles) ms += c.dur / 1000;
  let sampled = 0;
  for (const [ts, dur] of samples) if (compiles.some((c) => ts >= c.ts && ts < c.ts + c.dur)) sampled += dur;
  return { ms, unsampled: Math.max(0, ms - sampled) };
}

/**
 * Kontext's main-thread CPU (and the part in article extraction), the longest
 * task holding any Kontext sample (with Kontext's share of it), and the longest
 * Kontext task outside extraction (messages, highlight preparation, painting, popups).
 */
export function summarise(events) {
  const mains = mainThreads(events);
  const byThread = tasksOf(events, mains);
  const samples = kontextSamples(events, mains);
  const compile = contentScriptCompile(events, mains, samples);
  const perTask = new Map();
  const cursor = new Map();
  let cpu = 0, extractCpu = 0, loose = null, prevEnd = -Infinity;
  for (const [ts, dur, inExtract, fn, thread] of samples) {
    cpu += dur;
    if (inExtract) extractCpu += dur;
    const tasks = byThread.get(thread) ?? [];
    let i = cursor.get(thread) ?? 0;
    while (i < tasks.length && tasks[i].end < ts) i++;
    cursor.set(thread, i);
    let t = tasks[i];
    if (!t || t.ts > ts) {
      // Not inside a traced task (script injection runs outside the toplevel events): a run of
      // back-to-back Kontext samples then stands for one task, which can only under-count it.
      if (!loose || ts - prevEnd > 1500) loose = { ts, end: ts, cpu: 0 };
      loose.end = ts + dur * 1000;
      loose.cpu = loose.end - loose.ts;
      t = loose;
    }
    prevEnd = ts + dur * 1000;
    const acc = perTask.get(t) ?? { k: 0, x: 0 };
    acc.k += dur;
    if (inExtract) acc.x += dur;
    if (process.env.KONTEXT_BENCH_DEBUG) { acc.fns ??= new Map(); acc.fns.set(fn || '(anon)', (acc.fns.get(fn || '(anon)') ?? 0) + dur); }
    perTask.set(t, acc);
  }
  let best = { taskMs: 0, kontextMs: 0 };
  let rest = 0, restCpu = 0, taskCpu = 0;
  for (const [t, acc] of perTask) {
    const ms = (t.end - t.ts) / 1000;
    const cpuMs = t.cpu / 1000;
    if (ms > best.taskMs) best = { taskMs: ms, kontextMs: acc.k };
    if (cpuMs > taskCpu) taskCpu = cpuMs;
    if (acc.x === 0 && ms > rest) rest = ms;
    if (acc.x === 0 && cpuMs > restCpu) restCpu = cpuMs;
  }
  const over50 = [...perTask.keys()].filter((t) => t.end - t.ts > 50_000).length;
  if (process.env.KONTEXT_BENCH_DEBUG) {
    const top = [...perTask].sort((a, b) => (b[0].end - b[0].ts) - (a[0].end - a[0].ts)).slice(0, 4);
    process.stderr.write(top.map(([t, a]) => `  task ${((t.end - t.ts) / 1000).toFixed(1)} ms (thread CPU ${(t.cpu / 1000).toFixed(1)}): Kontext ${a.k.toFixed(1)}, extraction ${a.x.toFixed(1)}${a.fns ? ' ' + [...a.fns].sort((x, y) => y[1] - x[1]).slice(0, process.env.KONTEXT_BENCH_DEBUG === 'stacks' ? 8 : 4).map(([f, v]) => `${f} ${v.toFixed(1)}`).join(process.env.KONTEXT_BENCH_DEBUG === 'stacks' ? '\n      ' : ', ') : ''}\n    in it: ${eventsIn(events, mains, t)}`).join('\n') + '\n');
  }
  cpu += compile.unsampled;
  return { cpu, compileMs: compile.ms, extractCpu, ...best, taskCpuMs: taskCpu, restTaskMs: rest, restTaskCpuMs: restCpu, tasksWithKontext: perTask.size, over50, samples: samples.length };
}

/** Debug: the traced events inside a task (renderer main threads), by name, time summed over the outermost ones. */
function eventsIn(events, mains, t) {
  const inside = events.filter((e) => e.ph === 'X' && e.dur > 0 && mains.has(`${e.pid}:${e.tid}`) && e.ts >= t.ts && e.ts + e.dur <= t.end
    && e.name !== 'RunTask' && e.cat !== 'toplevel').sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const by = new Map();
  let outerEnd = -Infinity;
  for (const e of inside) {
    const outer = e.ts >= outerEnd;
    if (outer) outerEnd = e.ts + e.dur;
    const k = (outer ? '' : '·') + e.name;
    by.set(k, (by.get(k) ?? 0) + e.dur / 1000);
  }
  return [...by].sort((a, b) => b[1] - a[1]).slice(0, 7).map(([n, v]) => `${n} ${v.toFixed(1)}`).join(', ');
}

/** Debug (KONTEXT_BENCH_DEBUG=stacks): a sample's innermost frames, "leaf < caller < …". */
function stackOf(nodes, id) {
  const names = [];
  for (let n = nodes.get(id); n && names.length < 6; n = n.parent !== undefined ? nodes.get(n.parent) : undefined) {
    const f = n.callFrame ?? {};
    if (f.functionName === '(root)') break;
    names.push(f.functionName || '(anon)');
  }
  return names.join(' < ');
}
