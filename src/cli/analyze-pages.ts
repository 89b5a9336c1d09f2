/**
 * `kontext analyze PAGE…`: each page is loaded, its article extracted and
 * analysed, and printed as a summary, one JSON object, or (several pages)
 * JSON Lines with a "file" field. A bad page is reported on one line and
 * skipped; the others still run.
 */
import { analyzeDocument } from '../dom/analyze-document.ts';
import type { AnalysisResult } from '../core/types.ts';
import { CliError, EXIT, describeError, type ExitCode } from './errors.ts';
import { loadPage } from './load-page.ts';
import { formatSummary } from './summary.ts';
import type { OutputFormat } from './args.ts';
import type { Output } from './output.ts';

export interface PagesOptions {
  files: string[];
  format: OutputFormat;
  url: string | null;
  maxBytes: number;
}

/** Load and analyse one page; throws CliError for input problems. */
export async function analyzePage(file: string, url: string | null, maxBytes: number, io: Output): Promise<AnalysisResult> {
  const page = await loadPage(file, maxBytes);
  if (page.warning) io.err(`warning: ${page.warning}`);
  try {
    const { result } = await analyzeDocument(page.document, { url });
    return result;
  } catch (err) {
    throw new CliError(`${file === '-' ? 'stdin' : file}: internal error while analysing: ${describeError(err)}`, EXIT.internal);
  }
}

export async function runPages(opts: PagesOptions, io: Output): Promise<ExitCode> {
  let exit: ExitCode = EXIT.ok;
  const several = opts.files.length > 1;
  for (const file of opts.files) {
    let result: AnalysisResult;
    try {
      result = await analyzePage(file, opts.url, opts.maxBytes, io);
    } catch (err) {
      if (!(err instanceof CliError)) throw err;
      io.err(err.message);
      exit = Math.max(exit, err.exitCode) as ExitCode;
      continue;
    }
    if (opts.format === 'json') {
      await io.out(several ? JSON.stringify({ file, ...result }) + '\n' : JSON.stringify(result, null, 2) + '\n');
    } else {
      await io.out((several ? '\n' : '') + formatSummary(result, several ? file : null));
    }
  }
  return exit;
}
