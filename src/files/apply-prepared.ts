import { mkdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { OrchestratorError, toErrorMessage } from '../core/errors.js';
import { mapInOrder } from '../core/map-in-order.js';
import type { PreparedChange } from './prepare-change.js';
import { writeFileAtomic } from './write-file-atomic.js';

const PARALLEL_WRITES = 8;
const ORDER: ReadonlyArray<PreparedChange['op']> = ['edit', 'move', 'create', 'delete'];

/**
 * Writes checked changes: edits, then moves, creates and deletes; each file atomically, by
 * `write` (default {@link writeDirectly}). It is not cancelled: once the first file is written,
 * stopping would leave a half-applied plan.
 * @throws INTERNAL naming the file when the file system refuses a write; the files written
 *   before it stay written (the caller rolls the worktree back).
 */
export async function applyPrepared(
  changes: readonly PreparedChange[],
  write: (change: PreparedChange) => Promise<void> = writeDirectly,
): Promise<void> {
  const written: string[] = [];
  for (const op of ORDER) {
    const batch = changes.filter((change) => change.op === op);
    await mapInOrder(batch, PARALLEL_WRITES, async (change) => {
      const file = change.op === 'create' ? change.destination.relative : change.target.relative;
      try {
        await write(change);
      } catch (error) {
        throw new OrchestratorError(
          'INTERNAL',
          `Writing ${file} failed (${toErrorMessage(error)}) after ${written.length} other files were written; the changes are half applied. Roll the worktree back.`,
          { data: { file, written: [...written] }, cause: error },
        );
      }
      written.push(file);
    });
  }
}

/** Writes one checked change byte for byte, in the file's own encoding, atomically. */
export async function writeDirectly(change: PreparedChange): Promise<void> {
  switch (change.op) {
    case 'edit':
      if (change.changed)
        await writeFileAtomic(change.target.absolute, change.bytes, change.target.mode);
      return;
    case 'move':
      await mkdir(path.dirname(change.destination.absolute), { recursive: true });
      await rename(change.target.absolute, change.destination.absolute);
      return;
    case 'create':
      await mkdir(path.dirname(change.destination.absolute), { recursive: true });
      await writeFileAtomic(change.destination.absolute, change.bytes);
      return;
    case 'delete':
      await unlink(change.target.absolute);
      return;
  }
}
