/**
 * Named-entity recognition entry point (contract: the exported signatures
 * are called by the engine). The trained tagger (./tagger.ts) finds
 * mentions sentence by sentence; the knowledge pack adds identities and
 * missed names (./mentions.ts); the document pass makes kinds, clusters
 * and canonical names consistent (./document.ts).
 *
 * Models are loaded lazily (dynamic import of ./model/<lang>.ts, a chunk
 * of its own in the extension bundle) and once per language.
 */
import type { EntityDetail, EntityType, Lang } from '../types.ts';
import type { Sentence, Token } from '../tokenize.ts';
import type { KnowledgeBase } from '../knowledge/index.ts';
import type { SerializedModel } from './codec.ts';
import { taggerFromSerialized, type Tagger } from './tagger.ts';
import {
  agencyMentions, mergeKnowledge, modelMentions, withNameSuffixes, withAgeAppositions, withOrganisationHeads, withoutLeadingRoles, withoutPossessedNouns, withRoleIntroducedNames, withStreetNames, type Mention, type SentenceTagFn,
} from './mentions.ts';
import { propagateNames, removeOverlaps, resolveClusters } from './document.ts';

/** Trained weights for one language (opaque to callers). */
export interface NerModel {
  lang: Lang;
}

export interface NerInput {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  lang: Lang;
  knowledge: KnowledgeBase;
  /** The trained model for `lang`; null falls back to knowledge-pack names only. */
  model: NerModel | null;
  /** Optional memoising sentence tagger (re-analysis of a page that changed); the result is the same. */
  tagSentence?: SentenceTagFn;
}

/**
 * Confidence at or above which the UI shows a mention by default when the
 * model has no fitted per-kind threshold (chosen for precision; see docs/ner.md).
 */
export const DEFAULT_DISPLAY_CONFIDENCE = 0.7;

/**
 * The UI's default threshold for a kind of mention: the confidence at which
 * the model reached the precision target on held-out text at training time
 * (PER/LOC 0.90, ORG/MISC 0.85), else DEFAULT_DISPLAY_CONFIDENCE.
 */
export function displayThreshold(model: NerModel | null, type: EntityType): number {
  return taggerOf(model)?.thresholds?.[type] ?? DEFAULT_DISPLAY_CONFIDENCE;
}

const taggers = new WeakMap<NerModel, Tagger>();

/** Wrap a tagger (e.g. one trained in a test) as a NerModel. */
export function nerModelFromTagger(tagger: Tagger): NerModel {
  const model: NerModel = { lang: tagger.lang };
  taggers.set(model, tagger);
  return model;
}

/** The tagger behind a model, or null for a model that carries none. */
export function taggerOf(model: NerModel | null): Tagger | null {
  return model ? taggers.get(model) ?? null : null;
}

async function importModel(lang: Lang): Promise<SerializedModel> {
  const mod = lang === 'de' ? await import('./model/de.ts') : await import('./model/en.ts');
  return mod.default;
}

const loading = new Map<Lang, Promise<NerModel | null>>();

/** Load (once, cached) the model for a language; lazily imported so bundles without it stay small. */
export async function loadNerModel(lang: Lang): Promise<NerModel | null> {
  let p = loading.get(lang);
  if (!p) {
    p = importModel(lang).then(
      (m) => nerModelFromTagger(taggerFromSerialized(m)),
      () => null,
    );
    loading.set(lang, p);
  }
  return p;
}

/** What the recogniser needs from the knowledge base (tests pass a small stand-in). */
export type NameLookup = Pick<KnowledgeBase, 'findNames' | 'displayName'>;

/** All entity mentions, sorted by start, non-overlapping, with clusters and knowledge ids. */
export function recognizeEntities(input: NerInput): EntityDetail[] {
  return recognizeEntitiesWith(input);
}

/** recognizeEntities against any name lookup. */
export function recognizeEntitiesWith(input: Omit<NerInput, 'knowledge'> & { knowledge: NameLookup }): EntityDetail[] {
  const { text, tokens, sentences, lang, knowledge } = input;
  const tagger = taggerOf(input.model);
  const hits = knowledge.findNames(text, lang);
  let mentions: Mention[];
  let pOutside: Float64Array | null = null;
  if (tagger) {
    const tagged = modelMentions(tokens, sentences, lang, tagger, input.tagSentence);
    pOutside = tagged.pOutside;
    const gaz = tagger.gazetteer ?? null;
    // span repairs first (role nouns off, suffixes and street names on, possessed nouns off), then kind and confidence
    mentions = withoutLeadingRoles(tokens, tagged.mentions);
    mentions = withNameSuffixes(tokens, mentions);
    mentions = withoutPossessedNouns(tokens, mentions, lang, gaz);
    mentions = withStreetNames(tokens, mentions, lang);
    mentions = withRoleIntroducedNames(tokens, mentions);
    mentions = withOrganisationHeads(tokens, mentions, gaz);
    mentions = withAgeAppositions(tokens, mentions);
  } else {
    mentions = [];
  }
  mentions = agencyMentions(tokens, removeOverlaps(mergeKnowledge(text, tokens, mentions, hits, pOutside)));
  mentions = removeOverlaps(propagateNames(tokens, mentions, lang, tagger?.gazetteer ?? null));
  return resolveClusters(text, tokens, mentions, lang, knowledge);
}
