/**
 * Country names in German and English from i18n-iso-countries (MIT), for
 * the training-time gazetteer. Kept out of the runtime path: the tagger
 * only ever sees the names as serialized into its model file.
 */
import countries from 'i18n-iso-countries';

/** All official and alternative country names in a language. */
export function countryNames(lang: 'de' | 'en'): string[] {
  const all = countries.getNames(lang, { select: 'all' });
  return Object.values(all).flat();
}
