// Attributes main-thread CPU to Kontext with V8's sampling profiler (CDP
// Profiler): a sample whose stack holds a chrome-extension:// frame is the
// content script's work. The page's own scripts, parsing and rendering are not
// counted. "Longest burst" is the longest run of consecutive Kontext samples
// (garbage-collector samples inside a run count with it): a lower bound of the
// longest task Kontext causes, since the same task's native work shows up as
// "(program)" and is left out.
const GC = '(garbage collector)';

export async function startProfile(cdp, intervalUs = 200) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
}

export async function stopProfile(cdp) {
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable').catch(() => {});
  return attribute(profile);
}

export function attribute(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const kind = new Map();
  const kindOf = (id) => {
    if (kind.has(id)) return kind.get(id);
    const n = byId.get(id);
    let k = 'other';
    if (n.callFrame.url.startsWith('chrome-extension://')) k = 'ext';
    else if (n.callFrame.functionName === GC) k = 'gc';
    else if (parent.has(id) && kindOf(parent.get(id)) === 'ext') k = 'ext';
    kind.set(id, k);
    return k;
  };
  const { samples, timeDeltas } = profile;
  let total = 0, longest = 0, run = 0, pendingGc = 0, t = 0, longestAt = 0;
  for (let i = 0; i < samples.length; i++) {
    t += timeDeltas[i] ?? 0;
    const dur = (timeDeltas[i + 1] ?? 0) / 1000;
    const k = kindOf(samples[i]);
    if (k === 'ext') {
      total += dur;
      run += pendingGc + dur;
      pendingGc = 0;
      if (run > longest) { longest = run; longestAt = t; }
    } else if (k === 'gc' && run > 0) {
      pendingGc += dur;
    } else {
      run = 0;
      pendingGc = 0;
    }
  }
  return { cpu: total, longest, longestAtUs: longestAt };
}
