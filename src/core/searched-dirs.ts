/**
 * Folders no bundled server searches or reads, whatever the arguments: git's own data, and the
 * orchestrator's state folder (caches, run records, worktrees).
 */
export const PROTECTED_DIRS = ['.git', '.mcp-orchestrator'] as const;

/** Folders a search of the workspace never reads: the protected ones and installed packages. */
export const ALWAYS_EXCLUDED_DIRS = [...PROTECTED_DIRS, 'node_modules'] as const;
