import type { Readable, Writable } from 'node:stream';

/** How a child process ended. */
export type ProcessExit =
  | { kind: 'exited'; exitCode: number }
  | { kind: 'signalled'; signal: NodeJS.Signals }
  /**
   * It never ran. `reason`: Node's error with a hint (`spawn git ENOENT: no such executable on
   * PATH`); `message`: the same naming the command and folder; `errno`: e.g. `'ENOENT'`.
   */
  | { kind: 'spawn-failed'; message: string; reason: string; errno: string | undefined };

/** Where a {@link ManagedProcess} is in its life. */
export type ProcessState = 'running' | 'stopping' | 'exited';

/** Grace periods of a stop: close stdin, wait, SIGTERM, wait, SIGKILL. */
export interface StopOptions {
  /** Wait after closing stdin before SIGTERM, in ms (skipped when stdin is not a pipe). @default 1000 */
  stdinGraceMs?: number;
  /** Wait after SIGTERM before SIGKILL, in ms. @default 2000 */
  termGraceMs?: number;
}

/**
 * What happens to processes of the tree that are still alive when the main child exits:
 * `'stop'` SIGKILLs them; `'keep'` leaves them (e.g. git's detached `gc --auto`) unless they
 * still hold the child's output pipes after the drain.
 */
export type LeftoverPolicy = 'stop' | 'keep';

/** Options shared by {@link SpawnProcessOptions} and {@link RunProcessOptions}. */
export interface ProcessOptions extends StopOptions {
  /** Working directory. */
  cwd: string;
  /** The child's whole environment (a tree marker is added). @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
  /** Aborting stops the whole process tree in steps. */
  signal?: AbortSignal;
  /** @default 'stop' */
  leftovers?: LeftoverPolicy;
  /**
   * After the main child exited, how long to wait for its stdout/stderr to reach end of file
   * before the streams are destroyed (a descendant may hold them open), in ms. @default 500
   */
  drainMs?: number;
}

/** Options for {@link spawnProcess}. */
export interface SpawnProcessOptions extends ProcessOptions {
  /** `'pipe'` gives the caller `stdin`; `'ignore'` connects it to /dev/null. @default 'pipe' */
  stdin?: 'pipe' | 'ignore';
}

/** A long-lived child (a language server, an MCP stdio server) in its own process group. */
export interface ManagedProcess {
  /** Process id; undefined when the process could not start. */
  readonly pid: number | undefined;
  /** The child's stdin; null when spawned with `stdin: 'ignore'`. */
  readonly stdin: Writable | null;
  readonly stdout: Readable;
  readonly stderr: Readable;
  readonly state: ProcessState;
  /** Resolves once the process runs, or with the reason it could not start. Never rejects. */
  readonly spawned: Promise<
    { kind: 'spawned'; pid: number } | Extract<ProcessExit, { kind: 'spawn-failed' }>
  >;
  /**
   * Resolves when the child has exited, its output was drained (at most `drainMs`) and its
   * leftovers were dealt with. Never rejects.
   */
  readonly exited: Promise<ProcessExit>;
  /**
   * Stops the whole process tree in steps (close stdin, grace, SIGTERM, grace, SIGKILL) and
   * resolves when the child has exited. Idempotent: later calls return the first call's promise.
   */
  stop(options?: StopOptions): Promise<ProcessExit>;
}

/** Options for {@link runProcess}. */
export interface RunProcessOptions extends ProcessOptions {
  /** Deadline in ms: past it the whole process tree (new sessions included) is stopped. */
  timeoutMs?: number;
  /** Written to stdin, which is then closed. Without it stdin is /dev/null. */
  input?: string | Uint8Array;
  /** Bytes of interleaved stdout and stderr kept in `outputTail`. @default 8000 */
  tailBytes?: number;
  /**
   * Collect the whole stdout and stderr, each up to this many bytes (more sets
   * `outputTruncated`). @default 0 (collect nothing; only the tail is kept)
   */
  maxOutputBytes?: number;
  /** Called with each chunk of stdout as it arrives (e.g. to stream records). */
  onStdout?: (chunk: Buffer) => void;
  /** Called with each chunk of stderr as it arrives. */
  onStderr?: (chunk: Buffer) => void;
}

/** How a command run by {@link runProcess} ended. A failure of any kind is a value. */
export interface ProcessResult {
  /** How the child ended; `aborted-before-start` when `signal` had aborted before the call. */
  exit: ProcessExit | { kind: 'aborted-before-start' };
  /** Exit code; null when the process was ended by a signal or could not start. */
  exitCode: number | null;
  durationMs: number;
  /** The deadline passed and the whole process tree was stopped. */
  timedOut: boolean;
  /** `signal` aborted and the whole process tree was stopped. */
  cancelled: boolean;
  /** The whole stdout (up to `maxOutputBytes`), decoded as UTF-8. */
  stdout: string;
  /** The whole stderr (up to `maxOutputBytes`), decoded as UTF-8. */
  stderr: string;
  /** True when stdout or stderr printed more than `maxOutputBytes`. */
  outputTruncated: boolean;
  /** The last `tailBytes` of stdout and stderr, interleaved as they arrived. */
  outputTail: string;
}
