import path from 'node:path';
import { z } from 'zod';
import { OrchestratorError } from '../core/errors.js';
import { resolveCacheSizeMb } from '../core/settings.js';
import type { ApproximateIndexOptions } from './approximate-index.js';
import { createEmbedder } from './create-embedder.js';
import type { Embedder } from './embedder-types.js';
import type { CacheLogger } from './open-database.js';

/** Options for `new SliceCache(...)`. */
export interface SliceCacheOptions {
  /** Directory of the cache; the database is `<dir>/cache.db` (the orchestrator passes `<workspace>/.mcp-orchestrator`). */
  dir: string;
  /** Byte cap on stored content (JSON data + vectors), in MB. @default ORCHESTRATOR_CACHE_SIZE_MB, else 512 */
  cacheSizeMb?: number;
  /** Entries kept in the in-memory LRU tier. @default 1000 */
  maxMemoryEntries?: number;
  /** Length of every vector. @default 384 */
  dimensions?: number;
  /** Turns text into vectors for {@link SliceCache.embed}. @default createEmbedder({dimensions, env}) */
  embedder?: Embedder;
  /** Receives warnings about recovered problems (a corrupt file moved aside). @default process.emitWarning */
  logger?: CacheLogger;
  /** Where settings are read. @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
  /** How long a write waits for another process's lock, in ms. @default 5000 */
  busyTimeoutMs?: number;
  /** Vector count from which search uses the approximate (IVF) index once built. @default 20000 */
  approximateThreshold?: number;
  /** Tuning of the approximate index. */
  approximate?: ApproximateIndexOptions;
  /** How long a read time due to be written may wait in memory first, in ms. @default 1000 */
  accessFlushMs?: number;
  /**
   * How far behind a slice's read time in the database may be, in ms: a read is written once it
   * is this much newer than the stored time; reads in between are counted in memory and written
   * when the slice leaves memory or the cache closes (this process's evictions and cleanups
   * always heed them). Other processes see read times this coarsely; 0 writes every read.
   * @default 60000
   */
  accessResolutionMs?: number;
  /** The clock, in ms since the epoch (tests fake it). @default Date.now */
  now?: () => number;
}

/** {@link SliceCacheOptions} with every default applied. */
export interface ResolvedSliceCacheOptions {
  file: string;
  capBytes: number;
  maxMemoryEntries: number;
  dimensions: number;
  embedder: Embedder;
  logger: CacheLogger;
  busyTimeoutMs: number;
  approximateThreshold: number;
  approximate: ApproximateIndexOptions;
  accessFlushMs: number;
  accessResolutionMs: number;
  now: () => number;
}

const numbersSchema = z.object({
  dir: z.string().min(1),
  cacheSizeMb: z.number().positive().finite().optional(),
  maxMemoryEntries: z.number().int().min(0).optional(),
  dimensions: z.number().int().min(1).max(65_536).optional(),
  busyTimeoutMs: z.number().int().min(0).optional(),
  approximateThreshold: z.number().int().min(1).optional(),
  accessFlushMs: z.number().int().min(1).optional(),
  accessResolutionMs: z.number().int().min(0).optional(),
});

const defaultLogger: CacheLogger = {
  warn: (message) => process.emitWarning(message, { code: 'MCP_ORCHESTRATOR_CACHE' }),
};

/** Applies defaults and checks every option; a bad one is a `CACHE_INVALID_INPUT` error naming it. */
export function resolveSliceCacheOptions(options: SliceCacheOptions): ResolvedSliceCacheOptions {
  const parsed = numbersSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? 'options';
    throw new OrchestratorError(
      'CACHE_INVALID_INPUT',
      `SliceCache option ${name} is not valid: ${issue?.message ?? 'bad value'}.`,
      { data: { option: name } },
    );
  }
  const env = options.env ?? process.env;
  const dimensions = options.dimensions ?? 384;
  const embedder = options.embedder ?? createEmbedder({ dimensions, env });
  if (embedder.dimensions !== dimensions) {
    throw new OrchestratorError(
      'CACHE_INVALID_INPUT',
      `The embedder ${embedder.name} makes ${embedder.dimensions}-dimension vectors but the cache expects ${dimensions}. Pass matching dimensions.`,
      { data: { expected: dimensions, actual: embedder.dimensions } },
    );
  }
  const cacheSizeMb = options.cacheSizeMb ?? resolveCacheSizeMb(env);
  return {
    file: path.join(options.dir, 'cache.db'),
    capBytes: Math.floor(cacheSizeMb * 1024 * 1024),
    maxMemoryEntries: options.maxMemoryEntries ?? 1000,
    dimensions,
    embedder,
    logger: options.logger ?? defaultLogger,
    busyTimeoutMs: options.busyTimeoutMs ?? 5000,
    approximateThreshold: options.approximateThreshold ?? 20_000,
    approximate: options.approximate ?? {},
    accessFlushMs: options.accessFlushMs ?? 1000,
    accessResolutionMs: options.accessResolutionMs ?? 60_000,
    now: options.now ?? Date.now,
  };
}
