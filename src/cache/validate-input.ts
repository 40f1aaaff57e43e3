import { OrchestratorError } from '../core/errors.js';
import type { PreparedSlice } from './slice-table.js';

const SLICE_HASH = /^[0-9a-fA-F]{40}$/;

function invalid(message: string, data: Record<string, unknown>): OrchestratorError {
  return new OrchestratorError('CACHE_INVALID_INPUT', message, { data });
}

/**
 * Returns `sliceHash` in lower case; throws `CACHE_INVALID_INPUT` unless it is a SHA-1 in hex
 * (40 characters).
 */
export function toSliceKey(sliceHash: unknown): string {
  if (typeof sliceHash === 'string' && SLICE_HASH.test(sliceHash)) return sliceHash.toLowerCase();
  const shown = typeof sliceHash === 'string' ? JSON.stringify(sliceHash) : typeof sliceHash;
  throw invalid(
    `Slice hash ${shown} is not a SHA-1: expected 40 hex characters (sha1 of the slice content).`,
    { sliceHash: typeof sliceHash === 'string' ? sliceHash : String(sliceHash) },
  );
}

/**
 * Checks a vector's size and values and returns a unit-length Float32 copy.
 * Throws `CACHE_INVALID_INPUT` for a wrong dimension, a non-finite value or an all-zero vector.
 */
export function toUnitVector(
  vector: unknown,
  dimensions: number,
  what = 'vector',
): Float32Array<ArrayBuffer> {
  if (!(vector instanceof Float32Array) && !Array.isArray(vector)) {
    throw invalid(`The ${what} must be a Float32Array or an array of numbers.`, { what });
  }
  const values = vector as ArrayLike<unknown>;
  if (values.length !== dimensions) {
    throw invalid(
      `The ${what} has ${values.length} dimensions; this cache expects ${dimensions}. Embed with the cache's embedder or pass dimensions: ${values.length} when creating the cache.`,
      { what, expected: dimensions, actual: values.length },
    );
  }
  let sumOfSquares = 0;
  for (let i = 0; i < dimensions; i++) {
    const value = values[i];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw invalid(`The ${what} holds a non-finite value at index ${i} (${String(value)}).`, {
        what,
        index: i,
      });
    }
    sumOfSquares += value * value;
  }
  if (sumOfSquares === 0 || !Number.isFinite(sumOfSquares)) {
    throw invalid(
      `The ${what} has length ${Math.sqrt(sumOfSquares)}: cosine similarity is undefined for it.`,
      { what },
    );
  }
  // Scaled in double precision before narrowing, so huge or tiny inputs keep their direction.
  const scale = 1 / Math.sqrt(sumOfSquares);
  const unit = new Float32Array(dimensions);
  for (let i = 0; i < dimensions; i++) unit[i] = (values[i] as number) * scale;
  return unit;
}

/** Throws `CACHE_INVALID_INPUT` unless `value` is a finite number ≥ `min` (and whole, if asked). */
export function validateCount(
  name: string,
  value: unknown,
  rule: { integer: boolean; min: number },
): asserts value is number {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= rule.min &&
    (!rule.integer || Number.isInteger(value));
  if (ok) return;
  const kind = rule.integer ? 'a whole number' : 'a finite number';
  throw invalid(`${name} must be ${kind} ≥ ${rule.min}; got ${String(value)}.`, {
    [name]: String(value),
  });
}

/** Returns why `value` would not survive a JSON round trip, or undefined when it would. */
function findUnserialisable(value: unknown, path: string, seen: Set<object>): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : `${path} is ${value}, which JSON cannot hold`;
    case 'object':
      break;
    default:
      return `${path} is a ${typeof value}, which JSON cannot hold`;
  }
  if (value === null) return undefined;
  if (seen.has(value)) return `${path} refers back to itself (a cycle)`;
  const prototype = Object.getPrototypeOf(value);
  const isArray = Array.isArray(value);
  if (!isArray && prototype !== Object.prototype && prototype !== null) {
    const name = (value as object).constructor?.name ?? 'object';
    return `${path} is a ${name}, not a plain object, array, string, number, boolean or null`;
  }
  seen.add(value);
  for (const [key, item] of Object.entries(value)) {
    // An undefined property is left out by JSON, as callers of optional fields expect.
    if (item === undefined && !isArray) continue;
    const problem = findUnserialisable(item, isArray ? `${path}[${key}]` : `${path}.${key}`, seen);
    if (problem !== undefined) return problem;
  }
  seen.delete(value);
  return undefined;
}

/**
 * Checks that `data` is a plain JSON object with string `file` and `content` and no `vector`
 * key (the vector is its own argument), and returns its JSON text.
 */
export function toSliceJson(data: unknown, sliceHash: string): string {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw invalid(`Slice ${sliceHash}: data must be an object with file and content.`, {
      sliceHash,
    });
  }
  const record = data as Record<string, unknown>;
  for (const field of ['file', 'content'] as const) {
    if (typeof record[field] !== 'string') {
      throw invalid(`Slice ${sliceHash}: data.${field} must be a string.`, { sliceHash, field });
    }
  }
  if ('vector' in record) {
    throw invalid(
      `Slice ${sliceHash}: data.vector is reserved; pass the vector as the third argument of store().`,
      { sliceHash },
    );
  }
  const problem = findUnserialisable(data, 'data', new Set());
  if (problem !== undefined) {
    throw invalid(`Slice ${sliceHash} cannot be stored: ${problem}.`, { sliceHash });
  }
  return JSON.stringify(data);
}

/**
 * Checks one slice for storing: its key, data and vector; and that it fits in the cache at all.
 * @param limits `dimensions` of every vector and the cache's `capBytes`.
 */
export function toPreparedSlice(
  item: { sliceHash: unknown; data: unknown; vector?: unknown },
  limits: { dimensions: number; capBytes: number },
): PreparedSlice {
  const hash = toSliceKey(item.sliceHash);
  const json = toSliceJson(item.data, hash);
  const vector =
    item.vector === undefined
      ? undefined
      : toUnitVector(item.vector, limits.dimensions, `vector of slice ${hash}`);
  const sizeBytes = Buffer.byteLength(json) + (vector?.byteLength ?? 0);
  if (sizeBytes > limits.capBytes) {
    throw invalid(
      `Slice ${hash} takes ${sizeBytes} bytes, more than the whole cache (cacheSizeMb = ${limits.capBytes / 1048576}). Raise ORCHESTRATOR_CACHE_SIZE_MB or store a smaller slice.`,
      { sliceHash: hash, sizeBytes },
    );
  }
  return { hash, json, vector, sizeBytes };
}
