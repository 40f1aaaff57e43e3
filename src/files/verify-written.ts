import { lstat, readFile } from 'node:fs/promises';
import { OrchestratorError } from '../core/errors.js';
import type { PreparedChange } from './prepare-change.js';

/** What a path must hold once the changes are written: these bytes, or nothing. */
interface Expected {
  /** The path as the change names it. */
  file: string;
  bytes: Uint8Array | null;
}

/**
 * What every path the changes touch must hold afterwards (absolute path → bytes, or null for
 * gone). A moved file keeps its bytes: the edit's, when it was edited too, else `movedBytes`.
 */
export function toExpectedFiles(
  changes: readonly PreparedChange[],
  movedBytes: ReadonlyMap<string, Uint8Array>,
): Map<string, Expected> {
  const expected = new Map<string, Expected>();
  const edited = new Map<string, Uint8Array>();
  for (const change of changes) {
    if (change.op !== 'edit') continue;
    edited.set(change.target.absolute, change.bytes);
    expected.set(change.target.absolute, { file: change.target.file, bytes: change.bytes });
  }
  for (const change of changes) {
    switch (change.op) {
      case 'move': {
        const source = change.target.absolute;
        const bytes = edited.get(source) ?? movedBytes.get(source) ?? null;
        expected.set(source, { file: change.target.file, bytes: null });
        expected.set(change.destination.absolute, { file: change.destination.file, bytes });
        break;
      }
      case 'create':
        expected.set(change.destination.absolute, {
          file: change.destination.file,
          bytes: change.bytes,
        });
        break;
      case 'delete':
        expected.set(change.target.absolute, { file: change.target.file, bytes: null });
        break;
      case 'edit':
        break;
    }
  }
  return expected;
}

/**
 * Reads back every path in `expected` and compares it byte for byte.
 * @throws WRITE_MISMATCH naming each file whose bytes on disk differ from what the plan computed.
 */
export async function verifyWritten(expected: ReadonlyMap<string, Expected>): Promise<void> {
  const problems: Array<{ file: string; problem: string }> = [];
  await Promise.all(
    [...expected].map(async ([absolute, { file, bytes }]) => {
      const found = await readIfThere(absolute);
      const problem = describeMismatch(bytes, found);
      if (problem !== undefined) problems.push({ file, problem });
    }),
  );
  if (problems.length === 0) return;
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  throw new OrchestratorError(
    'WRITE_MISMATCH',
    `After writing, ${problems.map(({ file, problem }) => `${file} ${problem}`).join('; ')}: the bytes on disk are not what the plan computed, so the change is not kept. Report it, with the file, as a bug.`,
    { data: { files: problems.map(({ file }) => file), problems } },
  );
}

type Found =
  | { kind: 'file'; bytes: Buffer }
  | { kind: 'missing' }
  | { kind: 'other'; what: string };

function describeMismatch(expected: Uint8Array | null, found: Found): string | undefined {
  if (found.kind === 'other') return `is ${found.what}, not a file`;
  if (expected === null)
    return found.kind === 'missing' ? undefined : 'still exists but should be gone';
  if (found.kind === 'missing') return `is missing (expected ${expected.byteLength} bytes)`;
  if (found.bytes.equals(expected)) return undefined;
  const limit = Math.min(found.bytes.byteLength, expected.byteLength);
  let offset = 0;
  while (offset < limit && found.bytes[offset] === expected[offset]) offset += 1;
  return `holds ${found.bytes.byteLength} bytes instead of the ${expected.byteLength} planned (they differ from byte ${offset})`;
}

async function readIfThere(absolute: string): Promise<Found> {
  try {
    const info = await lstat(absolute);
    if (info.isFile()) return { kind: 'file', bytes: await readFile(absolute) };
    return { kind: 'other', what: info.isDirectory() ? 'a folder' : 'a link or special file' };
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
}
