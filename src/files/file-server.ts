import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import type { PreparedChange } from './prepare-change.js';
import { toSingleEdit } from './single-edit.js';

/**
 * The write tools of a filesystem MCP server (the official `@modelcontextprotocol/server-filesystem`
 * semantics): absolute paths, UTF-8 text, `editFile` replacing the first occurrence of
 * `oldText` after turning the file's CRLFs into LFs.
 */
export interface FileServer {
  /**
   * Makes the server ready to write below `root` and nowhere else (its allowed directories);
   * called once before the first write. Throws naming why it cannot.
   */
  open(root: string, options?: { signal?: AbortSignal }): Promise<void>;
  editFile(absolute: string, edit: { oldText: string; newText: string }): Promise<void>;
  writeFile(absolute: string, text: string): Promise<void>;
  createDirectory(absolute: string): Promise<void>;
  moveFile(source: string, destination: string): Promise<void>;
}

const CR = 0x0d;

/**
 * Why `change` cannot go through the filesystem server byte for byte, or undefined when it can:
 * the server has no delete tool, reads and writes UTF-8 only, and `edit_file` rewrites every
 * CRLF of a file as LF.
 */
export function toDirectReason(change: PreparedChange): string | undefined {
  switch (change.op) {
    case 'delete':
      return 'the filesystem server has no delete tool';
    case 'move':
      return undefined;
    case 'create':
      return isUtf8(change.bytes)
        ? undefined
        : 'its new bytes are not UTF-8, and write_file writes UTF-8 only';
    case 'edit':
      if (!isUtf8(change.before) || !isUtf8(change.bytes)) {
        return `it is ${change.encoding}, not UTF-8, and edit_file reads and writes UTF-8 only`;
      }
      if (change.before.includes(CR) || change.bytes.includes(CR)) {
        return 'it has carriage returns (CRLF line ends), which edit_file rewrites as LF';
      }
      return undefined;
  }
}

/** Writes `change` (one {@link toDirectReason} accepts) through `server`. */
export async function writeThroughServer(
  server: FileServer,
  change: PreparedChange,
): Promise<void> {
  switch (change.op) {
    case 'edit': {
      const edit = toSingleEdit(toText(change.before), toText(change.bytes));
      if (edit !== undefined) await server.editFile(change.target.absolute, edit);
      return;
    }
    case 'move':
      if (change.destination.newFolders.length > 0)
        await server.createDirectory(path.dirname(change.destination.absolute));
      await server.moveFile(change.target.absolute, change.destination.absolute);
      return;
    case 'create':
      if (change.destination.newFolders.length > 0)
        await server.createDirectory(path.dirname(change.destination.absolute));
      await server.writeFile(change.destination.absolute, toText(change.bytes));
      return;
    case 'delete':
      throw new Error(`The filesystem server cannot delete ${change.target.file}.`);
  }
}

/** UTF-8 text with a byte order mark kept as U+FEFF, as the server reads the file. */
function toText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}
