/** Lifecycle of a worktree, as callers see it. */
export type WorktreeState = 'ready' | 'committed' | 'removed';

/**
 * Where a worktree is in its life. `rolling-back` and `releasing` hold the removal in flight, so
 * a second call joins it; a failed removal goes back to the state before it.
 */
export type WorktreeLifecycle =
  | OpenLifecycle
  | { state: 'releasing'; commit: string; done: Promise<void> }
  | { state: 'released'; commit: string }
  | { state: 'rolling-back'; before: OpenLifecycle; done: Promise<void> }
  | { state: 'rolled-back'; commit: string | null };

/** The states in which the worktree folder is there to diff and commit in. */
export type OpenLifecycle = { state: 'ready' } | { state: 'committed'; commit: string };

/** The public {@link WorktreeState} of a lifecycle state. */
export function toWorktreeState(life: WorktreeLifecycle): WorktreeState {
  switch (life.state) {
    case 'ready':
    case 'committed':
      return life.state;
    case 'releasing':
      return 'committed';
    case 'rolling-back':
      return life.before.state;
    case 'released':
    case 'rolled-back':
      return 'removed';
  }
}

/** The commit made in the worktree, or `null` before one. */
export function toCommit(life: WorktreeLifecycle): string | null {
  switch (life.state) {
    case 'ready':
      return null;
    case 'rolling-back':
      return toCommit(life.before);
    default:
      return life.commit;
  }
}
