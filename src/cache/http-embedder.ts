import { z } from 'zod';
import { OrchestratorError, toErrorMessage } from '../core/errors.js';
import type { Embedder, EmbedOptions } from './embedder-types.js';

/** Options for {@link HttpEmbedder}. */
export interface HttpEmbedderOptions {
  /** Server base (`http://host:port`, `…/v1`) or the full `…/v1/embeddings` address. */
  url: string;
  /** Vector length asked for and required of the answer. */
  dimensions: number;
  /** Model name sent with each request. */
  model: string;
  /** Sent as `Authorization: Bearer <apiKey>` when set. */
  apiKey?: string | undefined;
  /** Deadline of one call, in ms. */
  timeoutMs: number;
}

const responseSchema = z.object({
  data: z.array(z.object({ embedding: z.array(z.number()) })).min(1),
});

/** The embeddings address for a base URL: appends `/v1/embeddings` or `/embeddings` as needed. */
export function toEmbeddingsUrl(base: string): string {
  const url = new URL(base);
  const trimmed = url.pathname.replace(/\/+$/, '');
  if (trimmed.endsWith('/embeddings')) url.pathname = trimmed;
  else if (trimmed.endsWith('/v1')) url.pathname = `${trimmed}/embeddings`;
  else url.pathname = `${trimmed}/v1/embeddings`;
  return url.toString();
}

/** Embeds text through an OpenAI-compatible `POST /v1/embeddings` endpoint. */
export class HttpEmbedder implements Embedder {
  readonly name: string;
  readonly dimensions: number;
  readonly #endpoint: string;
  readonly #options: HttpEmbedderOptions;

  constructor(options: HttpEmbedderOptions) {
    this.#endpoint = toEmbeddingsUrl(options.url);
    this.#options = options;
    this.dimensions = options.dimensions;
    this.name = `http ${this.#endpoint}`;
  }

  async embed(text: string, options: EmbedOptions = {}): Promise<Float32Array> {
    const deadline = AbortSignal.timeout(this.#options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.#options.apiKey !== undefined)
      headers.authorization = `Bearer ${this.#options.apiKey}`;
    let response: Response;
    try {
      response = await fetch(this.#endpoint, {
        method: 'POST',
        headers,
        signal,
        body: JSON.stringify({
          model: this.#options.model,
          input: [text],
          dimensions: this.dimensions,
          encoding_format: 'float',
        }),
      });
    } catch (error) {
      if (options.signal?.aborted === true) {
        throw new OrchestratorError('CANCELLED', 'Embedding was cancelled.', { cause: error });
      }
      throw this.#failure(`the request failed (${toErrorMessage(error)})`, error, true);
    }
    if (!response.ok) {
      const retryable = response.status === 429 || response.status >= 500;
      const body = (await response.text().catch(() => '')).slice(0, 200);
      throw this.#failure(`it answered HTTP ${response.status}: ${body}`, undefined, retryable);
    }
    const parsed = responseSchema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) {
      throw this.#failure('its answer is not an embeddings response ({data: [{embedding}]})');
    }
    const embedding = parsed.data.data[0]?.embedding ?? [];
    if (embedding.length !== this.dimensions) {
      throw this.#failure(
        `it returned ${embedding.length} dimensions; expected ${this.dimensions}. Set the cache's dimensions to the model's size`,
      );
    }
    return Float32Array.from(embedding);
  }

  #failure(reason: string, cause?: unknown, retryable = false): OrchestratorError {
    return new OrchestratorError(
      'CACHE_FAILED',
      `Embedding server ${this.#endpoint} (ORCHESTRATOR_EMBEDDINGS_URL): ${reason}.`,
      { cause, retryable, data: { endpoint: this.#endpoint } },
    );
  }
}
