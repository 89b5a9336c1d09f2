/**
 * Fixture pages for the second round of extraction rules (titles, self-
 * refreshing front pages, in-story lists and tables, card lists, heading-slug
 * ids, CJK prose), parsed with linkedom as in the CLI.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtmlFile } from '../../node/parse-html.ts';
import { extractArticle, type ExtractedArticle } from './index.ts';
import { cleanTitle, repairMojibake } from './title.ts';

const dir = join(import.meta.dirname, 'fixtures');
async function extract(name: string): Promise<ExtractedArticle | null> {
  return extractArticle(await parseHtmlFile(join(dir, name)), { url: `https://example.org/news/${name}` });
}

describe('title', () => {
  it('prefers a schema.org headline that differs when og:title only repeats the h1/<title>', async () => {
    expect((await extract('title-variants.html'))!.article.title).toBe('Alte Brücke wird bis zum Sommer saniert');
  });
  it('takes og:title when it is the copy that differs from h1 and <title>', async () => {
    expect((await extract('title-social.html'))!.article.title).toBe('Council backs bridge repair für cyclists');
  });
  it('cuts the site name and what follows it out of a <title>', () => {
    expect(cleanTitle('Council backs bridge repair * The Example Gazette * by Ann Miller', 'The Example Gazette', null)).toBe('Council backs bridge repair');
    expect(cleanTitle('Stuttgart hat es drauf: Stadt der Superlative', null, 'Stuttgart hat es drauf')).toBe('Stuttgart hat es drauf: Stadt der Superlative');
  });
  it('repairs UTF-8 that was read as Latin-1 and leaves other text alone', () => {
    expect(repairMojibake('jetzt fÃ¼r nur 5,99 Euro')).toBe('jetzt für nur 5,99 Euro');
    expect(repairMojibake('Ärger in München')).toBe('Ärger in München');
  });
});

describe('article or not', () => {
  it('rejects a self-refreshing page whose <title> does not name the story it leads with', async () => {
    expect(await extract('refresh-front.html')).toBeNull();
  });
  it('accepts the same page when its <title> names the story', async () => {
    expect((await extract('refresh-story.html'))!.article.text).toContain('Residents welcomed the decision');
  });
  it('measures the page\'s prose by weight, so short CJK lines still count as prose', async () => {
    expect((await extract('cjk-lines.html'))!.article.text.split('\n\n')).toHaveLength(6);
  });
  it('keeps a short unpunctuated line that stands among the story\'s own paragraphs', async () => {
    expect((await extract('cjk-lines.html'))!.article.text).toContain('國小\n\n營區水電方便 水槽也很有特色\n\n楓香樹');
  });
  it('does not take a document whose sections each hold several short paragraphs for a snippet stream', async () => {
    const text = (await extract('sectioned-short.html'))!.article.text;
    expect(text.split('\n\n').filter((p) => p.length > 100)).toHaveLength(12);
  });
  it('ignores heading-slug ids ("related-work-…") and accepts a sectioned document', async () => {
    const text = (await extract('sectioned-doc.html'))!.article.text;
    expect(text).toContain('Getting into trouble\n\nThings go wrong');
    expect(text).toContain('Sharing with a single developer');
  });
});

describe('in-story structure', () => {
  it('keeps a list and a table between story paragraphs, drops kicker link lists and slide legends', async () => {
    const text = (await extract('in-story-structure.html'))!.article.text;
    expect(text).toContain('Work starts in March\n\nCosts stay under four million');
    // A data table (header cells) stays whole even though one of its cells is prose.
    expect(text).toContain('Party\n\nYes\n\nNo\n\nGreens');
    expect(text).toContain('motion 2024/117: repair, 4.0m, lane');
    expect(text).not.toContain('Mayor defends timetable');
    expect(text).not.toContain('built in 1911');
    expect(text).not.toContain('1/2');
    expect(text).toContain('Residents welcomed the decision');
  });
});
