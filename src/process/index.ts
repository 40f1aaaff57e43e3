export { createCommandRunner } from './create-command-runner.js';
export type {
  LeftoverPolicy,
  ManagedProcess,
  ProcessExit,
  ProcessOptions,
  ProcessResult,
  ProcessState,
  RunProcessOptions,
  SpawnProcessOptions,
  StopOptions,
} from './process-types.js';
export { DEFAULT_TAIL_BYTES, runProcess } from './run-process.js';
export { DEFAULT_DRAIN_MS, spawnProcess } from './spawn-process.js';
export { DEFAULT_STDIN_GRACE_MS, DEFAULT_TERM_GRACE_MS } from './stop-in-steps.js';
export { TREE_MARKER_ENV } from './tree-marker.js';
