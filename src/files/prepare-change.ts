import { readFile } from 'node:fs/promises';
import type { EditFileChange, FileChange } from '../core/change/change-types.js';
import { OrchestratorError } from '../core/errors.js';
import { decodeSource } from './decode-source.js';
import { detectEncoding } from './detect-encoding.js';
import { encodeNewText } from './encode-new-text.js';
import { locateEdits } from './locate-edits.js';
import {
  type ExistingFile,
  type NewFile,
  resolveExistingFile,
  resolveNewFile,
} from './resolve-file.js';
import { spliceBytes } from './splice-bytes.js';

/** A change checked against the files, with the bytes it will write. Nothing is written yet. */
export type PreparedChange =
  | {
      op: 'edit';
      target: ExistingFile;
      /** The file's bytes as read. */
      before: Uint8Array;
      bytes: Uint8Array;
      /** The encoding the file declares or was detected in. */
      encoding: string;
      changed: boolean;
      edits: number;
    }
  | { op: 'move'; target: ExistingFile; destination: NewFile }
  | { op: 'create'; destination: NewFile; bytes: Uint8Array }
  | { op: 'delete'; target: ExistingFile };

/**
 * Checks `change` against the files under `root` (a real path) and computes what it writes;
 * an edited file is read once.
 * @throws PLAN_INVALID, FILE_UNDECODABLE, UNSAFE_PATH, PATH_OUTSIDE_WORKSPACE naming the file.
 */
export async function prepareChange(root: string, change: FileChange): Promise<PreparedChange> {
  switch (change.op) {
    case 'edit':
      return prepareEdit(root, change);
    case 'create': {
      const destination = await resolveNewFile(root, change.file);
      return { op: 'create', destination, bytes: encodeNewText(change.file, change.text) };
    }
    case 'move': {
      const target = refuseLink(await resolveExistingFile(root, change.file), 'move');
      return { op: 'move', target, destination: await resolveNewFile(root, change.to) };
    }
    case 'delete':
      return {
        op: 'delete',
        target: refuseLink(await resolveExistingFile(root, change.file), 'delete'),
      };
  }
}

async function prepareEdit(root: string, change: EditFileChange): Promise<PreparedChange> {
  const { file } = change;
  const target = await resolveExistingFile(root, file);
  const before = await readFile(target.absolute);
  const source = decodeSource(file, before);
  const located = locateEdits(file, source.text, change.edits);
  const bytes = spliceBytes(file, before, source, located);
  const after = detectEncoding(file, bytes);
  if (after.encoding.name !== source.encoding.name || after.bomLength !== source.bomLength) {
    throw new OrchestratorError(
      'FILE_UNDECODABLE',
      `The edits of ${file} change the encoding it declares from ${source.encoding.name} to ${after.encoding.name}, so its other bytes would be read differently. Re-encode ${file} by hand, then make a new plan.`,
      { data: { file, encoding: source.encoding.name, newEncoding: after.encoding.name } },
    );
  }
  return {
    op: 'edit',
    target,
    before,
    bytes,
    encoding: source.encoding.name,
    changed: !before.equals(bytes),
    edits: located.length,
  };
}

/** A link is never moved or deleted in place of its file, nor its file in place of it. */
function refuseLink(target: ExistingFile, op: 'move' | 'delete'): ExistingFile {
  if (!target.isLink) return target;
  throw new OrchestratorError(
    'UNSAFE_PATH',
    `${target.file} is a symbolic link to ${target.relative}; mcp-orchestrator does not ${op} links. Name ${target.relative} to ${op} the file itself, or ${op} the link by hand.`,
    { data: { file: target.file, target: target.relative } },
  );
}
