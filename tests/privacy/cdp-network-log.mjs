// An independent witness for the privacy test: a second DevTools connection to the browser
// that attaches to every target (pages, extension pages, the extension's service worker,
// workers, iframes) and records each network request with the target that made it.
//
// Playwright's own request events do not cover an extension's service worker, and a
// connection of our own lets new targets wait (waitForDebuggerOnStart) until the Network
// domain is on, so not even a worker's first request slips by.

import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';

/** The browser's DevTools websocket URL, from the DevToolsActivePort file Chromium writes into its profile. */
export async function devToolsUrl(profileDir, { timeoutMs = 10_000 } = {}) {
  const file = join(profileDir, 'DevToolsActivePort');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(file)) {
      const [port, path] = readFileSync(file, 'utf8').split('\n');
      if (port && path) return `ws://127.0.0.1:${port.trim()}${path.trim()}`;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Chromium wrote no ${file} (was it started with --remote-debugging-port=0?)`);
}

/**
 * Connects and starts recording. Returns { requests, targets, closeTarget(type), close() }:
 * `requests` holds { url, method, kind, targetType, targetUrl (the target's latest URL), urlAtRequest } for every request seen
 * (kind: 'http' | 'websocket' | 'eventsource'), `targets` every target attached to ({ type, url, targetId, attachedAt }, url kept current).
 */
export async function watchNetwork(wsUrl) {
  const socket = new WebSocket(wsUrl, { perMessageDeflate: false });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });

  let nextId = 0;
  const pending = new Map();
  const sessions = new Map();
  const requests = [];
  const targets = [];
  /** Service worker versionId → { status, stoppedAt } from the ServiceWorker domain once enabled. */
  const workerStatus = new Map();

  const send = (method, params = {}, sessionId) =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve, reject, method });
      socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });

  const record = (sessionId, url, method, kind) => {
    const target = sessions.get(sessionId) ?? { type: 'unknown', url: '' };
    // targetUrl is read when asked: a tab that starts at about:blank is known by where it went.
    requests.push({
      url,
      method,
      kind,
      targetType: target.type,
      urlAtRequest: target.url,
      get targetUrl() {
        return target.url;
      },
    });
  };

  // Network on first, then let a waiting target run; nested targets (a page's workers and
  // iframes) are attached the same way through the page's own session.
  const prepare = async (sessionId) => {
    await send('Network.enable', {}, sessionId).catch(() => {});
    await send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }, sessionId).catch(() => {});
    await send('Runtime.runIfWaitingForDebugger', {}, sessionId).catch(() => {});
  };

  socket.on('message', (data) => {
    const message = JSON.parse(String(data));
    if (message.id !== undefined) {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (!waiter) return;
      if (message.error) waiter.reject(new Error(`${waiter.method}: ${message.error.message}`));
      else waiter.resolve(message.result);
      return;
    }
    const { method, params = {}, sessionId } = message;
    if (method === 'Target.attachedToTarget') {
      const info = params.targetInfo;
      const session = { type: info.type, url: info.url, targetId: info.targetId, attachedAt: Date.now() };
      sessions.set(params.sessionId, session);
      targets.push(session);
      void prepare(params.sessionId);
    } else if (method === 'Target.targetInfoChanged') {
      for (const session of sessions.values()) {
        if (session.targetId === params.targetInfo.targetId) session.url = params.targetInfo.url;
      }
    } else if (method === 'Target.detachedFromTarget') {
      sessions.delete(params.sessionId);
    } else if (method === 'Network.requestWillBeSent') {
      record(sessionId, params.request.url, params.request.method, params.type === 'EventSource' ? 'eventsource' : 'http');
    } else if (method === 'ServiceWorker.workerVersionUpdated') {
      for (const version of params.versions) {
        const previous = workerStatus.get(version.versionId);
        const stopped = version.runningStatus === 'stopped' && previous?.status !== 'stopped';
        workerStatus.set(version.versionId, { status: version.runningStatus, stoppedAt: stopped ? Date.now() : (previous?.stoppedAt ?? 0) });
      }
    } else if (method === 'Network.webSocketCreated') {
      record(sessionId, params.url, 'GET', 'websocket');
    }
  });

  await send('Target.setDiscoverTargets', { discover: true });
  await send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
  // Targets that existed before we connected (the service worker starts with the browser).
  const attachedIds = () => new Set([...sessions.values()].map((session) => session.targetId));
  const { targetInfos } = await send('Target.getTargets');
  for (const info of targetInfos) {
    if (attachedIds().has(info.targetId) || info.type === 'browser') continue;
    await send('Target.attachToTarget', { targetId: info.targetId, flatten: true }).catch(() => {});
  }

  return {
    requests,
    targets,
    /**
     * Stops every running service worker of the profile (DevTools' "stop" button) and waits
     * until each has reported "stopped" (it may start again at once if an event is waiting;
     * that start is watched too). Resolves with the time the last one stopped.
     */
    async stopServiceWorkers({ timeoutMs = 5_000 } = {}) {
      const page = [...sessions.entries()].find(([, session]) => session.type === 'page');
      if (!page) throw new Error('no page target to reach the ServiceWorker domain through');
      await send('ServiceWorker.enable', {}, page[0]);
      // Version updates arrive right after enable; give them a moment to list every worker.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const commandAt = Date.now();
      await send('ServiceWorker.stopAllWorkers', {}, page[0]);
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const versions = [...workerStatus.values()];
        if (versions.every((version) => version.stoppedAt >= commandAt)) {
          return { stoppedAt: Math.max(commandAt, ...versions.map((version) => version.stoppedAt)), workers: versions.length };
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`service workers did not stop: ${JSON.stringify([...workerStatus])}`);
    },
    /** Service worker versions and their last running status (for failure messages). */
    workerStatus: () => [...workerStatus],
    close() {
      socket.close();
    },
  };
}
