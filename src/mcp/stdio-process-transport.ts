import { PassThrough } from 'node:stream';
import { ReadBuffer, serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { type ManagedProcess, spawnProcess } from '../process/index.js';
import { adoptPrestarted } from './prestarted-servers.js';
import type { StdioLaunch } from './stdio-launch.js';

/** Options for {@link createStdioProcessTransport}: the launch (`env` is the whole environment). */
export interface StdioProcessTransportOptions extends StdioLaunch {
  /** Wait after each stop step (stdin closed, SIGTERM) before the next, in ms. */
  stopGraceMs: number;
}

/** An MCP client transport over the stdio of a child started by the process module. */
export interface StdioProcessTransport extends Transport {
  /** Process id once started; undefined before, or when the server could not start. */
  readonly pid: number | undefined;
  /** The server's stderr; readable before `start()`, so no early line is lost. */
  readonly stderr: PassThrough;
  /**
   * How long before `start()` the process was spawned, in ms, when `start()` took over one
   * started early for the same launch (see `prestarted-servers.ts`); undefined otherwise.
   */
  readonly prestartedMs: number | undefined;
}

/**
 * Creates a transport that spawns the server on `start()` (own process group, tree marker,
 * exit hook) — or takes over the one spawned early for the same launch — reads
 * newline-delimited JSON-RPC from its stdout and writes to its stdin.
 * `close()` stops the whole tree in steps (stdin, grace, SIGTERM, grace, SIGKILL) and is safe to
 * call twice; `onclose` fires once, whether the server exited by itself or was closed.
 */
export function createStdioProcessTransport(
  options: StdioProcessTransportOptions,
): StdioProcessTransport {
  const readBuffer = new ReadBuffer();
  const stderr = new PassThrough();
  let child: ManagedProcess | undefined;
  let closing: Promise<void> | undefined;
  let notified = false;
  let prestartedMs: number | undefined;

  const notifyClosed = (): void => {
    if (notified) return;
    notified = true;
    readBuffer.clear();
    transport.onclose?.();
  };

  const readMessages = (chunk: Buffer): void => {
    readBuffer.append(chunk);
    for (;;) {
      let message: JSONRPCMessage | null;
      try {
        message = readBuffer.readMessage();
      } catch (error) {
        transport.onerror?.(error as Error);
        continue;
      }
      if (message === null) return;
      transport.onmessage?.(message);
    }
  };

  const transport: StdioProcessTransport = {
    get pid() {
      return child?.pid;
    },
    stderr,
    get prestartedMs() {
      return prestartedMs;
    },
    async start() {
      if (child !== undefined) throw new Error('The stdio transport was already started.');
      if (closing !== undefined) throw new Error('The stdio transport was closed.');
      const early = adoptPrestarted(options);
      if (early) prestartedMs = Math.round(performance.now() - early.startedAt);
      const started =
        early?.process ??
        spawnProcess([options.command, ...options.args], { cwd: options.cwd, env: options.env });
      child = started;
      started.stdout.on('data', readMessages);
      started.stderr.pipe(stderr);
      started.stdin?.on('error', (error) => transport.onerror?.(error));
      void started.exited.then(notifyClosed);
      const spawned = await started.spawned;
      if (spawned.kind === 'spawn-failed') throw new Error(spawned.message);
    },
    send(message) {
      return new Promise((resolve, reject) => {
        const stdin = child?.stdin;
        if (child?.state !== 'running' || stdin === null || stdin === undefined) {
          reject(new Error('Not connected'));
          return;
        }
        stdin.write(serializeMessage(message), (error) =>
          error === null || error === undefined ? resolve() : reject(error),
        );
      });
    },
    close() {
      closing ??= (async () => {
        const grace = options.stopGraceMs;
        await child?.stop({ stdinGraceMs: grace, termGraceMs: grace });
        notifyClosed();
      })();
      return closing;
    },
  };
  return transport;
}
