import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import { git } from '../../fixtures/git/create-fixture-repo.js';

/** Path (relative, `/`-separated) → `dir`, `-> <target>` for a symlink, or the file's SHA-256. */
export type TreeSnapshot = Record<string, string>;

/** Hashes every file, folder and symlink under `dir`, except the relative paths `skip` accepts. */
export async function snapshotTree(
  dir: string,
  skip: (relative: string) => boolean = () => false,
): Promise<TreeSnapshot> {
  const out: TreeSnapshot = {};
  await walk(dir, '', out, skip);
  return out;
}

/**
 * The user's repository byte for byte: every file of the checkout (`.mcp-orchestrator/`, the
 * run's own folder, left out), `HEAD`, and the refs of the user's branches; the rest of `.git`
 * (objects, logs, the index's stat cache, worktree records) is git's business.
 */
export async function snapshotCheckoutBytes(dir: string): Promise<TreeSnapshot> {
  const files = await snapshotTree(
    dir,
    (relative) => relative === '.git' || relative === '.mcp-orchestrator',
  );
  const refs = await git(['for-each-ref', '--format=%(refname) %(objectname)', 'refs/heads/'], dir);
  for (const line of refs.split('\n')) {
    const [ref, sha] = line.split(' ');
    if (ref === undefined || sha === undefined || ref.startsWith('refs/heads/mcp-orchestrator/')) {
      continue;
    }
    files[`.git/${ref}`] = sha;
  }
  files['.git/HEAD'] = await readFile(path.join(dir, '.git', 'HEAD'), 'utf8');
  return files;
}

async function walk(
  root: string,
  relative: string,
  out: TreeSnapshot,
  skip: (relative: string) => boolean,
): Promise<void> {
  const entries = await readdir(path.join(root, relative));
  for (const name of entries.sort()) {
    const child = relative === '' ? name : `${relative}/${name}`;
    if (skip(child)) continue;
    const absolute = path.join(root, child);
    const stats = await lstat(absolute);
    if (stats.isSymbolicLink()) out[child] = `-> ${await readlink(absolute)}`;
    else if (stats.isDirectory()) {
      out[child] = 'dir';
      await walk(root, child, out, skip);
    } else {
      out[child] = createHash('sha256')
        .update(await readFile(absolute))
        .digest('hex');
    }
  }
}
