import { PROTECTED_DIRS } from '../../core/searched-dirs.js';

/** A folder of {@link PROTECTED_DIRS}. */
export type ProtectedDir = (typeof PROTECTED_DIRS)[number];

// Case-insensitive: on macOS and Windows `.GIT` is the same folder as `.git`.
function toProtectedDir(segment: string): ProtectedDir | undefined {
  const lower = segment.toLowerCase();
  return PROTECTED_DIRS.find((dir) => dir === lower);
}

/**
 * The protected folder that a workspace-relative path (POSIX or native separators) is in or
 * names, at any depth (`.git`, `sub/.git/config`); undefined when it is in none.
 */
export function findProtectedDir(relative: string): ProtectedDir | undefined {
  for (const segment of relative.split(/[\\/]/)) {
    const dir = toProtectedDir(segment);
    if (dir !== undefined) return dir;
  }
  return undefined;
}

/**
 * The protected folder a positive glob names literally (`.git/**`, `sub/.mcp-orchestrator/*`,
 * `{src,.git}/**`); undefined for other globs and for negated ones (`!.git`), which only exclude.
 * Globs that reach a protected folder by wildcards alone are excluded by the search instead.
 */
export function findProtectedGlobDir(glob: string): ProtectedDir | undefined {
  if (glob.startsWith('!')) return undefined;
  const unescaped = glob.replace(/\\(.)/g, '$1');
  for (const piece of unescaped.split(/[/{},]/)) {
    const dir = toProtectedDir(piece);
    if (dir !== undefined) return dir;
  }
  return undefined;
}
