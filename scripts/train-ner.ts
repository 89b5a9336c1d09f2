/**
 * `npm run train:ner`: trains the German and English entity taggers from
 * the CC-BY corpora in ../shared/corpora and writes the shipped weights to
 * src/core/ner/model/{de,en}.ts. Deterministic (fixed seed): running it
 * again reproduces the same files. The corpus loaders here are shared with
 * scripts/eval-ner.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { EntityType, Lang } from '../src/core/types.ts';
import { tokenize } from '../src/core/tokenize.ts';
import { Gazetteer } from '../src/core/gazetteer/index.ts';
import { addCorpusNames, addNameList } from '../src/core/gazetteer/build.ts';
import { countryNames } from '../src/core/gazetteer/countries.ts';
import { buildClusters } from '../src/core/gazetteer/clusters.ts';
import { parseConll2, parseGermEval, parseGumDoc, type CorpusSentence } from '../src/core/ner/corpus.ts';
import { documentFolds, type AuxCorpus, fitTemperature, fitThresholds, outOfFoldPredictions, trainTagger } from '../src/core/ner/pipeline.ts';
import { encodeModel } from '../src/core/ner/codec.ts';
import type { TrainOptions } from '../src/core/ner/train.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CORPORA = join(ROOT, '..', 'shared', 'corpora');
export const SEED = 20260225;
export const EPOCHS = 10;
export const MIN_COUNT = 2;
/** Epochs of the probe model whose held-out tenth fixes the confidence temperature. */
export const PROBE_EPOCHS = 6;

export function corporaPresent(): boolean {
  return existsSync(join(CORPORA, 'germeval2014')) && existsSync(join(CORPORA, 'gum-en'));
}

function readMaybeGz(path: string): string {
  const buf = readFileSync(path);
  return path.endsWith('.gz') ? gunzipSync(buf).toString('utf8') : buf.toString('utf8');
}

/** GermEval 2014 dev + test-a (the German training and cross-validation data). */
export function loadGermEval(): CorpusSentence[] {
  return ['NER-de-dev.tsv', 'NER-de-test-a.tsv'].flatMap((f) => parseGermEval(readMaybeGz(join(CORPORA, 'germeval2014', f))));
}

const EXTRA_FILES: Record<string, string[]> = {
  smartdata: ['smartdata/smartdata.all.minus_mobie.tsv.gz'],
  mobie: ['mobie/mobie.train.tsv.gz', 'mobie/mobie.dev.tsv.gz', 'mobie/mobie.test.tsv.gz'],
  europeana: ['europeana_de/europeana_de.all.tsv.gz'],
};

/** german-ner-extra per corpus: SmartData, MobIE, Europeana (PER/LOC/ORG only). */
export function loadGermanExtraCorpora(): AuxCorpus[] {
  return Object.entries(EXTRA_FILES).map(([name, files]) => ({
    name,
    sentences: files.flatMap((f) => {
      const p = join(CORPORA, 'german-ner-extra', f);
      return existsSync(p) ? parseConll2(readMaybeGz(p)) : [];
    }),
  }));
}

/** german-ner-extra as one list (the German gazetteer and word classes). */
export function loadGermanExtra(): CorpusSentence[] {
  return loadGermanExtraCorpora().flatMap((c) => c.sentences);
}

/**
 * german-ner-extra corpora used as auxiliary training data for German
 * (feature augmentation, see pipeline.ts; measured in docs/ner.md).
 */
export const GERMAN_AUX = ['smartdata', 'mobie', 'europeana'];

/**
 * Auxiliary training corpora for German, with a gazetteer that lacks the
 * names and priors learnt from them (country names, GUM's names and the
 * word classes of `gaz` only); see AuxCorpus.
 */
export function germanAux(gaz: Gazetteer): AuxCorpus[] {
  const own = buildGazetteer('de', [], loadGum('train').concat(loadGum('dev')));
  for (const [w, c] of gaz.clusters) own.clusters.set(w, c);
  return loadGermanExtraCorpora()
    .filter((c) => GERMAN_AUX.includes(c.name))
    .map((c) => ({ ...c, gazetteer: own }));
}

export function loadGum(split: 'train' | 'dev'): CorpusSentence[] {
  return readMaybeGz(join(CORPORA, 'gum-en', `${split}.jsonl`))
    .split('\n')
    .filter((l) => l.trim())
    .flatMap(parseGumDoc);
}

const words = (s: string): string[] => tokenize(s).map((t) => t.text);

/**
 * The gazetteer for a language. German: country names (de+en), the names
 * and word priors of german-ner-extra, GUM's names, and word classes learnt
 * from german-ner-extra's text. English: country names, the names annotated
 * in the German corpora (most people, places and firms are spelt the same)
 * and word classes from `englishText`. Neither includes the data its own
 * evaluation is run on.
 */
export function buildGazetteer(
  lang: Lang,
  extra: readonly CorpusSentence[],
  other: readonly CorpusSentence[],
  englishText: readonly CorpusSentence[] = [],
): Gazetteer {
  const g = new Gazetteer();
  addNameList(g, [...countryNames('de'), ...countryNames('en')], 'LOC', words);
  if (lang === 'de') {
    addCorpusNames(g, extra, { minSingleCount: 2, priors: true });
    addCorpusNames(g, other, { minSingleCount: 2, priors: false });
  } else {
    addCorpusNames(g, [...extra, ...other], { minSingleCount: 2, priors: false });
  }
  const text = (lang === 'de' ? extra : englishText).map((s) => s.words);
  for (const [w, c] of buildClusters(text, CLUSTERS)) g.clusters.set(w, c);
  return g;
}

/** Word classes: two granularities over the 300 most frequent neighbours. */
const CLUSTERS = { minCount: 3, contexts: 300, ks: [64, 256], iterations: 8 };

export function trainOptions(log: boolean): TrainOptions {
  return { epochs: EPOCHS, seed: SEED, minCount: MIN_COUNT, log: log ? (l) => console.log(l) : undefined };
}

/**
 * GUM's genres closest to the pages Kontext reads: Wikinews news and interviews, Wikipedia
 * biographies. The English display thresholds are fitted on these documents' held-out
 * predictions; conversation, vlog, court, travel-guide, textbook and academic prose (the rest
 * of GUM) are not what the reader's highlights are for, and their names behave differently
 * (street and venue names taken for people in travel guides, for one).
 */
export const NEWS_LIKE_GUM_GENRES: readonly string[] = ['news', 'interview', 'bio'];

/** Whether a GUM document id ("GUM_news_…") is of a news-like genre. */
export function isNewsLikeGum(doc: string | undefined): boolean {
  const genre = doc?.split('_')[1];
  return genre !== undefined && NEWS_LIKE_GUM_GENRES.includes(genre);
}

/** The United Kingdom's constituent countries, which ISO's list (and so i18n-iso-countries) leaves out. */
const UK_COUNTRIES = ['England', 'Scotland', 'Wales', 'Northern Ireland', 'Schottland', 'Nordirland'];

/** Names for which LOC and ORG are one referent when fitting display thresholds (see fitThresholds). */
export function countryReferents(): ReadonlySet<string> {
  return new Set([...countryNames('de'), ...countryNames('en'), ...UK_COUNTRIES]);
}

/**
 * Display thresholds as the shipped model gets them: out-of-fold predictions over `sentences`
 * (for English only those of news-like GUM documents), country names counting as one referent
 * whether marked LOC or ORG.
 */
export function displayThresholds(
  lang: Lang, sentences: readonly CorpusSentence[], gaz: Gazetteer, temperature: number, aux: readonly AuxCorpus[] = [],
): Record<EntityType, number> {
  const held = outOfFoldPredictions(lang, sentences, gaz, temperature, { ...trainOptions(false), epochs: PROBE_EPOCHS }, aux);
  return fitThresholds(lang === 'en' ? held.filter((h) => isNewsLikeGum(h.doc)) : held, undefined, countryReferents());
}

function writeModel(lang: Lang, sentences: CorpusSentence[], gaz: Gazetteer, source: string, aux: readonly AuxCorpus[] = []): void {
  const t0 = Date.now();
  // temperature from a 90/10 split by document, display thresholds from 5-fold out-of-fold predictions, then the final model on everything
  const fold = documentFolds(sentences, 10);
  const held = sentences.filter((_, i) => fold[i] === 0);
  const rest = sentences.filter((_, i) => fold[i] !== 0);
  const probe = trainTagger(lang, rest, gaz, { ...trainOptions(false), epochs: PROBE_EPOCHS }, aux);
  const temperature = fitTemperature(probe, held);
  const thresholds = displayThresholds(lang, sentences, gaz, temperature, aux);
  console.log(`[${lang}] temperature ${temperature}, display thresholds ${JSON.stringify(thresholds)}`);
  const tagger = trainTagger(lang, sentences, gaz, trainOptions(true), aux);
  const model = encodeModel(tagger.weights, {
    lang,
    temperature,
    thresholds,
    gazetteer: gaz.serialize(),
    meta: { source, sentences: sentences.length, seed: SEED, epochs: EPOCHS, minCount: MIN_COUNT },
  });
  const out = join(ROOT, 'src', 'core', 'ner', 'model', `${lang}.ts`);
  const body =
    `// Generated by scripts/train-ner.ts (npm run train:ner). Do not edit: retrain instead.\n` +
    `// Trained on ${source}; see docs/ner.md for licences and attribution.\n` +
    `import type { SerializedModel } from '../codec.ts';\n\n` +
    `const model: SerializedModel = ${JSON.stringify(model)};\n\nexport default model;\n`;
  writeFileSync(out, body);
  console.log(`[${lang}] wrote ${out}: ${(body.length / 1e6).toFixed(2)} MB, ${model.meta['features']} features, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

function main(): void {
  if (!corporaPresent()) {
    console.log(`train:ner skipped: corpora not found at ${CORPORA}`);
    return;
  }
  const only = process.argv[2];
  const germeval = loadGermEval();
  const extra = loadGermanExtra();
  const gumTrain = loadGum('train');
  const gumDev = loadGum('dev');
  if (!only || only === 'de') {
    const gaz = buildGazetteer('de', extra, [...gumTrain, ...gumDev]);
    const aux = germanAux(gaz);
    const source = `GermEval 2014 dev+test-a (CC BY 4.0)${aux.length ? `, with german-ner-extra ${aux.map((c) => c.name).join('/')} as auxiliary data` : ''}`;
    writeModel('de', germeval, gaz, source, aux);
  }
  if (!only || only === 'en') {
    writeModel('en', [...gumTrain, ...gumDev], buildGazetteer('en', extra, germeval, [...gumTrain, ...gumDev]), 'GUM V11.1.0 train+dev (CC BY 4.0 annotations)');
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
