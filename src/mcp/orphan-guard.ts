const livePids = new Set<number>();
let installed = false;

function killAll(): void {
  for (const pid of livePids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  livePids.clear();
}

/**
 * Remembers a child server process so a synchronous `process.on('exit')` hook can SIGKILL it
 * if the parent exits without closing its pool (the last resort against orphans).
 */
export function guardChild(pid: number): void {
  if (!installed) {
    installed = true;
    process.on('exit', killAll);
  }
  livePids.add(pid);
}

/** Forgets a child that has exited. */
export function releaseChild(pid: number): void {
  livePids.delete(pid);
}
