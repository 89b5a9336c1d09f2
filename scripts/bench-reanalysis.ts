/**
 * Re-analysis of a page that changed, in Node, figures side by side in one run:
 * on the generated 1 MB article (scripts/hostile), the engine time of
 *   - a full analysis (no cache, what every re-analysis cost before),
 *   - a first analysis that fills a per-tab AnalysisCache,
 *   - a re-analysis after one paragraph was appended ("load more"),
 *   - a re-analysis after one post was prepended (live blog),
 * with the tagger calls each made. Times are CPU time of this process (user +
 * system), which other load on a shared machine disturbs far less than wall
 * time; each case is the fastest of a few rounds (a fresh paragraph every
 * round, so the cache never knows it beforehand).
 *
 *   npx tsx scripts/bench-reanalysis.ts [--quick]
 */
import { isDeepStrictEqual } from 'node:util';
import { analyzeText } from '../src/core/analyze-text.ts';
import { AnalysisCache } from '../src/core/analysis-cache.ts';
import { loadNerModel } from '../src/core/ner/index.ts';
import { tagSentence, type Tagger } from '../src/core/ner/tagger.ts';
import { extractArticle } from '../src/dom/article/index.ts';
import { parseHtmlString } from '../src/node/parse-html.ts';
import { buildHostilePages } from './hostile/generate.ts';
import { createRng } from './hostile/rng.ts';
import { createTextGen } from './hostile/text-gen.ts';

const ROUNDS = process.argv.includes('--quick') ? 2 : 5;

const html = buildHostilePages().find((p) => p.name === 'article-1mb')!.files['article-1mb.html']!;
const text = extractArticle(parseHtmlString(html))!.article.text;
const model = await loadNerModel('de');
const gen = createTextGen(createRng(7));

let tagCalls = 0;
const counting = (t: Tagger, words: readonly string[]) => { tagCalls++; return tagSentence(t, words); };

interface Row { name: string; ms: number; calls: number }

/**
 * The cases run interleaved, round after round, and each keeps its fastest
 * round: on a shared machine load hits all of them alike.
 */
interface Case { name: string; run: (round: number) => void; best: number; calls: number }
const cache = new AnalysisCache(undefined, counting);
const fresh = Array.from({ length: ROUNDS * 2 }, () => gen.paragraph(3));
let grown = text;
const cases: Case[] = [
  { name: 'full analysis, no cache', run: () => { analyzeText(text, { language: 'de', nerModel: model, cache: new AnalysisCache(undefined, counting) }); }, best: Infinity, calls: 0 },
  { name: 'after 1 appended paragraph, cached', run: (round) => {
    grown = `${text}\n\n${fresh[round]!}`;
    analyzeText(grown, { language: 'de', nerModel: model, cache });
  }, best: Infinity, calls: 0 },
  { name: 'after 1 prepended post, cached', run: (round) => {
    analyzeText(`${fresh[ROUNDS + round]!}\n\n${text}`, { language: 'de', nerModel: model, cache });
  }, best: Infinity, calls: 0 },
  { name: 'same text again, cached', run: () => { analyzeText(text, { language: 'de', nerModel: model, cache }); }, best: Infinity, calls: 0 },
];

analyzeText(text.slice(0, 100_000), { language: 'de', nerModel: model }); // warm-up
analyzeText(text, { language: 'de', nerModel: model, cache }); // the page as first analysed
for (let round = 0; round < ROUNDS; round++) {
  for (const c of cases) {
    const before = tagCalls;
    const cpu0 = process.cpuUsage();
    c.run(round);
    const cpu = process.cpuUsage(cpu0);
    const ms = (cpu.user + cpu.system) / 1000;
    if (ms < c.best) { c.best = ms; c.calls = tagCalls - before; }
  }
}
const rows: Row[] = cases.map((c) => ({ name: c.name, ms: c.best, calls: c.calls }));
const same = isDeepStrictEqual(
  analyzeText(grown, { language: 'de', nerModel: model, cache }),
  analyzeText(grown, { language: 'de', nerModel: model }),
);

const full = rows[0]!.ms;
console.log(`Re-analysis of the 1 MB article (${Math.round(text.length / 1000)} kB of text), fastest of ${ROUNDS}`);
console.log(`${'case'.padEnd(38)}${'CPU ms'.padStart(9)}${'× full'.padStart(9)}${'tagger calls'.padStart(14)}`);
for (const r of rows) console.log(`${r.name.padEnd(38)}${r.ms.toFixed(0).padStart(9)}${(r.ms / full).toFixed(2).padStart(9)}${String(r.calls).padStart(14)}`);
console.log(`cache: ${JSON.stringify(cache.stats())}; cached result identical to uncached: ${same}`);
