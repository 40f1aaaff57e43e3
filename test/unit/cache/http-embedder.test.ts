import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { toEmbeddingsUrl } from '../../../src/cache/http-embedder.js';
import {
  createEmbedder,
  HttpEmbedder,
  isOrchestratorError,
  SliceCache,
} from '../../../src/index.js';

interface Received {
  url: string | undefined;
  authorization: string | undefined;
  body: Record<string, unknown>;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
  );
});

/** A local OpenAI-compatible embeddings server on 127.0.0.1. */
async function startServer(
  answer: (received: Received, response: ServerResponse) => void,
): Promise<{ base: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    request.on('end', () => {
      const entry = {
        url: request.url,
        authorization: request.headers.authorization,
        body: JSON.parse(text),
      };
      received.push(entry);
      answer(entry, response);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(value));
}

describe('HttpEmbedder', () => {
  it('posts the text to /v1/embeddings and returns the embedding', async () => {
    const { base, received } = await startServer((_, response) =>
      sendJson(response, 200, { data: [{ index: 0, embedding: [0.5, 0.25, 0.25] }] }),
    );
    const embedder = createEmbedder({
      dimensions: 3,
      env: {
        ORCHESTRATOR_EMBEDDINGS_URL: base,
        ORCHESTRATOR_EMBEDDINGS_MODEL: 'mini',
        ORCHESTRATOR_EMBEDDINGS_API_KEY: 'k-123',
      },
    });
    expect(embedder).toBeInstanceOf(HttpEmbedder);
    expect(Array.from(await embedder.embed('risk manager'))).toEqual([0.5, 0.25, 0.25]);
    expect(received).toEqual([
      {
        url: '/v1/embeddings',
        authorization: 'Bearer k-123',
        body: { model: 'mini', input: ['risk manager'], dimensions: 3, encoding_format: 'float' },
      },
    ]);
  });

  it('serves SliceCache.embed when ORCHESTRATOR_EMBEDDINGS_URL is set, normalised', async () => {
    const { base } = await startServer((_, response) =>
      sendJson(response, 200, { data: [{ embedding: [3, 4] }] }),
    );
    const cache = new SliceCache({
      dir: '/nonexistent',
      dimensions: 2,
      env: { ORCHESTRATOR_EMBEDDINGS_URL: `${base}/v1` },
    });
    expect(Array.from(await cache.embed('x'))).toEqual([
      expect.closeTo(0.6, 6),
      expect.closeTo(0.8, 6),
    ]);
  });

  it('fails with CACHE_FAILED naming both sizes when the server returns the wrong dimension', async () => {
    const { base } = await startServer((_, response) =>
      sendJson(response, 200, { data: [{ embedding: [1, 2] }] }),
    );
    const embedder = createEmbedder({
      dimensions: 384,
      env: { ORCHESTRATOR_EMBEDDINGS_URL: base },
    });
    const error = await embedder.embed('x').catch((caught: unknown) => caught);
    expect(isOrchestratorError(error, 'CACHE_FAILED')).toBe(true);
    expect(String(error)).toMatch(/returned 2 dimensions; expected 384/);
  });

  it('fails with a retryable CACHE_FAILED on a server error, quoting the status', async () => {
    const { base } = await startServer((_, response) => sendJson(response, 503, { error: 'busy' }));
    const error = await new HttpEmbedder({ url: base, dimensions: 2, model: 'm', timeoutMs: 5000 })
      .embed('x')
      .catch((caught: unknown) => caught);
    expect(isOrchestratorError(error, 'CACHE_FAILED')).toBe(true);
    expect((error as { retryable: boolean }).retryable).toBe(true);
    expect(String(error)).toMatch(/HTTP 503/);
  });

  it('fails when the answer is not an embeddings response', async () => {
    const { base } = await startServer((_, response) => sendJson(response, 200, { vectors: [] }));
    const embedder = createEmbedder({ dimensions: 2, env: { ORCHESTRATOR_EMBEDDINGS_URL: base } });
    await expect(embedder.embed('x')).rejects.toThrow(/not an embeddings response/);
  });

  it('gives up at its deadline when the server does not answer', async () => {
    const { base } = await startServer(() => {});
    const embedder = new HttpEmbedder({ url: base, dimensions: 2, model: 'm', timeoutMs: 200 });
    const error = await embedder.embed('x').catch((caught: unknown) => caught);
    expect(isOrchestratorError(error, 'CACHE_FAILED')).toBe(true);
  });

  it('rejects a malformed ORCHESTRATOR_EMBEDDINGS_URL with INVALID_SETTING naming it', () => {
    let error: unknown;
    try {
      createEmbedder({ env: { ORCHESTRATOR_EMBEDDINGS_URL: 'not a url' } });
    } catch (caught) {
      error = caught;
    }
    expect(isOrchestratorError(error, 'INVALID_SETTING')).toBe(true);
    expect(String(error)).toMatch(/ORCHESTRATOR_EMBEDDINGS_URL/);
  });

  it('derives the endpoint from a base, a /v1 base or a full address', () => {
    expect(toEmbeddingsUrl('http://h:1')).toBe('http://h:1/v1/embeddings');
    expect(toEmbeddingsUrl('http://h:1/v1/')).toBe('http://h:1/v1/embeddings');
    expect(toEmbeddingsUrl('http://h:1/api/v1/embeddings')).toBe('http://h:1/api/v1/embeddings');
  });
});
