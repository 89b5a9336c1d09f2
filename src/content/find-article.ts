/**
 * Finding the article on a page that may still be rendering it: a page
 * whose body arrives late (still loading, or an app shell that fills in
 * with script) gets a couple more looks before "no article". Extraction is
 * sliced (extractArticleAsync): on a big page it would otherwise be one
 * long task, and the budget allows none over 50 ms. An article that comes
 * later still is caught by late-article-watch.ts.
 */
import { extractArticleAsync, type ExtractedArticle } from '../dom/article/index.ts';

/** Pages that render their article late get a couple more looks before "no article". */
const RETRY_DELAYS_MS = [1500, 4000];
/** Below this much body text a loaded page may be a script-rendered shell still filling in. */
const SHELL_TEXT_CHARS = 1500;

export async function findArticle(doc: Document, stop: () => boolean, signal: AbortSignal): Promise<ExtractedArticle | null> {
  const url = doc.location?.href ?? null;
  for (let attempt = 0; ; attempt++) {
    const found = await extractOnce(doc, url, signal);
    if (found) return found;
    const delay = RETRY_DELAYS_MS[attempt];
    if (delay === undefined || stop() || !mayStillRender(doc)) return null;
    await new Promise((r) => setTimeout(r, delay));
    if (stop()) return null;
  }
}

/** One extraction; null for no article, an empty one, or a page the extractor cannot read (never a broken page). */
export async function extractOnce(doc: Document, url: string | null, signal: AbortSignal): Promise<ExtractedArticle | null> {
  try {
    const found = await extractArticleAsync(doc, { url, signal });
    return found && found.article.text.trim() ? found : null;
  } catch {
    return null;
  }
}

/**
 * Worth another look later? Only while the page is still loading or looks
 * like an app shell that renders its content with script (little text yet).
 */
function mayStillRender(doc: Document): boolean {
  if (doc.readyState !== 'complete') return true;
  return (doc.body?.textContent?.trim().length ?? 0) < SHELL_TEXT_CHARS;
}
