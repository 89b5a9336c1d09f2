/**
 * Word lists for quote attribution in German and English: speech cue verbs
 * (with their inflected forms generated here, so the lists stay readable),
 * cue nouns and prepositions, pronouns, role nouns, title contexts and
 * first names for a gender guess. All lookups are on lowercased tokens.
 */

/** German weak verb stems: sag → sage, sagt, sagte, sagten, gesagt, … */
const DE_WEAK = [
  'sag', 'erklär', 'beton', 'antwort', 'bezeichn', 'meld', 'bestätig', 'kritisier', 'warn', 'forder', 'erwider',
  'ergänz', 'behaupt', 'bekräftig', 'versicher', 'bericht', 'kommentier', 'twitter', 'beklag', 'mahn', 'erläuter',
  'argumentier', 'begründ', 'äußer', 'zitier', 'bemerk', 'verkünd', 'mutmaß', 'schilder', 'resümier', 'appellier',
  'klag', 'lob', 'frag', 'wunder', 'beharr', 'präzisier', 'konstatier', 'dementier', 'entgegn', 'kontert', 'konter',
  'verteidig', 'prophezei', 'spekulier', 'prognostizier', 'beschwer', 'drohe', 'droh', 'stell', 'reagier', 'beschreib',
  'erinner', 'folger', 'philosophier', 'scherz', 'spott', 'witzel', 'urteil', 'bilanzier', 'versprech', 'glaub',
  'hoff', 'fürcht', 'befürcht', 'vermut', 'erzähl', 'wiederhol', 'beantwort', 'verlaut', 'tweet', 'post', 'poch',
  'charakterisier', 'bewert', 'wert', 'beschimpf', 'titulier', 'kennzeichn', 'qualifizier', 'beurteil', 'kommentier',
  'ankündig', 'schwärm', 'beteuer', 'bekenn', 'räsonier', 'protestier', 'empör', 'zweifel', 'bezweifel', 'bedauer',
];
/** German strong and irregular forms, listed whole. */
const DE_FORMS = [
  'schrieb', 'schrieben', 'schreibt', 'geschrieben', 'rät', 'riet', 'rieten', 'raten', 'geraten', 'widersprach',
  'widerspricht', 'sprach', 'beschwor', 'beschwört', 'bekannte', 'bekennt', 'stritt', 'bestritt', 'bestreitet', 'sprach', 'sprachen', 'spricht', 'rief', 'riefen', 'ruft',
  'schrie', 'nannte', 'nannten', 'nennt', 'nennen', 'meinte', 'meinten', 'meint', 'unterstrich', 'unterstreicht',
  'verriet', 'verrät', 'gestand', 'gesteht', 'hieß', 'heißt', 'wusste', 'weiß', 'versprach', 'verspricht', 'dachte',
  'denkt', 'beschrieb', 'beschreibt', 'bat', 'bittet', 'empfahl', 'empfiehlt', 'zitiert', 'zitierte',
  'hinzugefügt', 'hinzufügen', 'mitgeteilt', 'mitteilen', 'eingeschränkt', 'eingeräumt', 'angekündigt', 'klargestellt',
  'festgestellt', 'ausgeführt', 'angemerkt', 'vorgeworfen', 'zurückgewiesen', 'hervorgehoben', 'angegeben',
  'bekanntgegeben', 'erklärt', 'gesagt', 'betont',
];
/** German separable verbs: finite forms that count only with their particle later in the sentence. */
const DE_SEPARABLE: ReadonlyArray<readonly [string[], string[]]> = [
  [['fügte', 'fügt', 'fügten', 'fügen'], ['hinzu']],
  [['schränkte', 'schränkt', 'schränkten', 'schränken'], ['ein']],
  [['teilte', 'teilt', 'teilten', 'teilen'], ['mit']],
  [['wies', 'weist', 'wiesen', 'weisen'], ['hin', 'zurück']],
  [['gab', 'gibt', 'gaben', 'geben'], ['an', 'zu', 'bekannt', 'zu bedenken']],
  [['räumte', 'räumt', 'räumten', 'räumen'], ['ein']],
  [['kündigte', 'kündigt', 'kündigten', 'kündigen'], ['an']],
  [['stellte', 'stellt', 'stellten', 'stellen'], ['klar', 'fest']],
  [['führte', 'führt', 'führten', 'führen'], ['aus']],
  [['fuhr', 'fährt', 'fuhren', 'fahren'], ['fort']],
  [['hob', 'hebt', 'hoben', 'heben'], ['hervor']],
  [['merkte', 'merkt', 'merkten', 'merken'], ['an']],
  [['warf', 'wirft', 'warfen', 'werfen'], ['vor']],
  [['rief', 'ruft', 'riefen', 'rufen'], ['auf']],
  [['wandte', 'wendet', 'wandten', 'wenden'], ['ein']],
  [['legte', 'legt', 'legten', 'legen'], ['nach']],
  [['zog', 'zieht', 'zogen'], ['bilanz']],
];

/** English regular verbs: base form; -s, -ed, -ing forms are generated. */
const EN_REGULAR = [
  'add', 'note', 'explain', 'state', 'declare', 'announce', 'claim', 'argue', 'insist', 'ask', 'answer', 'reply',
  'respond', 'tweet', 'post', 'warn', 'urge', 'predict', 'acknowledge', 'admit', 'concede', 'recall', 'complain',
  'confirm', 'deny', 'suggest', 'joke', 'quip', 'boast', 'vow', 'promise', 'pledge', 'call', 'continue', 'observe',
  'remark', 'assert', 'contend', 'maintain', 'emphasize', 'emphasise', 'stress', 'charge', 'accuse', 'criticize',
  'criticise', 'praise', 'mock', 'slam', 'blast', 'lament', 'shout', 'scream', 'yell', 'chant', 'exclaim', 'whisper',
  'recount', 'counter', 'retort', 'dismiss', 'agree', 'testify', 'speculate', 'wonder', 'muse', 'report', 'describe',
  'characterize', 'label', 'brand', 'reiterate', 'repeat', 'caution', 'concur', 'plead', 'demand', 'cheer', 'sigh',
  'mention', 'question', 'challenge', 'chide', 'scoff', 'snap', 'tout', 'hail', 'decry', 'lambaste', 'rail', 'assure',
  'concede', 'reason', 'recommend', 'propose', 'point', 'interject', 'elaborate', 'clarify', 'opine', 'gush', 'comment',
  'tease', 'taunt', 'pledge', 'instruct', 'advise', 'inform', 'conclude', 'summarize', 'summarise', 'reflect', 'share',
];
const EN_FORMS = [
  'say', 'says', 'said', 'saying', 'tell', 'tells', 'told', 'telling', 'write', 'writes', 'wrote', 'written', 'writing',
  'speak', 'speaks', 'spoke', 'spoken', 'think', 'thinks', 'thought', 'go', 'went', 'put', 'puts', 'swear', 'swore',
  'sworn', 'forecast', 'forecasts', 'cry', 'cries', 'cried', 'reply', 'replies', 'replied', 'deny', 'denies', 'denied',
  'testified', 'testifies', 'quipped', 'quipping', 'shot', 'fire', 'fired', 'read', 'reads', 'declared', 'begin',
  'began', 'concluded',
];

/** Both the plain and the e-inserted forms (sagte / antwortete): overgeneration is harmless for a lookup. */
function germanWeakForms(stem: string): string[] {
  const out: string[] = [`${stem}e`, `${stem}en`, `${stem}n`];
  for (const e of ['', 'e']) {
    out.push(`${stem}${e}t`, `${stem}${e}te`, `${stem}${e}ten`, `${stem}${e}tet`);
    out.push(stem.endsWith('ier') ? `${stem}t` : `ge${stem}${e}t`);
  }
  return out;
}

function englishForms(base: string): string[] {
  const forms = [base];
  if (/(s|sh|ch|x|z)$/.test(base)) forms.push(`${base}es`);
  else if (/[^aeiou]y$/.test(base)) forms.push(`${base.slice(0, -1)}ies`);
  else forms.push(`${base}s`);
  if (base.endsWith('e')) forms.push(`${base}d`, `${base.slice(0, -1)}ing`);
  else if (/[^aeiou]y$/.test(base)) forms.push(`${base.slice(0, -1)}ied`, `${base}ing`);
  else if (/^(?:[^aeiou]*[aeiou][^aeiouwxy])$/.test(base)) forms.push(`${base}${base.slice(-1)}ed`, `${base}${base.slice(-1)}ing`, `${base}ed`);
  else forms.push(`${base}ed`, `${base}ing`);
  return forms;
}

export const DE_CUE_VERBS: ReadonlySet<string> = new Set([...DE_WEAK.flatMap(germanWeakForms), ...DE_FORMS]);
export const EN_CUE_VERBS: ReadonlySet<string> = new Set([...EN_REGULAR.flatMap(englishForms), ...EN_FORMS]);
/** Verb form → particles that must follow it in the sentence. */
export const DE_SEPARABLE_CUES: ReadonlyMap<string, readonly string[]> = new Map(
  DE_SEPARABLE.flatMap(([forms, particles]) => forms.map((f) => [f, particles] as const)),
);
/** Cue verbs that read "X called Y …": the quote names something, the speaker is before the verb. */
export const NAMING_VERBS: ReadonlySet<string> = new Set([
  'nannte', 'nannten', 'nennt', 'bezeichnete', 'bezeichneten', 'bezeichnet', 'wertete', 'werteten', 'bewertete',
  'charakterisierte', 'titulierte', 'called', 'calls', 'call', 'labeled',
  'labelled', 'described', 'describes', 'branded', 'brands',
]);
/** Verbs whose forms are too common to be cues without a quote right next to them. */
export const WEAK_CUES: ReadonlySet<string> = new Set([
  'go', 'went', 'put', 'puts', 'read', 'reads', 'think', 'thinks', 'thought', 'glaub', 'glaubt', 'glaubte', 'hoffe',
  'hofft', 'hoffte', 'weiß', 'wusste', 'dachte', 'denkt', 'call', 'calls', 'called', 'post', 'posts', 'posted', 'begin',
  'began', 'share', 'shared', 'shares', 'fire', 'fired', 'shot', 'point', 'points', 'stellt', 'stellte', 'stellen',
  'meint', 'heißt', 'hieß', 'report', 'reports', 'reported', 'lob', 'lobt', 'lobte', 'stelle', 'question',
]);

/** Cue prepositions/nouns: where the speaker stands relative to the cue word. */
export const DE_SOURCE_AFTER: ReadonlySet<string> = new Set(['laut', 'so']);
export const DE_SOURCE_BEFORE: ReadonlySet<string> = new Set(['zufolge']);
/** Nouns that mark a stretch as speech ("mit den Worten", "in einer Erklärung"). */
export const CUE_NOUNS: ReadonlySet<string> = new Set([
  'worten', 'aussage', 'aussagen', 'erklärung', 'mitteilung', 'stellungnahme', 'interview', 'pressekonferenz',
  'zitat', 'angaben', 'äußerung', 'äußerungen', 'rede', 'ansprache', 'tweet', 'kurznachrichtendienst', 'botschaft',
  'statement', 'statements', 'interview', 'remarks', 'comments', 'speech', 'press', 'conference', 'tweets',
  'according', 'quoted', 'words', 'message', 'letter', 'brief', 'schreiben', 'sprecher', 'sprecherin', 'spokesman',
  'spokeswoman', 'spokesperson',
]);

export const DETERMINERS: ReadonlySet<string> = new Set([
  'der', 'die', 'das', 'des', 'dem', 'den', 'ein', 'eine', 'einer', 'eines', 'einem', 'einen', 'the', 'a', 'an',
  'sein', 'seine', 'seiner', 'ihr', 'ihre', 'ihrer', 'his', 'her', 'their', 'its', 'this', 'that', 'dieser', 'diese',
  'another',
]);

/** Pronouns that can be a speaker, with grammatical gender/number. */
export type PronounKind = 'm' | 'f' | 'fp' | 'p';
export const SUBJECT_PRONOUNS: ReadonlyMap<string, PronounKind> = new Map([
  ['er', 'm'], ['sie', 'fp'], ['he', 'm'], ['she', 'f'], ['they', 'p'], ['wir', 'p'], ['we', 'p'],
]);

/** Nouns right before a quote that make it a title or a name, not speech. */
export const TITLE_NOUNS: ReadonlySet<string> = new Set([
  'film', 'kinofilm', 'spielfilm', 'dokumentarfilm', 'buch', 'roman', 'serie', 'fernsehserie', 'sendung', 'show',
  'talkshow', 'magazin', 'nachrichtenmagazin', 'zeitung', 'zeitschrift', 'blatt', 'album', 'single', 'song', 'lied',
  'titel', 'motto', 'slogan', 'aktion', 'kampagne', 'operation', 'projekt', 'programm', 'initiative', 'stück',
  'theaterstück', 'oper', 'musical', 'ausstellung', 'festival', 'hotel', 'restaurant', 'schiff', 'band', 'verein',
  'partei', 'bewegung', 'spiel', 'videospiel', 'werk', 'gedicht', 'artikel', 'studie', 'dokumentation', 'doku',
  'reihe', 'kolumne', 'blog', 'plattform', 'app', 'marke', 'modell', 'unternehmen', 'firma', 'organisation',
  'netzwerk', 'preis', 'auszeichnung', 'begriff', 'unwort', 'schlagwort', 'stichwort', 'spitzname', 'ausdruck',
  'wort', 'namen', 'name', 'bündnis', 'gruppe', 'ensemble', 'orchester', 'chor', 'sender', 'kanal', 'portal',
  'website', 'webseite', 'gesetz', 'paket', 'rubrik', 'kategorie', 'hashtag', 'schlagzeile', 'überschrift',
  'movie', 'book', 'novel', 'memoir', 'series', 'program', 'programme', 'magazine', 'newspaper', 'column', 'play',
  'opera', 'campaign', 'project', 'slogan', 'headline', 'term', 'phrase', 'nickname', 'documentary', 'exhibition',
  'podcast', 'episode', 'chapter', 'essay', 'doctrine', 'hashtag', 'label', 'brand', 'tag',
  'sketch', 'segment', 'tour', 'titled', 'entitled', 'dubbed', 'nicknamed', 'namens', 'sogenannte', 'sogenannten',
  'sogenannter', 'sogenanntes', 'sogenanntem', 'genannt', 'genannte', 'genannten', 'so-called', 'named', 'spiegel',
  'tagesschau', 'bild', 'kurz', 'abgekürzt', 'short', 'broadcast', 'edition', 'anthem', 'commentary', 'editorial',
  'op-ed', 'forum', 'known', 'bekannt', 'slogan', 'motto',
]);

/** First names with a clear gender (a small international sample; unknown names stay neutral). */
const FEMALE_NAMES = `anna maria sarah sara julia laura lisa lena hannah hanna sophie sophia emma mia lea leonie marie
katharina christina kristina andrea angela annalena ursula ulla gabriele claudia petra sabine susanne monika
barbara birgit heike karin kerstin nicole stefanie stephanie martina manuela renate ute ingrid helga gisela
elisabeth elizabeth margaret margarete theresa teresa therese hillary nancy michelle melania ivanka kellyanne
jennifer jessica ashley amanda emily elizabeth mary patricia linda susan karen lisa betty dorothy sandra donna
carol ruth sharon laura cynthia kathleen amy shirley angela helen anne anna brenda pamela nicole samantha
katherine catherine christine debra rachel carolyn janet virginia heather diane julie joyce victoria kelly
christina lauren joan evelyn olivia judith megan cheryl martha andrea frances hannah jacqueline ann gloria
jean kathryn alice teresa sara janice doris madison julia grace judy abigail marie denise beverly amber theresa
marilyn danielle diana brittany natalie sophia rose isabella alexis kayla charlotte nikki condoleezza madeleine
greta giorgia marine ségolène theresa sahra katja alice franziska svenja nancy malu annegret
manuela doris luisa jutta renate bärbel ilse irene federica kamala elizabeth tulsi`.split(/\s+/);
const MALE_NAMES = `donald michael thomas andreas peter wolfgang klaus jürgen frank stefan stephan christian martin
markus marcus alexander joachim olaf friedrich horst heiko hubertus sigmar gerhard helmut norbert volker
karl franz josef joseph john james robert william david richard charles joseph christopher daniel matthew
anthony mark paul steven steve andrew kenneth joshua kevin brian george edward ronald timothy jason jeffrey ryan
jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory frank alexander
raymond patrick jack dennis jerry tyler aaron jose adam henry nathan douglas zachary peter kyle walter ethan
jeremy harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan joe
jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah
louis bobby philip johnny barack bill mike mitt ted marco jeb bernie chris rudy newt reince sean rex vladimir
wladimir emmanuel xi moon shinzo boris recep benjamin hassan mohammed muhammad ali ahmed abdullah jens jean-claude
heinz hans günter günther dieter manfred werner rolf uwe dirk jens sebastian florian tobias matthias lars
olaf cem christian robert boris hubert emmanuel silvio matteo giuseppe pedro mariano viktor jarosław
andrzej petro volodymyr wolodymyr sergei sergej dmitri dmitry mahmoud bashar benjamin naftali yair`.split(
  /\s+/,
);
export const FEMALE_FIRST: ReadonlySet<string> = new Set(FEMALE_NAMES);
export const MALE_FIRST: ReadonlySet<string> = new Set(MALE_NAMES.filter((n) => !FEMALE_FIRST.has(n)));

/** Honorifics that give a gender. */
export const FEMALE_TITLES: ReadonlySet<string> = new Set(['frau', 'mrs', 'ms', 'miss', 'madam', 'lady', 'königin', 'queen']);
export const MALE_TITLES: ReadonlySet<string> = new Set(['herr', 'mr', 'sir', 'lord', 'könig', 'king']);

/**
 * Nouns that name what is said, not who says it ("Das Fazit der Tester: „…“", "Die Antwort: „…“",
 * "The verdict: …"): never a speaker themselves; a genitive after them names the source.
 * German ones also as the end of a compound ("Schlussfazit", "Unwetterwarnung").
 */
const CONTENT_NOUNS: readonly string[] = [
  'fazit', 'gesamturteil', 'bilanz', 'ergebnis', 'resümee', 'tenor', 'motto', 'devise', 'credo', 'parole', 'schlagzeile',
  'überschrift', 'titel', 'slogan', 'antwort', 'frage', 'einschätzung', 'prognose', 'empfehlung', 'warnung', 'forderung',
  'kritik', 'vorwurf', 'hoffnung', 'sorge', 'befürchtung', 'thema', 'ruf', 'rufe', 'satz', 'sätze', 'spruch', 'sprüche',
  'aufschrift', 'schriftzug', 'sprechchöre',
  'verdict', 'conclusion', 'upshot', 'headline', 'takeaway', 'answer', 'question', 'warning', 'criticism',
];
const CONTENT_NOUN_SET: ReadonlySet<string> = new Set(CONTENT_NOUNS);

/** A noun that names what is said (CONTENT_NOUNS), lower case, also as a German compound's end. */
export function isContentNoun(lower: string): boolean {
  if (CONTENT_NOUN_SET.has(lower)) return true;
  for (const n of CONTENT_NOUNS) if (lower.length > n.length + 2 && lower.endsWith(n) && n.length >= 5) return true;
  return false;
}

/**
 * Sentence adverbs, German and English: capitalised at the start of a sentence they look like a
 * name to a tagger ("Irgendwann könne …", "Somit …"), but they never name anyone.
 */
export const SENTENCE_ADVERBS: ReadonlySet<string> = new Set([
  'nun', 'now', 'jetzt', 'sonst', 'deshalb', 'daher', 'trotzdem', 'zudem', 'außerdem', 'ferner', 'weiter', 'weiterhin',
  'however', 'still', 'yet', 'meanwhile', 'dennoch', 'demnach', 'insgesamt', 'ebenso', 'gleichzeitig', 'schließlich',
  'letztlich', 'zuletzt', 'zunächst', 'jedoch', 'allerdings', 'anschließend', 'ebenfalls', 'inzwischen', 'mittlerweile',
  'bislang', 'bisher', 'umso', 'desto', 'somit', 'stattdessen', 'vielmehr', 'immerhin', 'zumindest', 'sogar', 'nämlich',
  'seitdem', 'seither', 'derzeit', 'bereits', 'schon', 'noch', 'erst', 'nur', 'kaum', 'thus', 'therefore', 'instead',
  'moreover', 'indeed', 'nevertheless', 'nonetheless', 'furthermore', 'irgendwann', 'irgendwie', 'manchmal', 'oft',
  'immer', 'nie', 'niemals', 'bald', 'damals', 'deswegen', 'vielleicht', 'wohl', 'zwar', 'eben', 'gerade', 'etwa',
  'hingegen', 'wiederum', 'ohnehin', 'sowieso', 'jedenfalls', 'andernfalls', 'sometimes', 'often', 'never', 'always',
  'soon', 'perhaps', 'maybe', 'eventually', 'hence', 'otherwise', 'ganz', 'generell', 'grundsätzlich',
]);

/** Days and months, German and English, with the usual abbreviations ("Nov.", "Sept."). */
export const DATE_WORDS: ReadonlySet<string> = new Set([
  'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag', 'monday', 'tuesday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday', 'januar', 'februar', 'märz', 'mai', 'juni', 'juli', 'oktober', 'dezember',
  'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'okt', 'dez', 'today', 'tonight', 'yesterday', 'tomorrow',
]);

/** Words that cannot start or be part of a name even when capitalised (sentence-initial function words etc.). */
export const NON_NAME_WORDS: ReadonlySet<string> = new Set([
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'er', 'sie', 'es', 'wir', 'ich', 'ihr', 'und', 'oder',
  'aber', 'auch', 'doch', 'dann', 'darauf', 'dazu', 'zuvor', 'danach', 'später', 'heute', 'gestern', 'am', 'im', 'in',
  'auf', 'nach', 'vor', 'bei', 'mit', 'von', 'zu', 'für', 'über', 'unter', 'so', 'wie', 'als', 'wenn', 'dass', 'ob',
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'and', 'or', 'but', 'also', 'then', 'later', 'in',
  'on', 'at', 'after', 'before', 'with', 'from', 'to', 'for', 'of', 'by', 'as', 'if', 'that', 'this', 'when', 'while',
  'mr', 'mrs', 'ms', 'dr', 'herr', 'frau', 'es', 'man',
  'dies', 'diese', 'dieser', 'this', 'there', 'here', 'hier', 'dort', 'darin', 'damit', 'dabei', 'dafür', 'dagegen',
  'davon', 'darüber', 'darum', 'laut', 'zufolge', 'wörtlich', 'also', 'denn', 'wer', 'wen', 'wem', 'wessen', 'was',
  'welche', 'welcher', 'welches', 'jemand', 'niemand', 'nichts', 'etwas', 'erste', 'ersten', 'erster', 'erstes',
  'zweite', 'dritte', 'letzte', 'letzten', 'letzter', 'weitere', 'weiteren', 'viele', 'vielen', 'einige', 'mehrere',
  'andere', 'anderen', 'beide', 'beiden', 'neither', 'either', 'none', 'both', 'each',
  ...SENTENCE_ADVERBS,
  ...DATE_WORDS,
]);

/** Words after which a following capitalised word is still a name part. */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'von', 'van', 'de', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'zu', 'ter', 'ten',
]);
