// A minimal WebDriver BiDi client for firefox-esr, without geckodriver: start Firefox with
// --remote-debugging-port, open a BiDi session over a websocket (`ws`), install the unpacked
// extension (webExtension.install), navigate, and evaluate scripts in the page.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';

const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox'];

export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return FIREFOX_CANDIDATES.find((path) => existsSync(path)) ?? null;
}

// Keep a closed test machine quiet and fast: no updates, telemetry, first-run pages or
// remote settings fetches.
const PREFS = {
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.aboutwelcome.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'services.settings.server': 'http://127.0.0.1:9/',
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'intl.locale.requested': 'en-US',
};

/** Starts Firefox headless and returns a BiDi session plus helpers; close() ends everything. */
export async function launchFirefox({ timeout = 30_000 } = {}) {
  const executable = findFirefox();
  if (!executable) throw new Error('firefox-esr not found');
  const profile = mkdtempSync(join(tmpdir(), 'kontext-firefox-'));
  writeFileSync(join(profile, 'user.js'), Object.entries(PREFS).map(([key, value]) => `user_pref(${JSON.stringify(key)}, ${JSON.stringify(value)});`).join('\n'));
  const child = spawn(executable, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0', 'about:blank'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' },
  });
  const output = [];
  const wsUrl = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Firefox did not announce WebDriver BiDi within ${timeout} ms:\n${output.join('')}`)), timeout);
    const onData = (chunk) => {
      output.push(chunk.toString());
      const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(output.join(''));
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Firefox exited (${code}) before BiDi was ready:\n${output.join('')}`));
    });
  });

  const socket = new WebSocket(`${wsUrl.replace(/\/$/, '')}/session`);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map();
  const listeners = [];
  socket.on('message', (raw) => {
    const message = JSON.parse(raw.toString());
    if (message.id !== undefined && pending.has(message.id)) {
      const { resolve, reject } = pending.get(message.id);
      pending.delete(message.id);
      if (message.type === 'error') reject(new Error(`${message.error}: ${message.message}`));
      else resolve(message.result);
    } else if (message.type === 'event') {
      for (const listener of listeners) listener(message);
    }
  });
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });

  await send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
  const tree = await send('browsingContext.getTree', {});
  const context = tree.contexts[0].context;

  return {
    send,
    context,
    onEvent: (listener) => listeners.push(listener),
    async installExtension(path) {
      const { extension } = await send('webExtension.install', { extensionData: { type: 'path', path } });
      return extension;
    },
    navigate: (url) => send('browsingContext.navigate', { context, url, wait: 'complete' }),
    /** Evaluates an expression (awaiting promises) in the page's main world; returns a JSON value. */
    async evaluate(expression) {
      const result = await send('script.evaluate', {
        expression: `(async () => JSON.stringify(await (${expression})))()`,
        target: { context },
        awaitPromise: true,
      });
      if (result.type === 'exception') throw new Error(`page exception: ${result.exceptionDetails?.text}`);
      return result.result.type === 'string' ? JSON.parse(result.result.value) : undefined;
    },
    async close() {
      try {
        await Promise.race([send('session.end', {}), new Promise((resolve) => setTimeout(resolve, 2_000))]);
      } catch {
        // The browser may already be gone.
      }
      socket.close();
      child.kill('SIGTERM');
      await new Promise((resolve) => {
        if (child.exitCode !== null) resolve();
        else {
          const timer = setTimeout(() => {
            child.kill('SIGKILL');
            resolve();
          }, 5_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        }
      });
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
