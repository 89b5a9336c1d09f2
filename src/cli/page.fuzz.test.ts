/**
 * Property tests of the page path the command line takes: arbitrary bytes
 * either load or are refused with a one-line CliError (never another
 * exception), and arbitrary tag soup with quote marks and odd Unicode
 * goes through extraction and analysis to a result of the documented
 * shape, spans included.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeDocument } from '../dom/analyze-document.ts';
import { newsyText } from '../core/fuzz/arbitraries.ts';
import { CliError } from './errors.ts';
import { loadPage } from './load-page.ts';
import { parseHtmlText } from './parse-page.ts';
import { checkAnalysisResult } from './result-shape.ts';

const dir = mkdtempSync(join(tmpdir(), 'kontext-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TAGS = ['p', 'div', 'article', 'main', 'section', 'span', 'b', 'i', 'a', 'h1', 'h2', 'blockquote', 'q', 'li', 'ul', 'table', 'td', 'script', 'style', 'template', 'noscript', 'aside', 'nav', 'header', 'footer', 'time', 'br', 'img', 'mark', 'svg', 'iframe'];
const ATTRS = ['', ' class="article-body"', ' class="teaser"', ' id="content"', ' itemprop="articleBody"', ' role="main"', ' hidden', ' style="display:none"', ' dir="rtl"', ' lang="de"', ' datetime="2019-02-28"', ' onerror="x()"'];

/** Tag soup: open/close tags in any order (unbalanced too), text, entities, comments. */
const tagSoup = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...TAGS), fc.constantFrom(...ATTRS)).map(([t, a]) => `<${t}${a}>`) },
      { weight: 2, arbitrary: fc.constantFrom(...TAGS).map((t) => `</${t}>`) },
      { weight: 4, arbitrary: newsyText(30) },
      { weight: 1, arbitrary: fc.constantFrom('&amp;', '&nbsp;', '&shy;', '&#x1F600;', '&bogus;', '&#0;', '<!-- c -->', '<!--', ']]>', '<![CDATA[x]]>', '<', '>', '</', '<!DOCTYPE html>') },
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

const PROSE = 'Die Gespräche in der Hauptstadt dauerten bis in den späten Abend, teilte ein Sprecher des Ministeriums mit. „Wir sind vorangekommen“, sagte er. ';

/** Soup alone, or soup inside a declared article with enough prose that the extractor takes it. */
const page = fc.tuple(tagSoup, fc.boolean(), tagSoup).map(([soup, asArticle, soup2]) =>
  asArticle
    ? `<html><head><meta property="og:type" content="article"><title>T</title></head><body><article><h1>Titel</h1><p>${PROSE}${PROSE}</p>${soup}<p>${PROSE}</p>${soup2}</article></body></html>`
    : `<html><head><title>T</title></head><body>${soup}</body></html>`,
);

describe('page path on arbitrary input', () => {
  it('arbitrary bytes load or are refused with a one-line CliError', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 300 }), page.map((s) => new TextEncoder().encode(s))), async (bytes) => {
        const p = join(dir, `b${n++}.html`);
        writeFileSync(p, bytes);
        try {
          await loadPage(p);
        } catch (err) {
          if (!(err instanceof CliError)) throw err;
          expect(err.message).not.toMatch(/\n/);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('tag soup with quotes and odd Unicode is analysed into the documented shape', async () => {
    let articles = 0;
    await fc.assert(
      fc.asyncProperty(page, async (html) => {
        const { result } = await analyzeDocument(parseHtmlText(html, 'fuzz'));
        const problems = checkAnalysisResult(result);
        if (problems.length) throw new Error(problems.slice(0, 3).join('; '));
        if (result.article) articles++;
      }),
      { numRuns: 150 },
    );
    // the property must have exercised the article path, not only "no article"
    expect(articles).toBeGreaterThan(20);
  });
});
