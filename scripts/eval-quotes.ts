/**
 * `npm run eval:quotes`: measures direct-quote detection and speaker
 * attribution on the seed gold file and on two attribution corpora (dev
 * splits only; they are evaluation-only material, nothing is learned from
 * them). Definitions follow issue 4:
 *  - a predicted quote (kind 'direct', confidence ≥ 0.5, not inside another
 *    predicted quote) matches a gold direct quote when they overlap by at
 *    least half of the longer span, quote marks and outer whitespace ignored;
 *    "exact" additionally requires identical spans;
 *  - speaker accuracy is the share of matched quotes (with a gold speaker)
 *    whose predicted speaker is right: the predicted speaker mention
 *    overlaps the gold speaker span, or the predicted name shares a name
 *    word with the gold speaker text. Gold pronouns are not resolved in
 *    these corpora, so for them only the mention overlap can count.
 * Corpora that are absent are skipped with a message.
 * Options: --verbose (list misses), --doc=ID (print predictions for matching documents),
 * --no-entities (run without the entity tagger, i.e. the name heuristics only).
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tokenize, splitSentences } from '../src/core/tokenize.ts';
import { findQuotes } from '../src/core/quotes/index.ts';
import type { EntityDetail, Lang, QuoteDetail, Span } from '../src/core/types.ts';
import type { Sentence, Token } from '../src/core/tokenize.ts';

type Tagger = (text: string, tokens: Token[], sentences: Sentence[]) => EntityDetail[];

/**
 * The entity tagger as the product runs it. Loaded dynamically so that the
 * quote evaluation still runs (without entities, saying so) when the tagger
 * or the knowledge pack cannot be loaded.
 */
async function loadTagger(lang: Lang): Promise<Tagger> {
  if (process.argv.includes('--no-entities')) return () => [];
  try {
    const ner = await import('../src/core/ner/index.ts');
    const { KnowledgeBase } = await import('../src/core/knowledge/index.ts');
    const knowledge = KnowledgeBase.default();
    const model = await ner.loadNerModel(lang);
    return (text, tokens, sentences) => ner.recognizeEntities({ text, tokens, sentences, lang, knowledge, model });
  } catch (e) {
    console.log(`entity tagger unavailable (${String(e).split('\n')[0]}): evaluating ${lang} without entities`);
    return () => [];
  }
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CORPORA = join(ROOT, '..', 'shared', 'corpora');
const THRESHOLD = 0.5;
const DEBUG_DOC = process.argv.find((a) => a.startsWith('--doc='))?.slice(6) ?? null;

interface GoldQuote extends Span {
  speakerSpans: Span[];
  speakerText: string | null;
}

interface Doc {
  id: string;
  text: string;
  gold: GoldQuote[];
}

interface Tally {
  docs: number;
  gold: number;
  pred: number;
  matched: number;
  exact: number;
  withSpeaker: number;
  speakerRight: number;
  ms: number;
  chars: number;
}

const STOP = new Set(['der', 'die', 'das', 'des', 'dem', 'den', 'the', 'and', 'und', 'von', 'of', 'ein', 'eine', 'einer', 'a', 'an', 'mr', 'mrs', 'ms']);

function stripMarks(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /[\s„“”"'‚‘’«»‹›]/u.test(text[s]!)) s++;
  while (e > s && /[\s„“”"'‚‘’«»‹›]/u.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function nameWords(s: string): Set<string> {
  return new Set(
    s.toLowerCase().replace(/['’]s\b/gu, '').split(/[^\p{L}\p{N}-]+/u).filter((w) => w.length >= 3 && !STOP.has(w)),
  );
}

function speakerRight(q: QuoteDetail, g: GoldQuote): boolean {
  if (q.speakerMention && g.speakerSpans.some((s) => overlap(s, q.speakerMention!) > 0)) return true;
  if (!q.speaker || !g.speakerText) return false;
  const gw = nameWords(g.speakerText);
  for (const w of nameWords(q.speaker.name)) if (gw.has(w)) return true;
  return false;
}

/** Keep confident direct quotes that are not inside another kept quote. */
function outermost(quotes: QuoteDetail[]): QuoteDetail[] {
  const kept = quotes.filter((q) => q.kind === 'direct' && q.confidence >= THRESHOLD);
  return kept.filter((q) => !kept.some((o) => o !== q && o.start <= q.start && o.end >= q.end && (o.start < q.start || o.end > q.end)));
}

async function evaluate(docs: Doc[], lang: Lang, onMiss?: (d: Doc, kind: string, s: Span, extra: string) => void): Promise<Tally> {
  const tag = await loadTagger(lang);
  const t: Tally = { docs: docs.length, gold: 0, pred: 0, matched: 0, exact: 0, withSpeaker: 0, speakerRight: 0, ms: 0, chars: 0 };
  for (const d of docs) {
    const tokens = tokenize(d.text);
    const sentences = splitSentences(d.text, tokens, lang);
    const entities = tag(d.text, tokens, sentences);
    const t0 = performance.now();
    const pred = outermost(findQuotes({ text: d.text, tokens, sentences, lang, entities }));
    if (DEBUG_DOC && d.id.includes(DEBUG_DOC)) {
      for (const q of pred) {
        const m = q.speakerMention ? d.text.slice(q.speakerMention.start, q.speakerMention.end) : '-';
        const c = q.cue ? d.text.slice(q.cue.start, q.cue.end) : '-';
        console.log(`PRED\t${q.confidence}\t${JSON.stringify(q.text.slice(0, 50))}\t${q.speaker?.name ?? 'null'}\tmention=${m}\tcue=${c}`);
      }
    }
    t.ms += performance.now() - t0;
    t.chars += d.text.length;
    t.gold += d.gold.length;
    t.pred += pred.length;
    const used = new Set<QuoteDetail>();
    for (const g of d.gold) {
      let best: QuoteDetail | null = null;
      for (const q of pred) {
        if (used.has(q)) continue;
        const need = Math.max(g.end - g.start, q.end - q.start) / 2;
        if (overlap(g, q) >= need && (!best || overlap(g, q) > overlap(g, best))) best = q;
      }
      if (!best) {
        onMiss?.(d, 'FN', g, '');
        continue;
      }
      used.add(best);
      t.matched++;
      if (best.start === g.start && best.end === g.end) t.exact++;
      if (g.speakerSpans.length > 0 || g.speakerText) {
        t.withSpeaker++;
        if (speakerRight(best, g)) t.speakerRight++;
        else onMiss?.(d, 'SPK', g, `pred=${best.speaker?.name ?? 'null'} gold=${g.speakerText ?? ''}`);
      }
    }
    for (const q of pred) if (!used.has(q)) onMiss?.(d, 'FP', q, `conf=${q.confidence}`);
  }
  return t;
}

function readJsonl(path: string): unknown[] {
  return gunzipSync(readFileSync(path)).toString('utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as unknown);
}

interface UhhSpan { charBegin: number; charEnd: number }
interface UhhRole { text?: string; spans?: UhhSpan[] }
interface UhhDoc { documentName: string; originalText: string; annotations: { type: string; quote?: UhhRole; speaker?: UhhRole }[] }

function loadUhh(path: string): Doc[] {
  return (readJsonl(path) as UhhDoc[]).map((d) => {
    const seen = new Map<string, GoldQuote>();
    for (const a of d.annotations) {
      if (a.type !== 'Direct' || !a.quote?.spans?.length) continue;
      const spans = a.quote.spans;
      const span = stripMarks(d.originalText, Math.min(...spans.map((s) => s.charBegin)), Math.max(...spans.map((s) => s.charEnd)));
      const key = `${span.start}:${span.end}`;
      const g = seen.get(key) ?? { ...span, speakerSpans: [], speakerText: null };
      for (const s of a.speaker?.spans ?? []) g.speakerSpans.push({ start: s.charBegin, end: s.charEnd });
      if (a.speaker?.text) g.speakerText = g.speakerText ? `${g.speakerText} ${a.speaker.text}` : a.speaker.text;
      seen.set(key, g);
    }
    return { id: d.documentName, text: d.originalText, gold: [...seen.values()] };
  });
}

interface PolDoc { filename: string; text: string; annotations: { annotator: string; ann: string }[] }

/** Quoted strings inside a Content span: curly pairs, straight pairs, English multi-paragraph continuation. */
function quotedStrings(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let open = -1;
  let mark = '';
  for (let i = start; i < end; i++) {
    let ch = text[i]!;
    // ''…'' (doubled apostrophes, NYT archive style) is a double quote
    const doubled = ch === "'" && text[i + 1] === "'";
    if (doubled) ch = '"';
    if (ch === '\n' && open >= 0) {
      let j = i;
      while (j < end && /\s/u.test(text[j]!)) j++;
      if (text[j] === mark || (mark === '"' && text.startsWith("''", j))) i = text[j] === "'" ? j + 1 : j;
      else open = -1;
      continue;
    }
    const prev = text[i - 1] ?? ' ';
    const next = text[i + (doubled ? 2 : 1)] ?? ' ';
    if (open < 0 && (ch === '“' || (ch === '"' && !/[\p{L}\p{N}]/u.test(prev)))) {
      open = i;
      mark = ch;
    } else if (open >= 0 && ((mark === '“' && ch === '”') || (mark === '"' && ch === '"' && !/\s/u.test(prev) && !/[\p{L}\p{N}]/u.test(next)))) {
      const s = stripMarks(text, open, i + (doubled ? 2 : 1));
      if (s.end > s.start) out.push(s);
      open = -1;
    }
    if (doubled) i++;
  }
  return out;
}

function loadPolnear(path: string): Doc[] {
  return (readJsonl(path) as PolDoc[]).map((d) => {
    const ann = d.annotations[0]?.ann ?? '';
    const spans = new Map<string, { type: string; spans: Span[]; text: string }>();
    const links: Map<string, string>[] = [];
    for (const line of ann.split('\n')) {
      const [id, info, txt] = line.split('\t');
      if (!id || !info) continue;
      if (id.startsWith('T')) {
        const [type, ...rest] = info.split(' ');
        const segs = rest.join(' ').split(';').map((p) => p.split(' ').map(Number)).map(([a, b]) => ({ start: a!, end: b! }));
        spans.set(id, { type: type!, spans: segs, text: txt ?? '' });
      } else if (id.startsWith('E')) {
        links.push(new Map(info.split(' ').map((p) => p.split(':') as [string, string])));
      }
    }
    const gold: GoldQuote[] = [];
    for (const link of links) {
      const content = spans.get(link.get('Content') ?? '');
      if (!content) continue;
      const source = spans.get(link.get('Source') ?? '');
      const hullStart = Math.min(...content.spans.map((s) => s.start));
      const hullEnd = Math.max(...content.spans.map((s) => s.end));
      for (const q of quotedStrings(d.text, hullStart, hullEnd)) {
        gold.push({ ...q, speakerSpans: source?.spans ?? [], speakerText: source?.text ?? null });
      }
    }
    return { id: d.filename, text: d.text, gold };
  });
}

function loadSeed(): Doc | null {
  const txt = join(ROOT, 'fixtures', 'hanoi-summit-rnd-dpa.txt');
  const goldPath = join(ROOT, 'fixtures', 'hanoi-summit-rnd-dpa.gold.json');
  if (!existsSync(txt) || !existsSync(goldPath)) return null;
  const text = readFileSync(txt, 'utf8');
  const g = JSON.parse(readFileSync(goldPath, 'utf8')) as { quotes: { text: string; speaker: string }[] };
  let from = 0;
  const gold: GoldQuote[] = g.quotes.map((q) => {
    const start = text.indexOf(q.text, from);
    from = start + q.text.length;
    return { start, end: start + q.text.length, speakerSpans: [], speakerText: q.speaker };
  });
  return { id: 'seed', text, gold };
}

function pct(a: number, b: number): string {
  return b === 0 ? '   -  ' : (a / b).toFixed(3).padStart(6);
}

function row(name: string, t: Tally): string {
  const p = t.matched / Math.max(1, t.pred);
  const r = t.matched / Math.max(1, t.gold);
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  const pe = t.exact / Math.max(1, t.pred);
  const re = t.exact / Math.max(1, t.gold);
  const fe = pe + re === 0 ? 0 : (2 * pe * re) / (pe + re);
  return [
    name.padEnd(30), String(t.docs).padStart(5), String(t.gold).padStart(6), String(t.pred).padStart(6),
    pct(t.matched, t.pred), pct(t.matched, t.gold), f1.toFixed(3).padStart(6), fe.toFixed(3).padStart(8),
    `${t.speakerRight}/${t.withSpeaker}`.padStart(9), pct(t.speakerRight, t.withSpeaker),
    ((t.ms / Math.max(1, t.chars)) * 10000).toFixed(2).padStart(8),
  ].join(' ');
}

async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  const header = [
    'corpus'.padEnd(30), 'docs'.padStart(5), 'gold'.padStart(6), 'pred'.padStart(6), '     P', '     R', '    F1',
    'F1exact'.padStart(8), 'spk'.padStart(9), ' spkAcc', 'ms/10k'.padStart(8),
  ].join(' ');
  const rows: string[] = [];
  const log = verbose
    ? (d: Doc, kind: string, s: Span, extra: string): void => {
        console.log(`${kind}\t${d.id.slice(0, 40)}\t${JSON.stringify(d.text.slice(s.start, s.end).slice(0, 90))}\t${extra}\t…${JSON.stringify(d.text.slice(Math.max(0, s.start - 70), s.start))}`);
      }
    : undefined;

  const seed = loadSeed();
  if (seed) {
    const t = await evaluate([seed], 'de', log);
    rows.push(row('seed (hanoi-summit-rnd-dpa)', t));
  } else console.log('seed fixture missing: skipped');

  const uhh = join(CORPORA, 'quotes-de-wikinews-uhh2024', 'dev.jsonl.gz');
  if (existsSync(uhh)) rows.push(row('quotes-de-wikinews-uhh2024 dev', await evaluate(loadUhh(uhh), 'de', log)));
  else console.log(`skipped quotes-de-wikinews-uhh2024: ${uhh} not found (../shared absent)`);

  const pol = join(CORPORA, 'quotes-en-polnear', 'dev.jsonl.gz');
  if (existsSync(pol)) rows.push(row('quotes-en-polnear dev', await evaluate(loadPolnear(pol), 'en', log)));
  else console.log(`skipped quotes-en-polnear: ${pol} not found (../shared absent)`);

  console.log(header);
  for (const r of rows) console.log(r);
  console.log(`P/R/F1: overlap ≥ half the longer span; F1exact: identical spans; spkAcc over matched quotes with a gold speaker; confidence ≥ ${THRESHOLD}.`);
}

await main();
