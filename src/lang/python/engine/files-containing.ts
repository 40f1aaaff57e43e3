import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { OrchestratorError } from '../../../core/errors.js';

/** Files read between two turns of the event loop (~5 ms of reading). */
const FILES_PER_TURN = 256;

/**
 * The workspace-relative `files` whose bytes hold `text` (UTF-8), in their order. Read one at a
 * time in batches, yielding between batches: reading 20,000 files all at once took 2-3 s and ran
 * out of file handles, which left files out unseen; one by one it takes ~0.3 s. A file gone
 * since it was listed holds nothing; any other read error is thrown, naming the file.
 */
export async function filesContainingText(
  root: string,
  files: readonly string[],
  text: string,
  signal?: AbortSignal,
): Promise<string[]> {
  const needle = Buffer.from(text, 'utf8');
  const found: string[] = [];
  for (let start = 0; start < files.length; start += FILES_PER_TURN) {
    if (start > 0) await nextTurn();
    signal?.throwIfAborted();
    for (const file of files.slice(start, start + FILES_PER_TURN)) {
      if (readOrNothing(root, file).includes(needle)) found.push(file);
    }
  }
  return found;
}

function readOrNothing(root: string, file: string): Buffer {
  try {
    return readFileSync(path.join(root, ...file.split('/')));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR') return Buffer.alloc(0);
    throw new OrchestratorError(
      'BAD_INPUT',
      `Cannot read the Python file ${JSON.stringify(file)} in ${root} to search it (${code ?? String(error)}). Make it readable, or move it out of the workspace.`,
      { cause: error, data: { file, root } },
    );
  }
}
