import { type ProcessTree, signalProcessTree } from './signal-process-tree.js';

/**
 * Adds a `process.on('exit')` listener that SIGKILLs `tree` if this process exits while the
 * child runs (the last resort against orphans), and returns the function that removes it.
 * Each live child has its own listener, so the listener limit grows and shrinks with them
 * instead of warning about a leak. Removing twice is safe.
 */
export function addExitHook(tree: ProcessTree): () => void {
  const onExit = (): void => signalProcessTree(tree, 'SIGKILL');
  adjustMaxListeners(1);
  process.on('exit', onExit);
  let removed = false;
  return () => {
    if (removed) return;
    removed = true;
    process.off('exit', onExit);
    adjustMaxListeners(-1);
  };
}

function adjustMaxListeners(delta: number): void {
  const limit = process.getMaxListeners();
  // 0 means unlimited.
  if (limit !== 0) process.setMaxListeners(Math.max(1, limit + delta));
}
