// Drives a real firefox-esr over WebDriver BiDi without geckodriver: starts Firefox headless with
// a fresh temporary profile and `--remote-debugging-port 0`, reads the websocket address it
// announces on stderr, opens a BiDi session with the `ws` package, and offers the few commands
// the end-to-end tests need. close() always kills the Firefox process group it started and
// deletes the profile, and an exit hook does the same if the test process dies first.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr'];
const COMMAND_TIMEOUT_MS = 20_000;

/** The Firefox binary to test with: $FIREFOX_PATH, else Debian's firefox-esr; null when absent. */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

// A closed test machine: no update checks, telemetry, first-run pages or remote settings
// fetches, which would only add noise to the log and time to the run.
const PREFS = {
  'app.update.enabled': false,
  'app.update.auto': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.startup.page': 0,
  'browser.aboutwelcome.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.blocklist.enabled': false,
  'services.settings.server': 'http://127.0.0.1:9/',
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'intl.locale.requested': 'en-US',
};

// Whatever ends this process (a failed assertion, a timeout, the runner cancelling the run),
// the Firefox it started and the temporary profile must go with it.
const live = new Set();
const killAll = () => {
  for (const instance of live) instance.killNow();
  live.clear();
};
process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    killAll();
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
  });
}

/**
 * Starts Firefox and opens a BiDi session. Options: `systemAccess` adds
 * `--remote-allow-system-access` so commands may target the browser's own (chrome) windows.
 */
export async function launchFirefox({ systemAccess = false, startTimeout = 30_000 } = {}) {
  const executable = findFirefox();
  if (!executable) throw new Error('firefox-esr not installed');
  const profile = mkdtempSync(join(tmpdir(), 'kontext-ff-e2e-'));
  writeFileSync(join(profile, 'user.js'), Object.entries(PREFS).map(([key, value]) => `user_pref(${JSON.stringify(key)}, ${JSON.stringify(value)});\n`).join(''));
  const args = ['--headless', '--no-remote', '--remote-debugging-port', '0', '--profile', profile];
  if (systemAccess) args.push('--remote-allow-system-access');
  // Own process group, so close() can end Firefox's content processes with it.
  const child = spawn(executable, [...args, 'about:blank'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1', MOZ_HEADLESS: '1' },
  });
  const output = [];
  let exited = false;
  const instance = {
    killNow() {
      if (!exited && child.pid) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
  live.add(instance);
  child.once('exit', () => {
    exited = true;
  });

  let socket;
  try {
    const wsUrl = await new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`Firefox did not announce WebDriver BiDi within ${startTimeout} ms:\n${output.join('')}`)), startTimeout);
      const onData = (chunk) => {
        output.push(chunk.toString());
        const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(output.join(''));
        if (match) {
          clearTimeout(timer);
          done(match[1].replace(/\/$/, ''));
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`Firefox exited (${code}) before BiDi was ready:\n${output.join('')}`));
      });
    });
    socket = new WebSocket(`${wsUrl}/session`);
    await new Promise((done, fail) => {
      socket.once('open', done);
      socket.once('error', fail);
    });
  } catch (error) {
    instance.killNow();
    live.delete(instance);
    throw error;
  }

  let nextId = 1;
  const pending = new Map();
  const listeners = new Set();
  socket.on('message', (raw) => {
    const message = JSON.parse(raw.toString());
    if (message.id !== undefined && pending.has(message.id)) {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.type === 'error') waiter.fail(new Error(`${waiter.method}: ${message.error}: ${message.message}`));
      else waiter.done(message.result);
    } else if (message.type === 'event') {
      for (const listener of listeners) listener(message);
    }
  });
  socket.on('close', () => {
    for (const waiter of pending.values()) waiter.fail(new Error(`${waiter.method}: the BiDi connection closed`));
    pending.clear();
  });

  /** Sends one BiDi command; rejects on a protocol error or after a timeout. */
  const send = (method, params = {}) =>
    new Promise((done, fail) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        fail(new Error(`${method}: no answer within ${COMMAND_TIMEOUT_MS} ms`));
      }, COMMAND_TIMEOUT_MS);
      pending.set(id, {
        method,
        done: (value) => {
          clearTimeout(timer);
          done(value);
        },
        fail: (error) => {
          clearTimeout(timer);
          fail(error);
        },
      });
      socket.send(JSON.stringify({ id, method, params }));
    });

  const close = async () => {
    try {
      await Promise.race([send('session.end', {}), new Promise((done) => setTimeout(done, 2_000))]);
    } catch {
      // The browser may already be gone.
    }
    socket.close();
    if (!exited && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      await new Promise((done) => {
        const timer = setTimeout(done, 3_000);
        child.once('exit', () => {
          clearTimeout(timer);
          done();
        });
        if (exited) done();
      });
    }
    instance.killNow();
    live.delete(instance);
  };

  try {
    await send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
  } catch (error) {
    await close();
    throw error;
  }
  const tree = await send('browsingContext.getTree', { maxDepth: 0 });
  const context = tree.contexts[0]?.context;
  if (!context) {
    await close();
    throw new Error('Firefox has no top-level browsing context');
  }

  return {
    send,
    context,
    close,
    /** Registers a listener for BiDi events (after `session.subscribe`). */
    onEvent: (listener) => listeners.add(listener),
    async installExtension(path) {
      const { extension } = await send('webExtension.install', { extensionData: { type: 'path', path } });
      return extension;
    },
    navigate: (url) => send('browsingContext.navigate', { context, url, wait: 'complete' }),
    /**
     * Evaluates an expression in the page's main world (awaiting a promise) and returns its
     * value through JSON, so objects and arrays come back as plain data.
     */
    async evaluate(expression, target = { context }) {
      const result = await send('script.evaluate', {
        expression: `(async () => JSON.stringify(await (${expression})))()`,
        target,
        awaitPromise: true,
      });
      if (result.type === 'exception') throw new Error(`script exception: ${result.exceptionDetails?.text ?? 'unknown'}`);
      return result.result.type === 'string' ? JSON.parse(result.result.value) : undefined;
    },
    /** Moves the mouse to viewport point (x, y), in two steps so a pointermove fires at the target. */
    async hover(x, y) {
      await send('input.performActions', {
        context,
        actions: [
          {
            type: 'pointer',
            id: 'mouse',
            parameters: { pointerType: 'mouse' },
            actions: [
              { type: 'pointerMove', x: Math.max(0, x - 1), y, duration: 0 },
              { type: 'pointerMove', x, y, duration: 50 },
            ],
          },
        ],
      });
    },
    /** Presses one key (a WebDriver key value, e.g. '\uE00C' for Escape) with optional modifiers. */
    async press(key, modifiers = []) {
      const down = [...modifiers.map((value) => ({ type: 'keyDown', value })), { type: 'keyDown', value: key }];
      const up = [{ type: 'keyUp', value: key }, ...[...modifiers].reverse().map((value) => ({ type: 'keyUp', value }))];
      await send('input.performActions', { context, actions: [{ type: 'key', id: 'keyboard', actions: [...down, ...up] }] });
    },
  };
}

/** Polls `check` until it returns a truthy value or the timeout passes; returns the last value. */
export async function until(check, { timeout = 15_000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value || Date.now() > deadline) return value;
    await new Promise((done) => setTimeout(done, interval));
  }
}
