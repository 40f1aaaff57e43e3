import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PythonWorkspace } from '../../lang/python/engine/python-workspace.js';

/** The workspace's `.py` files read once, for many text searches in one computation. */
export interface WorkspaceTexts {
  /** Workspace `.py` files whose text contains `text`, sorted. */
  filesContaining(text: string): Promise<string[]>;
}

/** Creates the cache; nothing is read before the first search. */
export function createWorkspaceTexts(
  workspace: PythonWorkspace,
  signal?: AbortSignal,
): WorkspaceTexts {
  let texts: Promise<Array<{ file: string; text: string }>> | undefined;
  const load = async () => {
    const files = await workspace.listFiles(signal);
    return Promise.all(
      files.map(async (file) => ({
        file,
        text: await readFile(path.join(workspace.root, ...file.split('/')), 'utf8').catch(() => ''),
      })),
    );
  };
  return {
    async filesContaining(text) {
      texts ??= load();
      return (await texts).filter((entry) => entry.text.includes(text)).map((entry) => entry.file);
    },
  };
}
