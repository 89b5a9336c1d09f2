import { readFileSync } from 'node:fs';
import { tokenize, splitSentences } from './src/core/tokenize.ts';
import { findMarkedQuotes } from './src/core/quotes/marks.ts';
import { buildDoc } from './src/core/quotes/doc.ts';
import { buildPersons } from './src/core/quotes/mentions.ts';
import { candidatesIn } from './src/core/quotes/candidates.ts';
import { matchCue } from './src/core/quotes/attribution.ts';
import { cueAt } from './src/core/quotes/cues.ts';
const text = readFileSync(process.argv[2]!, 'utf8'); const lang = (process.argv[3] ?? 'en') as 'de'|'en';
const tokens = tokenize(text); const sentences = splitSentences(text, tokens, lang);
const doc = buildDoc(text, lang, tokens, sentences, findMarkedQuotes(text));
const persons = buildPersons(doc, []);
console.log('persons', persons.persons.map(p => p.name));
for (let qi = 0; qi < doc.quotes.length; qi++) {
  const m = matchCue(doc, persons, qi);
  console.log(qi, JSON.stringify(text.slice(doc.quotes[qi]!.start, doc.quotes[qi]!.end).slice(0, 40)), m && { cue: m.cue && tokens[m.cue.tok]!.text, after: m.after, subj: m.subject && text.slice(m.subject.span.start, m.subject.span.end) });
  const s = doc.sentOf[doc.openTok[qi]!]!; const se = sentences[s]!;
  console.log('  sent', JSON.stringify(text.slice(se.start, se.end).slice(0, 100)));
  console.log('  cands', candidatesIn(doc, persons, se.first, doc.openTok[qi]!).map(c => `${text.slice(c.span.start, c.span.end)}/${c.kind}/${c.cls}/${c.oblique}`).join(' | '));
  console.log('  cues', tokens.slice(se.first, doc.openTok[qi]!).map((t, i) => cueAt(doc, se.first + i) ? t.text : null).filter(Boolean));
}
