/**
 * Role nouns ("Präsident", "Ministerpräsidentin", "US-Präsident", "spokeswoman"): the quote
 * attributor resolves them to people, and the entity recogniser keeps them out of person names
 * ("Ministerpräsidentin Dreyer" is Dreyer). Pure string logic.
 */

/**
 * Role nouns that stand for a person introduced with them ("US-Präsident Donald Trump" → "der
 * US-Präsident"), German and English, lower case; a German one also matches with "-in" and as the
 * end of a compound.
 */
export const ROLE_HEADS: readonly string[] = [
  'präsident', 'kanzler', 'minister', 'sprecher', 'chef', 'vorsitzende', 'vorsitzender', 'machthaber', 'regent',
  'bürgermeister', 'abgeordnete', 'abgeordneter', 'senator', 'gouverneur', 'botschafter', 'diplomat', 'anwalt',
  'trainer', 'direktor', 'leiter', 'general', 'kommandeur', 'premier', 'könig', 'papst', 'kandidat', 'politiker',
  'sekretär', 'beauftragte', 'beauftragter', 'richter', 'staatsanwalt', 'ermittler', 'experte', 'forscher',
  'wissenschaftler', 'ökonom', 'analyst', 'manager', 'gründer', 'autor', 'journalist', 'sänger', 'schauspieler',
  'president', 'chancellor', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'chief', 'chairman',
  'chairwoman', 'leader', 'governor', 'mayor', 'candidate', 'nominee', 'ambassador', 'lawyer', 'attorney',
  'director', 'premier', 'representative', 'congressman', 'congresswoman', 'coach', 'ceo', 'official', 'aide',
  'adviser', 'advisor', 'strategist', 'manager', 'chair', 'founder', 'author', 'senator', 'minister', 'king',
  'queen', 'pope', 'prosecutor', 'judge', 'dictator', 'billionaire', 'businessman', 'mogul', 'economist', 'analyst',
];

/**
 * Forms of address and titles of rank that go before a name ("Sir Keir", "Lord Alli", "Frau
 * Merkel", "Dr. Fauci"), lower case. They are part of how the press names a person, but alone
 * they name nobody.
 */
const HONORIFICS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'lord', 'lady', 'baron', 'baroness', 'earl', 'duke',
  'duchess', 'prince', 'princess', 'count', 'countess', 'rev', 'reverend', 'herr', 'frau', 'graf', 'gräfin', 'fürst',
  'fürstin', 'freiherr', 'freifrau', 'st', 'saint',
]);

/** A form of address or title of rank, or a role noun: a word that goes before a person's name without naming anyone. */
export function isTitleWord(lower: string): boolean {
  return HONORIFICS.has(lower) || roleHead(lower) !== null;
}

/** The role head of a lowercased token ("us-präsident" → "präsident", "ministerpräsidentin" → "präsident"), or null. */
const roleMemo = new Map<string, string | null>();
export function roleHead(lower: string): string | null {
  const memo = roleMemo.get(lower);
  if (memo !== undefined) return memo;
  const head = computeRoleHead(lower);
  if (roleMemo.size < 50000) roleMemo.set(lower, head);
  return head;
}

function computeRoleHead(lower: string): string | null {
  const base = lower.replace(/^.*-/u, '');
  for (const r of ROLE_HEADS) {
    if (base === r || base === `${r}in` || (base.endsWith(r) && base.length > r.length + 2) || base.endsWith(`${r}in`)) return r;
  }
  return null;
}
