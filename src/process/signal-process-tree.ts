import { findProcessTree } from './find-process-tree.js';

/** The process tree of one child: its pid (also its process group id) and its marker id. */
export interface ProcessTree {
  /** Undefined when the child never started. */
  readonly pid: number | undefined;
  readonly treeId: string;
  /** False once the child itself was reaped: its pid may then belong to someone else. */
  readonly running: boolean;
}

/** On POSIX every child leads its own process group, so one kill reaches the whole group. */
export const OWN_PROCESS_GROUP = process.platform !== 'win32';

function sendSignal(target: number, signal: NodeJS.Signals): void {
  try {
    process.kill(target, signal);
  } catch {
    // Already gone (ESRCH), or not ours to signal (EPERM).
  }
}

/**
 * Sends `signal` to the child's process group (the child included) only: no `/proc` scan.
 * The group outlives its leader while a member lives, so this is safe after the child exited.
 */
export function signalProcessGroup(tree: ProcessTree, signal: NodeJS.Signals): void {
  if (tree.pid === undefined) return;
  if (OWN_PROCESS_GROUP) sendSignal(-tree.pid, signal);
  else if (tree.running) sendSignal(tree.pid, signal);
}

/** Scans are repeated until one finds nothing new; a frozen process cannot fork, so few are needed. */
const MAX_FREEZE_ROUNDS = 8;

/**
 * Sends `signal` to the child's process group and to every process of its tree found in
 * `/proc`: marked ones (new sessions and orphans included) and, while the child runs, its
 * descendants. The tree is frozen first (SIGSTOP, scanning until nothing new appears) so no
 * process forks or is re-parented past the scan; after a signal other than SIGKILL it is thawed
 * (SIGCONT) to receive it. Synchronous and never throws, so an exit hook can call it.
 */
export function signalProcessTree(tree: ProcessTree, signal: NodeJS.Signals): void {
  const root = tree.running ? tree.pid : undefined;
  signalProcessGroup(tree, 'SIGSTOP');
  const frozen = new Set<number>();
  for (let round = 0; round < MAX_FREEZE_ROUNDS; round++) {
    const fresh = findProcessTree(root, tree.treeId).filter((pid) => !frozen.has(pid));
    if (fresh.length === 0) break;
    for (const pid of fresh) {
      sendSignal(pid, 'SIGSTOP');
      frozen.add(pid);
    }
  }
  signalProcessGroup(tree, signal);
  for (const pid of frozen) sendSignal(pid, signal);
  if (signal === 'SIGKILL') return;
  signalProcessGroup(tree, 'SIGCONT');
  for (const pid of frozen) sendSignal(pid, 'SIGCONT');
}
