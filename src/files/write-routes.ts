import { readFile } from 'node:fs/promises';
import type { DirectWrite, WriteRoutes } from '../core/services.js';
import { applyPrepared, writeDirectly } from './apply-prepared.js';
import { type FileServer, toDirectReason, writeThroughServer } from './file-server.js';
import type { PreparedChange } from './prepare-change.js';
import { toExpectedFiles, verifyWritten } from './verify-written.js';

/**
 * Writes checked changes under `root`: through `server` (opened on `root` first, when any
 * change goes through it) each one it can make byte for byte, the others with the exact writer;
 * then reads every touched path back. Not cancelled once writing has begun.
 * @throws what `server.open` throws (nothing is written then); INTERNAL naming the file a
 *   write failed on; WRITE_MISMATCH naming each file whose bytes differ from the plan's.
 */
export async function applyThroughServer(
  root: string,
  changes: readonly PreparedChange[],
  server: FileServer,
  options: { signal?: AbortSignal } = {},
): Promise<WriteRoutes> {
  const direct: DirectWrite[] = [];
  const directReasons = new Map<PreparedChange, string>();
  let throughServer = 0;
  for (const change of changes) {
    if (change.op === 'edit' && !change.changed) continue;
    const reason = toDirectReason(change);
    if (reason === undefined) {
      throughServer += 1;
      continue;
    }
    directReasons.set(change, reason);
    direct.push({
      file: change.op === 'create' ? change.destination.file : change.target.file,
      reason,
    });
  }
  const waitStarted = performance.now();
  if (throughServer > 0) await server.open(root, options);
  const serverWaitMs = Math.round(performance.now() - waitStarted);
  const movedBytes = await readMovedBytes(changes);
  await applyPrepared(changes, (change) =>
    directReasons.has(change) ? writeDirectly(change) : writeThroughServer(server, change),
  );
  await verifyWritten(toExpectedFiles(changes, movedBytes));
  return { filesystemServer: throughServer, direct, serverWaitMs };
}

/** The bytes of each file a move takes without an edit: what its destination must hold. */
async function readMovedBytes(
  changes: readonly PreparedChange[],
): Promise<Map<string, Uint8Array>> {
  const edited = new Set(
    changes.flatMap((change) => (change.op === 'edit' ? [change.target.absolute] : [])),
  );
  const moved = changes.flatMap((change) =>
    change.op === 'move' && !edited.has(change.target.absolute) ? [change.target.absolute] : [],
  );
  return new Map(
    await Promise.all(moved.map(async (file) => [file, await readFile(file)] as const)),
  );
}
