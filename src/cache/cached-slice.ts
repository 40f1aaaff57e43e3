import { z } from 'zod';
import type { SliceData } from '../core/services.js';
import type { SliceRow } from './slice-table.js';

/** A slice as `retrieve` returns it: deeply frozen, so callers share it without copying. */
export type CachedSlice = Readonly<SliceData & { vector?: number[] }>;

/** The stored JSON read back: written by any version or process, so checked. */
const sliceDataSchema = z.looseObject({ file: z.string(), content: z.string() });

/** Freezes objects and arrays all the way down; already-frozen ones (the vector) are skipped. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key in value) deepFreeze(value[key]);
  }
  return value;
}

/** Builds the frozen value for stored JSON and an optional unit vector. */
export function toCachedSlice(json: string, unit: Float32Array | undefined): CachedSlice {
  const data: SliceData & { vector?: number[] } = sliceDataSchema.parse(JSON.parse(json));
  if (unit !== undefined) {
    // A plain loop: Array.from on a typed array goes through the slow iterator path.
    const vector = new Array<number>(unit.length);
    for (let i = 0; i < unit.length; i++) vector[i] = unit[i] as number;
    data.vector = Object.freeze(vector) as number[];
  }
  return deepFreeze(data);
}

/**
 * Decodes a database row, or returns undefined when it is damaged (bad JSON, missing fields,
 * a vector of the wrong size).
 */
export function fromSliceRow(row: SliceRow, dimensions: number): CachedSlice | undefined {
  let unit: Float32Array | undefined;
  if (row.vector !== null) {
    if (row.vector.byteLength !== dimensions * 4) return undefined;
    unit = new Float32Array(dimensions);
    new Uint8Array(unit.buffer).set(row.vector);
  }
  try {
    return toCachedSlice(row.data, unit);
  } catch {
    return undefined;
  }
}
