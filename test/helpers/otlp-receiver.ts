import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeOtlpProtobuf } from './decode-otlp-protobuf.js';
import { decodeOtlpJson, type ReceivedSpan } from './otlp-span.js';

/** One POST the receiver got. */
export interface ReceivedExport {
  path: string;
  contentType: string;
  headers: IncomingHttpHeaders;
  spans: ReceivedSpan[];
}

/** A local OTLP/HTTP trace receiver that decodes what it gets (JSON and protobuf). */
export interface OtlpReceiver {
  /** Base URL, e.g. `http://127.0.0.1:4318` (no trailing slash). */
  readonly url: string;
  readonly exports: ReceivedExport[];
  /** Every span received, in arrival order. */
  spans(): ReceivedSpan[];
  /** Resolves once `count` spans in all have arrived (or rejects after `timeoutMs`). */
  waitForSpans(count: number, timeoutMs?: number): Promise<ReceivedSpan[]>;
  close(): Promise<void>;
}

/**
 * Starts the receiver on a free loopback port. `mode: 'hang'` accepts requests and never
 * answers (a collector that is stuck); bodies that cannot be decoded get a 400.
 */
export async function startOtlpReceiver(
  options: { mode?: 'ok' | 'hang' } = {},
): Promise<OtlpReceiver> {
  const exports: ReceivedExport[] = [];
  const waiters: Array<() => void> = [];
  const spans = () => exports.flatMap((e) => e.spans);
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (options.mode === 'hang') return;
      const body = new Uint8Array(Buffer.concat(chunks));
      const contentType = request.headers['content-type'] ?? '';
      try {
        const decoded = contentType.includes('json')
          ? decodeOtlpJson(body)
          : decodeOtlpProtobuf(body);
        exports.push({
          path: request.url ?? '',
          contentType,
          headers: request.headers,
          spans: decoded,
        });
      } catch (error) {
        response.writeHead(400).end(String(error));
        return;
      }
      if (contentType.includes('json')) {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      } else {
        response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      }
      for (const wake of waiters.splice(0)) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    exports,
    spans,
    async waitForSpans(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (spans().length < count) {
        if (Date.now() > deadline) {
          throw new Error(`OTLP receiver: ${spans().length} of ${count} spans in ${timeoutMs} ms`);
        }
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100).unref();
        });
      }
      return spans();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback URL nothing listens on (a port that was free a moment ago). */
export async function unusedLocalUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
