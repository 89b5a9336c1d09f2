#!/usr/bin/env node
// Entry point of `npx kontext`. The CLI is TypeScript (src/cli/main.ts);
// registering tsx's loader lets it run straight after `npm ci`, with no
// build step. Anything thrown before main() takes over still ends as one
// line on stderr, never a stack trace (KONTEXT_DEBUG=1 shows it).
import { register } from 'tsx/esm/api';

const fail = (err) => {
  const msg = (err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, '; ').replace(/[\u0000-\u001f\u007f]/g, ' ');
  process.stderr.write(`kontext: internal error: ${msg.length > 300 ? `${msg.slice(0, 299)}…` : msg}\n`);
  if (process.env.KONTEXT_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exitCode = 3;
};
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

try {
  register();
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  fail(err);
}
