import { stat } from 'node:fs/promises';
import path from 'node:path';
import { FileChangeType, type FileEvent } from 'vscode-languageserver-protocol';
import { listPythonFiles } from './list-python-files.js';
import { toFileUri } from './lsp-locations.js';

/**
 * Notices `.py` files created, changed or deleted on disk since the last look, so pyright
 * (which does not watch files when run over stdio) can be told through
 * `workspace/didChangeWatchedFiles`.
 */
export interface FileChangeTracker {
  /** Remembers the current files without reporting anything (call just before pyright starts). */
  reset(signal?: AbortSignal): Promise<void>;
  /** Makes the next `changes` report `files` (workspace-relative) as changed, whatever their stamps. */
  invalidate(files: readonly string[]): void;
  /** The changes since the last `reset` or `changes`, as LSP file events. */
  changes(signal?: AbortSignal): Promise<FileEvent[]>;
}

type Stamps = Map<string, string>;

async function readStamps(root: string, signal?: AbortSignal): Promise<Stamps> {
  const files = await listPythonFiles(root, signal === undefined ? {} : { signal });
  const stamps: Stamps = new Map();
  await Promise.all(
    files.map(async (file) => {
      try {
        const info = await stat(path.join(root, ...file.split('/')));
        stamps.set(file, `${info.mtimeMs}:${info.size}`);
      } catch {
        // Deleted between listing and stat: reported as deleted next time.
      }
    }),
  );
  return stamps;
}

/** Creates a tracker over the workspace's `.py` files (mtime and size). */
export function createFileChangeTracker(root: string): FileChangeTracker {
  let known: Stamps = new Map();
  return {
    async reset(signal) {
      known = await readStamps(root, signal);
    },
    invalidate(files) {
      for (const file of files) if (known.has(file)) known.set(file, 'invalidated');
    },
    async changes(signal) {
      const current = await readStamps(root, signal);
      const events: FileEvent[] = [];
      for (const [file, stamp] of current) {
        const before = known.get(file);
        if (before === undefined)
          events.push({ uri: toFileUri(root, file), type: FileChangeType.Created });
        else if (before !== stamp)
          events.push({ uri: toFileUri(root, file), type: FileChangeType.Changed });
      }
      for (const file of known.keys()) {
        if (!current.has(file))
          events.push({ uri: toFileUri(root, file), type: FileChangeType.Deleted });
      }
      known = current;
      return events;
    },
  };
}
