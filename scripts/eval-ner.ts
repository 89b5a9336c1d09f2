/**
 * `npm run eval:ner`: exact-span precision/recall/F1 of the entity tagger.
 *
 * - German: 5-fold cross-validation over GermEval 2014 dev + test-a
 *   (outer level, OTH as MISC, -deriv/-part ignored), training setup as in
 *   `npm run train:ner` (german-ner-extra as auxiliary data).
 * - English: trained on GUM train, evaluated on GUM dev.
 * - The seed article (fixtures/): the shipped German model plus the
 *   knowledge pack, through the full document pass, against the 40 gold
 *   PER/LOC/ORG mentions (and their entityIds).
 *
 * Each table also shows precision at the default display confidence.
 * Skips the corpus parts, saying so, when ../shared/corpora is absent.
 *
 * `--f1 [de|en]`: F1 only (no confidences), the quick comparison of two
 * training setups. `--curve [de|en]`: learning curves (F1 with 25/50/75/100 %
 * of the training data) and the fitted training size for the targets.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntityType } from '../src/core/types.ts';
import { tokenize, splitSentences } from '../src/core/tokenize.ts';
import {
  buildGazetteer, corporaPresent, CORPORA, countryReferents, displayThresholds, germanAux, isNewsLikeGum, SEED, loadGermEval, loadGermanExtra, loadGum, PROBE_EPOCHS, trainOptions,
} from './train-ner.ts';
import type { Gazetteer } from '../src/core/gazetteer/index.ts';
import { documentFolds, type AuxCorpus, fitTemperature, fitThresholds, trainTagger, type HeldOutPrediction } from '../src/core/ner/pipeline.ts';
import { tagBest, tagSentence, type Tagger } from '../src/core/ner/tagger.ts';
import { fitLogCurve, nestedDocumentSubset, predictF1, sizeForF1, type CurvePoint } from '../src/core/ner/learning-curve.ts';
import type { CorpusSentence } from '../src/core/ner/corpus.ts';
import { addCounts, emptyTable, formatTable, mergeTables, scores, type ScoreTable } from '../src/core/ner/evaluate.ts';
import { DEFAULT_DISPLAY_CONFIDENCE, loadNerModel, recognizeEntities, taggerOf } from '../src/core/ner/index.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PLO: EntityType[] = ['PER', 'LOC', 'ORG'];

const THRESHOLDS = [0.5, DEFAULT_DISPLAY_CONFIDENCE, 0.9].filter((x, i, a) => a.indexOf(x) === i);

interface Result {
  all: ScoreTable;
  /** One table per threshold in THRESHOLDS, then one at the tagger's fitted per-kind thresholds. */
  confident: ScoreTable[];
}

function tables(preds: readonly HeldOutPrediction[], tagger: Tagger): Result {
  const all = emptyTable();
  const confident = [...THRESHOLDS, -1].map(() => emptyTable());
  for (const { gold, pred } of preds) {
    addCounts(all, gold, pred);
    THRESHOLDS.forEach((th, k) => addCounts(confident[k]!, gold, pred.filter((x) => x.confidence >= th)));
    const fitted = pred.filter((x) => x.confidence >= (tagger.thresholds?.[x.type] ?? DEFAULT_DISPLAY_CONFIDENCE));
    addCounts(confident[THRESHOLDS.length]!, gold, fitted);
  }
  return { all, confident };
}

function precisionLines(tables: readonly ScoreTable[]): string {
  return tables
    .map((t, k) => {
      const parts = (['PER', 'LOC', 'ORG', 'MISC'] as const).map((ty) => {
        const s = scores(t[ty]);
        return `${ty} P ${s.p.toFixed(4)} R ${s.r.toFixed(4)}`;
      });
      if (k === THRESHOLDS.length) return `at the fitted per-kind display thresholds: ${parts.join(', ')}`;
      const mark = THRESHOLDS[k] === DEFAULT_DISPLAY_CONFIDENCE ? ' (fallback display threshold)' : '';
      return `at confidence >= ${THRESHOLDS[k]}${mark}: ${parts.join(', ')}`;
    })
    .join('\n');
}

/** The confidence temperature as `npm run train:ner` sets it: fitted on a tenth held out from training. */
function heldOutTemperature(lang: 'de' | 'en', train: readonly CorpusSentence[], gaz: Gazetteer, aux: readonly AuxCorpus[] = []): number {
  const fold = documentFolds(train, 10);
  const held = train.filter((_, i) => fold[i] === 0);
  const probe = trainTagger(lang, train.filter((_, i) => fold[i] !== 0), gaz, { ...trainOptions(false), epochs: PROBE_EPOCHS }, aux);
  return fitTemperature(probe, held);
}

function germanCv(onlyFirstFold = false): void {
  const t0 = Date.now();
  const sentences = loadGermEval();
  const gaz = buildGazetteer('de', loadGermanExtra(), [...loadGum('train'), ...loadGum('dev')]);
  const aux = germanAux(gaz);
  const taggers: Tagger[] = [];
  const predictions: HeldOutPrediction[][] = [];
  for (let fold = 0; fold < 5; fold++) {
    const train = sentences.filter((_, i) => i % 5 !== fold);
    const test = sentences.filter((_, i) => i % 5 === fold);
    const tagger = trainTagger('de', train, gaz, trainOptions(false), aux);
    tagger.temperature = heldOutTemperature('de', train, gaz, aux);
    taggers.push(tagger);
    predictions.push(test.map((s) => ({ gold: s.spans, pred: tagSentence(tagger, s.words).spans, words: s.words })));
    const t = emptyTable();
    for (const p of predictions[fold]!) addCounts(t, p.gold, p.pred);
    console.log(`  fold ${fold + 1}/5: F1 ${scores(t.ALL).f1.toFixed(4)} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    if (onlyFirstFold) return;
  }
  // each fold's display thresholds come from the other folds' held-out predictions, as train:ner fits them
  let all = emptyTable();
  let confident = [...THRESHOLDS, -1].map(() => emptyTable());
  predictions.forEach((preds, fold) => {
    taggers[fold]!.thresholds = fitThresholds(predictions.filter((_, k) => k !== fold).flat(), undefined, countryReferents());
    const r = tables(preds, taggers[fold]!);
    all = mergeTables(all, r.all);
    confident = confident.map((t, k) => mergeTables(t, r.confident[k]!));
  });
  console.log(formatTable(`German, GermEval 2014 dev+test-a, 5-fold CV (${sentences.length} sentences), exact spans`, all));
  console.log(precisionLines(confident));
}

function englishDev(): void {
  const train = loadGum('train');
  const dev = loadGum('dev');
  const gaz = buildGazetteer('en', loadGermanExtra(), loadGermEval(), train);
  const tagger = trainTagger('en', train, gaz, trainOptions(false));
  tagger.temperature = heldOutTemperature('en', train, gaz);
  tagger.thresholds = displayThresholds('en', train, gaz, tagger.temperature);
  console.log(`display thresholds fitted as train:ner fits them, on GUM train (out of fold, news-like genres): ${JSON.stringify(tagger.thresholds)}`);
  const devPreds = dev.map((s) => ({ gold: s.spans, pred: tagSentence(tagger, s.words).spans, doc: s.doc }));
  const r = tables(devPreds, tagger);
  console.log(formatTable(`English, GUM dev (${dev.length} sentences; trained on GUM train), exact spans`, r.all));
  console.log(precisionLines(r.confident));
  const newsLike = devPreds.filter((p) => isNewsLikeGum(p.doc));
  const rn = tables(newsLike, tagger);
  console.log(`the same on GUM dev's news-like documents (news, interview, bio; ${newsLike.length} sentences):`);
  console.log(precisionLines(rn.confident).split('\n').at(-1));
  const plo = emptyTable();
  for (const s of dev) addCounts(plo, s.spans, tagSentence(tagger, s.words).spans, PLO);
  const s = scores(plo.ALL);
  console.log(`PER/LOC/ORG only: P ${s.p.toFixed(4)} R ${s.r.toFixed(4)} F1 ${s.f1.toFixed(4)}`);
  // speed of the shipped-size model on the dev text
  const words = dev.reduce((n, x) => n + x.words.length, 0);
  for (const x of dev) tagSentence(tagger, x.words);
  const c0 = process.cpuUsage();
  for (let k = 0; k < 3; k++) for (const x of dev) tagSentence(tagger, x.words);
  const used = process.cpuUsage(c0);
  const secs = (used.user + used.system) / 1e6 / 3;
  console.log(`tagging speed: ${Math.round(words / secs)} tokens per CPU second (${words} tokens, features + Viterbi + marginals)`);
}

const CURVE_FRACTIONS = [0.25, 0.5, 0.75, 1];

/** F1 (exact spans, Viterbi output) of a tagger trained on `train`, on `test`. */
function trainAndScore(lang: 'de' | 'en', train: readonly CorpusSentence[], test: readonly CorpusSentence[], gaz: Gazetteer, aux: readonly AuxCorpus[] = []): ScoreTable {
  const tagger = trainTagger(lang, train, gaz, trainOptions(false), aux);
  const t = emptyTable();
  for (const s of test) addCounts(t, s.spans, tagBest(tagger, s.words));
  return t;
}

/** Print a learning curve, its fit F1 = a + b·ln(sentences), and the size the fit gives for `target`. */
function printCurve(title: string, points: readonly CurvePoint[], target: number): void {
  const fit = fitLogCurve(points);
  console.log(title);
  console.log('fraction  sentences  F1      fitted');
  points.forEach((p, k) => {
    console.log(`${String(CURVE_FRACTIONS[k]! * 100).padStart(5)} %  ${String(Math.round(p.size)).padStart(9)}  ${p.f1.toFixed(4)}  ${predictF1(fit, p.size).toFixed(4)}`);
  });
  const need = sizeForF1(fit, target);
  const doubling = fit.slope * Math.log(2);
  console.log(
    `fit: F1 = ${fit.intercept.toFixed(4)} + ${fit.slope.toFixed(4)} * ln(sentences) (+${doubling.toFixed(4)} per doubling); ` +
      `F1 ${target} at about ${Number.isFinite(need) ? Math.round(need).toLocaleString('en') : 'never'} sentences`,
  );
}

/** F1 only (Viterbi output, no confidences): German 5-fold CV and English dev, for quick comparisons of training setups. */
function quickF1(only: string | undefined): void {
  const t0 = Date.now();
  if (!only || only === 'de') {
    const sentences = loadGermEval();
    const gaz = buildGazetteer('de', loadGermanExtra(), [...loadGum('train'), ...loadGum('dev')]);
    const aux = germanAux(gaz);
    let all = emptyTable();
    const folds: string[] = [];
    for (let fold = 0; fold < 5; fold++) {
      const t = trainAndScore('de', sentences.filter((_, i) => i % 5 !== fold), sentences.filter((_, i) => i % 5 === fold), gaz, aux);
      folds.push(scores(t.ALL).f1.toFixed(4));
      all = mergeTables(all, t);
      console.log(`  fold ${fold + 1}/5: F1 ${folds[fold]} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    }
    console.log(formatTable('German 5-fold CV (F1 only)', all));
  }
  if (!only || only === 'en') {
    const train = loadGum('train');
    const t = trainAndScore('en', train, loadGum('dev'), buildGazetteer('en', loadGermanExtra(), loadGermEval(), train));
    console.log(formatTable('English GUM dev (F1 only)', t));
  }
}

/**
 * Learning curves: German CV F1 with 25/50/75/100 % of each training fold
 * (same folds and test sentences throughout), English GUM dev F1 with the
 * same fractions of GUM train (whole documents). Nested subsets, fixed seed.
 */
function curves(only: string | undefined): void {
  if (!only || only === 'de') {
    const sentences = loadGermEval();
    const gaz = buildGazetteer('de', loadGermanExtra(), [...loadGum('train'), ...loadGum('dev')]);
    const tables = CURVE_FRACTIONS.map(() => emptyTable());
    const sizes = CURVE_FRACTIONS.map(() => 0);
    for (let fold = 0; fold < 5; fold++) {
      const train = sentences.filter((_, i) => i % 5 !== fold);
      const test = sentences.filter((_, i) => i % 5 === fold);
      CURVE_FRACTIONS.forEach((f, k) => {
        const sub = nestedDocumentSubset(train, f, SEED + fold);
        sizes[k]! += sub.length / 5;
        tables[k] = mergeTables(tables[k]!, trainAndScore('de', sub, test, gaz));
      });
      console.log(`  fold ${fold + 1}/5 done`);
    }
    printCurve('German learning curve (GermEval 5-fold CV, pooled F1)', CURVE_FRACTIONS.map((_, k) => ({ size: sizes[k]!, f1: scores(tables[k]!.ALL).f1 })), 0.75);
  }
  if (!only || only === 'en') {
    const train = loadGum('train');
    const dev = loadGum('dev');
    const gaz = buildGazetteer('en', loadGermanExtra(), loadGermEval(), train);
    const points = CURVE_FRACTIONS.map((f) => {
      const sub = nestedDocumentSubset(train, f, SEED);
      return { size: sub.length, f1: scores(trainAndScore('en', sub, dev, gaz).ALL).f1 };
    });
    printCurve('English learning curve (GUM train fractions by document, GUM dev F1)', points, 0.7);
  }
}

interface GoldEntity {
  text: string;
  type: EntityType;
  id: string | null;
  start: number;
  end: number;
}

async function seed(): Promise<void> {
  const text = readFileSync(join(ROOT, 'fixtures', 'hanoi-summit-rnd-dpa.txt'), 'utf8');
  const gold = (JSON.parse(readFileSync(join(ROOT, 'fixtures', 'hanoi-summit-rnd-dpa.gold.json'), 'utf8')) as { entities: GoldEntity[] }).entities;
  const { KnowledgeBase } = await import('../src/core/knowledge/index.ts');
  const t0 = performance.now();
  const model = await loadNerModel('de');
  const loadMs = performance.now() - t0;
  if (!taggerOf(model)) {
    console.log('seed: no German model shipped (run npm run train:ner)');
    return;
  }
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens, 'de');
  const input = { text, tokens, sentences, lang: 'de' as const, knowledge: KnowledgeBase.default(), model };
  recognizeEntities(input);
  const t1 = performance.now();
  const found = recognizeEntities(input);
  const ms = performance.now() - t1;
  const table = emptyTable();
  addCounts(table, gold, found, PLO);
  console.log(formatTable('Seed article (fixtures/hanoi-summit-rnd-dpa), shipped model + knowledge pack, PER/LOC/ORG', table, PLO));
  const key = (e: { start: number; end: number; type: string }): string => `${e.start}:${e.end}:${e.type}`;
  const byKey = new Map(found.map((e) => [key(e), e]));
  let idOk = 0;
  let idTotal = 0;
  for (const g of gold) {
    const f = byKey.get(key(g));
    if (!f) console.log(`  missed: ${g.text} (${g.type}) at ${g.start}`);
    if (g.id) {
      idTotal++;
      if (f?.entityId === g.id) idOk++;
    }
  }
  for (const f of found) if (f.type !== 'MISC' && !gold.some((g) => key(g) === key(f))) console.log(`  extra: ${f.text} (${f.type}, ${f.confidence})`);
  console.log(`entityId right on ${idOk}/${idTotal} linked gold mentions; model load ${loadMs.toFixed(0)} ms; seed tagged in ${ms.toFixed(1)} ms`);
}

/**
 * `npm run eval:ner -- en|de|de1|seed` runs one part only (de1: the first
 * German fold; quicker iteration); no argument runs all. `--curve [de|en]`
 * prints the learning curves instead.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--f1') {
    if (corporaPresent()) quickF1(args[1]);
    return;
  }
  if (args[0] === '--curve') {
    if (corporaPresent()) curves(args[1]);
    else console.log(`eval:ner --curve: corpora not found at ${CORPORA}`);
    return;
  }
  const only = args[0];
  if (corporaPresent()) {
    if (!only || only === 'de' || only === 'de1') germanCv(only === 'de1');
    if (!only || only === 'en') englishDev();
  } else {
    console.log(`eval:ner: corpora not found at ${CORPORA}; skipping GermEval and GUM evaluations`);
  }
  if (!only || only === 'seed') await seed();
}

void main();
