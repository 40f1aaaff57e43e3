import { z } from 'zod';
import { OrchestratorError } from '../core/errors.js';
import type { Embedder } from './embedder-types.js';
import { HashedCodeEmbedder } from './hashed-embedder.js';
import { HttpEmbedder } from './http-embedder.js';

/** Options for {@link createEmbedder}. */
export interface EmbedderOptions {
  /** Vector length. @default 384 */
  dimensions?: number;
  /**
   * Where settings are read: `ORCHESTRATOR_EMBEDDINGS_URL` (an OpenAI-compatible server; unset
   * means the offline hashed embedder), `ORCHESTRATOR_EMBEDDINGS_MODEL`,
   * `ORCHESTRATOR_EMBEDDINGS_API_KEY`. @default process.env
   */
  env?: Readonly<Record<string, string | undefined>>;
  /** Deadline of one HTTP call, in ms. @default 30000 */
  timeoutMs?: number;
}

const urlSchema = z.url({ protocol: /^https?$/ });

/**
 * The embedder the settings ask for: {@link HttpEmbedder} when `ORCHESTRATOR_EMBEDDINGS_URL` is
 * set, otherwise {@link HashedCodeEmbedder}. A malformed URL is an `INVALID_SETTING` error.
 */
export function createEmbedder(options: EmbedderOptions = {}): Embedder {
  const env = options.env ?? process.env;
  const dimensions = options.dimensions ?? 384;
  const rawUrl = env.ORCHESTRATOR_EMBEDDINGS_URL?.trim();
  if (rawUrl === undefined || rawUrl === '') return new HashedCodeEmbedder(dimensions);
  const url = urlSchema.safeParse(rawUrl);
  if (!url.success) {
    throw new OrchestratorError(
      'INVALID_SETTING',
      `ORCHESTRATOR_EMBEDDINGS_URL=${JSON.stringify(rawUrl)} is not valid: expected an http(s) URL such as http://127.0.0.1:8080/v1. Unset it to use the built-in offline embedder.`,
      { data: { variable: 'ORCHESTRATOR_EMBEDDINGS_URL', value: rawUrl } },
    );
  }
  return new HttpEmbedder({
    url: url.data,
    dimensions,
    model: env.ORCHESTRATOR_EMBEDDINGS_MODEL?.trim() || 'text-embedding-3-small',
    apiKey: env.ORCHESTRATOR_EMBEDDINGS_API_KEY?.trim() || undefined,
    timeoutMs: options.timeoutMs ?? 30_000,
  });
}
