import type { Writable } from 'node:stream';
import type { StopOptions } from './process-types.js';
import { settlesWithin } from './settles-within.js';

/** Default wait after closing stdin, in ms. */
export const DEFAULT_STDIN_GRACE_MS = 1_000;
/** Default wait after SIGTERM, in ms. */
export const DEFAULT_TERM_GRACE_MS = 2_000;

/** What {@link stopInSteps} acts on. */
export interface StopTarget {
  stdin: Writable | null;
  /** Settles when the child has exited. */
  exit: Promise<unknown>;
  hasExited(): boolean;
  /** Signals the whole process tree. */
  signalTree(signal: NodeJS.Signals): void;
}

/**
 * Stops a child in steps: close stdin, grace, SIGTERM (whole tree), grace, SIGKILL (whole
 * tree). The stdin step is skipped when stdin is not an open pipe. Resolves once the child
 * exited; never rejects.
 */
export async function stopInSteps(target: StopTarget, options: StopOptions = {}): Promise<void> {
  const stdinGraceMs = options.stdinGraceMs ?? DEFAULT_STDIN_GRACE_MS;
  const termGraceMs = options.termGraceMs ?? DEFAULT_TERM_GRACE_MS;
  if (target.hasExited()) return;
  const stdin = target.stdin;
  if (stdin !== null && !stdin.writableEnded && !stdin.destroyed) {
    stdin.end();
    if (await settlesWithin(target.exit, stdinGraceMs)) return;
  }
  target.signalTree('SIGTERM');
  if (await settlesWithin(target.exit, termGraceMs)) return;
  target.signalTree('SIGKILL');
  await target.exit;
}
