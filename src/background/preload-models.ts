/**
 * Entity models for the background. Chrome forbids import() in extension
 * service workers ("import() is disallowed on ServiceWorkerGlobalScope"),
 * and the engine's own loadNerModel() loads models with a lazy import(). So
 * the worker imports the model data statically and hands the engine a ready
 * model through analyzeTextAsync's `nerModel` option; the tagger is built
 * from the data once per language, on first use.
 */
import type { Lang } from '../core/types.ts';
import { nerModelFromTagger, type NerModel } from '../core/ner/index.ts';
import { taggerFromSerialized } from '../core/ner/tagger.ts';
import de from '../core/ner/model/de.ts';
import en from '../core/ner/model/en.ts';

const DATA = { de, en } as const;
const built = new Map<Lang, NerModel>();

export function nerModelFor(lang: Lang): NerModel {
  let m = built.get(lang);
  if (!m) {
    m = nerModelFromTagger(taggerFromSerialized(DATA[lang]));
    built.set(lang, m);
  }
  return m;
}
