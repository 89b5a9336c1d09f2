/** The text of `kontext --help`. */
export const HELP = `kontext: quotes, speakers, entities and background for news articles

Usage:
  kontext analyze PAGE.html[.gz] [MORE …]   analyse saved pages ("-" reads one page from stdin)
  kontext analyze --jsonl FILE|-            analyse plain texts, one JSON object per line
  kontext --help | --version

Options:
  -f, --format text|json   text (default): a readable summary per page.
                           json: the documented result object; with several
                           pages one object per line (JSON Lines) with "file".
      --url URL            the page's URL, copied into "url" (one page only)
      --jsonl FILE|-       read {"id", "text", "lang"?} per line, write
                           {"id", "language", "quotes", "entities", "concepts"} per line
      --max-size MB        refuse pages larger than this (default 20)
  -h, --help               this text
  -v, --version            the version

Pages may be gzip-compressed. The page's declared charset is honoured
(BOM, <meta charset>, http-equiv, XML declaration); without one, UTF-8,
else windows-1252.

Exit status:
  0  every input analysed (a page without an article is not an error)
  1  an input could not be read or is not an HTML page / a valid JSON line
     (the others are still analysed; one line per problem on stderr)
  2  bad command line
  3  internal error (set KONTEXT_DEBUG=1 for the stack trace)

Details: docs/cli.md
`;
