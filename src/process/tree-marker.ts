import { randomBytes } from 'node:crypto';

/**
 * Environment variable every child gets and its descendants inherit, even those that start a
 * new session: a `:`-separated list of the ids of the process trees it belongs to (the trees of
 * our own ancestors first, so a tree started inside a tree is found from both).
 */
export const TREE_MARKER_ENV = 'MCP_ORCHESTRATOR_PROCESS_TREE';

/** A fresh, unguessable id for one child's process tree. */
export function createTreeId(): string {
  return `t${randomBytes(12).toString('hex')}`;
}

/** `env` with {@link TREE_MARKER_ENV} set to our own trees plus `treeId`. */
export function withTreeMarker(
  env: Readonly<Record<string, string | undefined>>,
  treeId: string,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined) result[key] = value;
  }
  const inherited = process.env[TREE_MARKER_ENV];
  result[TREE_MARKER_ENV] =
    inherited === undefined || inherited === '' ? treeId : `${inherited}:${treeId}`;
  return result;
}

/** True when an environment block (`/proc/<pid>/environ`: NUL-separated) marks tree `treeId`. */
export function hasTreeMarker(environ: Buffer, treeId: string): boolean {
  if (!environ.includes(treeId)) return false;
  const prefix = `${TREE_MARKER_ENV}=`;
  for (const entry of environ.toString('utf8').split('\0')) {
    if (entry.startsWith(prefix) && entry.slice(prefix.length).split(':').includes(treeId)) {
      return true;
    }
  }
  return false;
}
