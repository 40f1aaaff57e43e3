import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { OrchestratorError } from '../core/errors.js';
import { addExitHook } from './add-exit-hook.js';
import { drainStreams } from './drain-streams.js';
import type {
  ManagedProcess,
  ProcessExit,
  ProcessState,
  SpawnProcessOptions,
  StopOptions,
} from './process-types.js';
import { OWN_PROCESS_GROUP, type ProcessTree, signalProcessTree } from './signal-process-tree.js';
import { stopInSteps } from './stop-in-steps.js';
import { createTreeId, withTreeMarker } from './tree-marker.js';

/** Default wait for a child's output pipes to close after it exited, in ms. */
export const DEFAULT_DRAIN_MS = 500;

type SpawnFailure = Extract<ProcessExit, { kind: 'spawn-failed' }>;

function toSpawnFailure(error: NodeJS.ErrnoException, command: string, cwd: string): SpawnFailure {
  let hint = '';
  if (error.code === 'ENOENT') {
    hint = existsSync(cwd)
      ? ': no such executable (is it installed and on PATH?)'
      : ': the working folder does not exist';
  }
  const reason = `${error.message}${hint}`;
  return {
    kind: 'spawn-failed',
    message: `Could not start ${command} in ${cwd}: ${reason}`,
    reason,
    errno: error.code,
  };
}

function watchExit(child: ChildProcess, command: string, cwd: string): Promise<ProcessExit> {
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      resolve(
        code === null
          ? { kind: 'signalled', signal: signal ?? 'SIGKILL' }
          : { kind: 'exited', exitCode: code },
      );
    });
    // After a successful spawn 'error' only reports a failed kill() or send(), which we never use.
    child.on('error', (error) => {
      if (child.pid === undefined) resolve(toSpawnFailure(error, command, cwd));
    });
  });
}

/**
 * Spawns `argv` (never through a shell) as the leader of its own process group, with a tree
 * marker in its environment, and an exit hook that SIGKILLs its tree if this process exits
 * first (removed when the child ends). A command that cannot start is reported by `spawned`
 * and `exited`, not thrown. Abort `options.signal` (or call `stop()`) to stop the whole tree.
 */
export function spawnProcess(
  argv: readonly string[],
  options: SpawnProcessOptions,
): ManagedProcess {
  const [command, ...args] = argv;
  if (command === undefined || command === '') {
    throw new OrchestratorError('INTERNAL', 'spawnProcess needs a command: argv is empty.');
  }
  const treeId = createTreeId();
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: withTreeMarker(options.env ?? process.env, treeId),
    stdio: [options.stdin ?? 'pipe', 'pipe', 'pipe'],
    detached: OWN_PROCESS_GROUP,
    windowsHide: true,
  });
  const stdout = child.stdout as Readable;
  const stderr = child.stderr as Readable;
  // EPIPE once the child is gone; its exit tells the story.
  child.stdin?.on('error', () => {});
  let state: ProcessState = 'running';
  const tree: ProcessTree = {
    pid: child.pid,
    treeId,
    get running() {
      return child.pid !== undefined && child.exitCode === null && child.signalCode === null;
    },
  };
  const removeExitHook = child.pid === undefined ? () => {} : addExitHook(tree);
  const exit = watchExit(child, command, options.cwd);
  const spawned = new Promise<{ kind: 'spawned'; pid: number } | SpawnFailure>((resolve) => {
    child.once('spawn', () => resolve({ kind: 'spawned', pid: child.pid as number }));
    void exit.then((result) => {
      if (result.kind === 'spawn-failed') resolve(result);
    });
  });
  let stopping: Promise<ProcessExit> | undefined;
  const onAbort = (): void => void stop();

  const exited = exit.then(async (result) => {
    options.signal?.removeEventListener('abort', onAbort);
    const stopped = state === 'stopping';
    if (result.kind !== 'spawn-failed' && (stopped || options.leftovers !== 'keep')) {
      signalProcessTree(tree, 'SIGKILL');
    }
    const drained = await drainStreams([stdout, stderr], options.drainMs ?? DEFAULT_DRAIN_MS);
    // Something outside the child still held its pipes: it is part of the tree, end it.
    if (!drained) signalProcessTree(tree, 'SIGKILL');
    removeExitHook();
    state = 'exited';
    return result;
  });

  const stop = (stopOptions: StopOptions = {}): Promise<ProcessExit> => {
    stopping ??= (async () => {
      if (state === 'running') state = 'stopping';
      await stopInSteps(
        {
          stdin: child.stdin,
          exit,
          hasExited: () => !tree.running,
          signalTree: (signal) => signalProcessTree(tree, signal),
        },
        {
          stdinGraceMs: stopOptions.stdinGraceMs ?? options.stdinGraceMs,
          termGraceMs: stopOptions.termGraceMs ?? options.termGraceMs,
        },
      );
      return exited;
    })();
    return stopping;
  };

  if (options.signal?.aborted === true) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });

  return {
    pid: child.pid,
    stdin: child.stdin,
    stdout,
    stderr,
    get state() {
      return state;
    },
    spawned,
    exited,
    stop,
  };
}
