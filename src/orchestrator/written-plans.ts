import { createHash } from 'node:crypto';
import { mkdir, readFile, realpath, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { STATE_DIR_NAME } from '../vcs/open-git-workspace.js';

/** Where the plans `plan --out` wrote inside the repository are listed, under the state folder. */
export const WRITTEN_PLANS_FILE = 'written-plans.json';

/** Most plan files remembered; the oldest are forgotten first. */
const MAX_REMEMBERED = 100;

const writtenPlansSchema = z.object({
  /** Repository-relative POSIX path → SHA-1 of the bytes written there. */
  plans: z.record(z.string(), z.string().regex(/^[0-9a-f]{40}$/)),
});

/**
 * Remembers that `plan --out` wrote `content` to `file`, when `file` lies inside `root` (the
 * repository): the clean-state check of the next `run`, `plan` or `apply` then does not count it
 * as an uncommitted change while it holds those bytes (see {@link withoutWrittenPlans}).
 */
export async function recordWrittenPlan(
  root: string,
  file: string,
  content: Uint8Array,
): Promise<void> {
  const relative = await toRepositoryPath(root, file);
  if (relative === undefined) return;
  const plans = await loadWrittenPlans(root);
  delete plans[relative];
  plans[relative] = sha1(content);
  const kept = Object.entries(plans).slice(-MAX_REMEMBERED);
  const target = recordPath(root);
  await mkdir(path.dirname(target), { recursive: true });
  // Written whole and renamed, so a concurrent reader never sees half a file.
  const partial = `${target}.${process.pid}.tmp`;
  await writeFile(partial, `${JSON.stringify({ plans: Object.fromEntries(kept) }, null, 2)}\n`);
  await rename(partial, target);
}

/**
 * `dirty` (repository-relative paths, as `git status` names them) without the plan files
 * `plan --out` wrote that still hold exactly what it wrote. A plan edited since is the user's
 * work again, and counts.
 */
export async function withoutWrittenPlans(
  root: string,
  dirty: readonly string[],
): Promise<string[]> {
  const plans = await loadWrittenPlans(root);
  const kept: string[] = [];
  for (const file of dirty) {
    const written = plans[file];
    if (written === undefined || (await sha1Of(path.join(root, file))) !== written) kept.push(file);
  }
  return kept;
}

/** The remembered plans; none when the list is missing or unreadable (it is only a courtesy). */
async function loadWrittenPlans(root: string): Promise<Record<string, string>> {
  try {
    const parsed = writtenPlansSchema.safeParse(
      JSON.parse(await readFile(recordPath(root), 'utf8')),
    );
    return parsed.success ? { ...parsed.data.plans } : {};
  } catch {
    return {};
  }
}

async function sha1Of(file: string): Promise<string | undefined> {
  try {
    return sha1(await readFile(file));
  } catch {
    return undefined;
  }
}

function sha1(content: Uint8Array): string {
  return createHash('sha1').update(content).digest('hex');
}

function recordPath(root: string): string {
  return path.join(root, STATE_DIR_NAME, WRITTEN_PLANS_FILE);
}

/** `file` (which exists) relative to `root` in POSIX form; undefined when outside `root`. */
async function toRepositoryPath(root: string, file: string): Promise<string | undefined> {
  const absolute = path.resolve(file);
  // Through symbolic links (a temporary folder), as git names the repository's root.
  const folder = await realpath(path.dirname(absolute));
  const relative = path.relative(await realpath(root), path.join(folder, path.basename(absolute)));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}
