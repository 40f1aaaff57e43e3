import {
  chmod,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  realpath,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { RangeEdit } from '../../../src/core/change/change-types.js';
import { isOrchestratorError } from '../../../src/core/errors.js';

/** A workspace folder and a sibling folder outside it, in a fresh temp folder. */
export interface WorkspaceFixture {
  /** Real path of the workspace. */
  root: string;
  /** Real path of a folder next to the workspace, outside it. */
  outside: string;
  /** Writes a file (making folders) relative to the workspace; strings as UTF-8. */
  write(file: string, content: string | Uint8Array, mode?: number): Promise<void>;
  read(file: string): Promise<Buffer>;
  /** Makes `file` (relative to the workspace) a symbolic link to `target`, as given. */
  link(file: string, target: string): Promise<void>;
  /** Every entry of both folders: file bytes and mode, link targets, folders. */
  snapshot(): Promise<Record<string, string>>;
  cleanup(): Promise<void>;
}

/** Makes a workspace with `files` (path → content; strings as UTF-8). */
export async function createWorkspaceFixture(
  files: Record<string, string | Uint8Array> = {},
): Promise<WorkspaceFixture> {
  const base = await realpath(await mkdtemp(path.join(os.tmpdir(), 'mcpo-files-')));
  const root = path.join(base, 'workspace');
  const outside = path.join(base, 'outside');
  await mkdir(root);
  await mkdir(outside);
  const fixture: WorkspaceFixture = {
    root,
    outside,
    async write(file, content, mode) {
      const absolute = path.join(root, file);
      await mkdir(path.dirname(absolute), { recursive: true });
      await writeFile(absolute, content);
      if (mode !== undefined) await chmod(absolute, mode);
    },
    read: (file) => readFile(path.join(root, file)),
    async link(file, target) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await symlink(target, path.join(root, file));
    },
    snapshot: () => snapshotTree(base),
    cleanup: () => rm(base, { recursive: true, force: true }),
  };
  for (const [file, content] of Object.entries(files)) await fixture.write(file, content);
  return fixture;
}

async function snapshotTree(base: string): Promise<Record<string, string>> {
  const entries: Record<string, string> = {};
  const visit = async (dir: string): Promise<void> => {
    for (const name of (await readdir(dir)).sort()) {
      const absolute = path.join(dir, name);
      const relative = path.relative(base, absolute);
      const info = await lstat(absolute);
      if (info.isSymbolicLink()) entries[relative] = `link → ${await readlink(absolute)}`;
      else if (info.isDirectory()) {
        entries[relative] = 'folder';
        await visit(absolute);
      } else {
        const mode = (info.mode & 0o7777).toString(8);
        entries[relative] = `${mode} ${(await readFile(absolute)).toString('hex')}`;
      }
    }
  };
  await visit(base);
  return entries;
}

/** A range edit on one line, its end computed from `oldText`. */
export function lineEdit(
  line: number,
  column: number,
  oldText: string,
  newText: string,
): RangeEdit {
  return {
    start: [line, column],
    end: [line, column + oldText.length],
    oldText,
    newText,
    reason: 'test',
  };
}

/** The code, message and data of the `OrchestratorError` that `promise` rejects with. */
export async function refusalOf(
  promise: Promise<unknown>,
): Promise<{ code: string; message: string; data: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    if (isOrchestratorError(error))
      return { code: error.code, message: error.message, data: error.data };
    throw error;
  }
  throw new Error('expected a refusal, but the call succeeded');
}
