import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';

/** What a page did while it loaded in headless Chromium. */
export interface PageVisit {
  /** Uncaught exceptions, `console.error`/`console.warn` calls and browser-side errors (CSP). */
  errors: string[];
  /** Every URL the page asked for (the page itself included). */
  requests: string[];
  /** The value of `expression`, evaluated once the page had loaded. */
  value: unknown;
}

/** A headless Chromium driven over the DevTools protocol on a pipe (fds 3 and 4). */
export interface HeadlessChromium {
  /** Opens `file` in a fresh tab, waits for its load event, evaluates `expression` (JSON-able). */
  visit(file: string, expression: string): Promise<PageVisit>;
  close(): Promise<void>;
}

/** The Chromium binary: `$CHROMIUM_PATH`, else Debian's `chromium` on the PATH; `null` if none. */
export function findChromium(): string | null {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const found = spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
    encoding: 'utf8',
  });
  const binary = found.stdout.trim().split('\n')[0];
  return found.status === 0 && binary ? binary : null;
}

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
}

/** Starts headless Chromium with a throw-away profile and no network of its own. */
export async function launchChromium(binary: string): Promise<HeadlessChromium> {
  const profile = mkdtempSync(path.join(tmpdir(), 'report-chromium-'));
  const child: ChildProcess = spawn(
    binary,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-extensions',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--no-default-browser-check',
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pending = new Map<number, { resolve: (m: Message) => void; reject: (e: Error) => void }>();
  const listeners = new Set<(m: Message) => void>();
  let buffer = '';
  let nextId = 1;
  fromBrowser.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let end = buffer.indexOf('\0');
    while (end !== -1) {
      const message = JSON.parse(buffer.slice(0, end)) as Message;
      buffer = buffer.slice(end + 1);
      end = buffer.indexOf('\0');
      const waiting = message.id === undefined ? undefined : pending.get(message.id);
      if (waiting && message.id !== undefined) {
        pending.delete(message.id);
        if (message.error) waiting.reject(new Error(message.error.message));
        else waiting.resolve(message);
      } else for (const listener of listeners) listener(message);
    }
  });
  void exited.then(() => {
    for (const waiting of pending.values())
      waiting.reject(new Error(`Chromium exited (code ${child.exitCode}): ${stderr}`));
    pending.clear();
  });
  toBrowser.on('error', () => {
    // Chromium went away; the pending calls are rejected on exit.
  });
  const send = (
    method: string,
    params: Record<string, unknown> = {},
    sessionId?: string,
  ): Promise<Message> =>
    new Promise((resolve, reject) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        reject(new Error(`Chromium is not running: ${stderr}`));
        return;
      }
      const id = nextId++;
      pending.set(id, { resolve, reject });
      toBrowser.write(
        `${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`,
      );
    });
  // The first answer proves the pipe works (or says why Chromium died).
  await send('Browser.getVersion');
  let closed = false;
  return {
    async visit(file, expression) {
      const { result: created } = await send('Target.createTarget', { url: 'about:blank' });
      const targetId = created?.targetId as string;
      const { result: attached } = await send('Target.attachToTarget', { targetId, flatten: true });
      const sessionId = attached?.sessionId as string;
      const errors: string[] = [];
      const requests: string[] = [];
      let loaded: () => void = () => {};
      const load = new Promise<void>((resolve) => {
        loaded = resolve;
      });
      const listener = (message: Message) => {
        if (message.sessionId !== sessionId) return;
        const params = message.params ?? {};
        if (message.method === 'Runtime.exceptionThrown') {
          const details = params.exceptionDetails as {
            text?: string;
            exception?: { description?: string };
          };
          errors.push(`exception: ${details.exception?.description ?? details.text ?? 'unknown'}`);
        } else if (message.method === 'Runtime.consoleAPICalled') {
          const type = params.type as string;
          if (type === 'error' || type === 'warning' || type === 'assert') {
            const args = (params.args as Array<{ value?: unknown; description?: string }>) ?? [];
            errors.push(
              `console.${type}: ${args.map((a) => a.description ?? String(a.value)).join(' ')}`,
            );
          }
        } else if (message.method === 'Log.entryAdded') {
          const entry = params.entry as { level: string; text: string; source: string };
          if (entry.level === 'error' || entry.level === 'warning')
            errors.push(`${entry.source} ${entry.level}: ${entry.text}`);
        } else if (message.method === 'Network.requestWillBeSent') {
          requests.push((params.request as { url: string }).url);
        } else if (message.method === 'Page.loadEventFired') {
          loaded();
        }
      };
      listeners.add(listener);
      try {
        for (const domain of ['Runtime', 'Log', 'Network', 'Page'])
          await send(`${domain}.enable`, {}, sessionId);
        await send('Page.navigate', { url: pathToFileURL(file).href }, sessionId);
        await load;
        const { result } = await send(
          'Runtime.evaluate',
          { expression, returnByValue: true, awaitPromise: true },
          sessionId,
        );
        const evaluated = result as {
          result: { value?: unknown };
          exceptionDetails?: { text: string };
        };
        if (evaluated.exceptionDetails) errors.push(`evaluate: ${evaluated.exceptionDetails.text}`);
        return { errors, requests, value: evaluated.result.value };
      } finally {
        listeners.delete(listener);
        await send('Target.closeTarget', { targetId }).catch(() => undefined);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      if (child.exitCode === null && child.signalCode === null) {
        await Promise.race([send('Browser.close').catch(() => undefined), exited]);
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        timer.unref();
        await exited;
        clearTimeout(timer);
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
