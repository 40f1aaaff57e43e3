import { realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { FileChange } from '../core/change/change-types.js';
import { OrchestratorError } from '../core/errors.js';
import { mapInOrder } from '../core/map-in-order.js';
import type { AppliedChanges, WorkspaceFiles } from '../core/services.js';
import { applyPrepared } from './apply-prepared.js';
import { checkClaims } from './claim-files.js';
import { decodeSource } from './decode-source.js';
import type { FileServer } from './file-server.js';
import { type PreparedChange, prepareChange } from './prepare-change.js';
import { resolveExistingFile } from './resolve-file.js';
import { throwIfCancelled } from './throw-if-cancelled.js';
import { applyThroughServer } from './write-routes.js';

const PARALLEL_READS = 8;

/** What one change did, in plan order. */
export interface AppliedFile {
  op: FileChange['op'];
  /** The path as the change names it. */
  file: string;
  /** The workspace-relative real path that was written: differs from `file` through a link. */
  path: string;
  /** For a move: where the file went. */
  to?: string;
  /** Range edits applied (0 for create, delete, move). */
  edits: number;
}

/** {@link AppliedChanges}, with what happened to each file. */
export interface AppliedFileChanges extends AppliedChanges {
  files: AppliedFile[];
}

/** {@link WorkspaceFiles} whose `applyChanges` also says which real file each change wrote. */
export interface LocalWorkspaceFiles extends WorkspaceFiles {
  applyChanges(
    changes: readonly FileChange[],
    options?: { signal?: AbortSignal },
  ): Promise<AppliedFileChanges>;
}

/** Options for {@link createWorkspaceFiles}. */
export interface WorkspaceFilesOptions {
  /**
   * Write through this filesystem MCP server, opened on the folder: every change it can make
   * byte for byte, the rest (deletes, non-UTF-8 or CRLF files) by the exact writer; then every
   * written path is read back and compared. @default the exact writer writes everything
   */
  server?: FileServer;
}

/**
 * The files of folder `root`, read and written byte for byte in their own encodings, never
 * through a link that leads outside it, all changes checked before any file is written.
 * @throws BAD_INPUT when `root` is not a folder.
 */
export function createWorkspaceFiles(
  root: string,
  filesOptions: WorkspaceFilesOptions = {},
): LocalWorkspaceFiles {
  const { server } = filesOptions;
  const realRoot = toRealRoot(root);
  return {
    root: realRoot,
    async readText(file, options = {}) {
      throwIfCancelled(options.signal, `Reading ${file} was cancelled.`);
      const target = await resolveExistingFile(realRoot, file);
      return decodeSource(file, await readFile(target.absolute)).text;
    },
    async applyChanges(changes, options = {}) {
      const cancelled = 'Applying the changes was cancelled; no file was written.';
      const prepared = await mapInOrder(changes, PARALLEL_READS, (change) => {
        throwIfCancelled(options.signal, cancelled);
        return prepareChange(realRoot, change);
      });
      checkClaims(prepared);
      throwIfCancelled(options.signal, cancelled);
      if (server === undefined) {
        await applyPrepared(prepared);
        return toApplied(changes, prepared);
      }
      const writes = await applyThroughServer(realRoot, prepared, server, options);
      return { ...toApplied(changes, prepared), writes };
    },
  };
}

function toApplied(
  changes: readonly FileChange[],
  prepared: readonly PreparedChange[],
): AppliedFileChanges {
  const touched = new Set<string>();
  const files = prepared.map((change, index): AppliedFile => {
    const file = (changes[index] as FileChange).file;
    if (change.op === 'create') {
      touched.add(change.destination.relative);
      return { op: 'create', file, path: change.destination.relative, edits: 0 };
    }
    if (change.op !== 'edit' || change.changed) touched.add(change.target.relative);
    const edits = change.op === 'edit' ? change.edits : 0;
    const to = change.op === 'move' ? { to: change.destination.relative } : {};
    return { op: change.op, file, path: change.target.relative, ...to, edits };
  });
  const editsApplied = files.reduce((sum, file) => sum + file.edits, 0);
  return { filesChanged: touched.size, editsApplied, files };
}

function toRealRoot(root: string): string {
  try {
    const real = realpathSync.native(root);
    if (statSync(real).isDirectory()) return real;
  } catch (error) {
    throw new OrchestratorError('BAD_INPUT', `No folder at ${root}. Pass the workspace folder.`, {
      data: { root },
      cause: error,
    });
  }
  throw new OrchestratorError(
    'BAD_INPUT',
    `${root} is a file, not a folder. Pass the workspace folder.`,
    {
      data: { root },
    },
  );
}
