import { toErrorMessage } from '../core/errors.js';
import {
  type CheckoutChange,
  type CheckoutSnapshot,
  compareCheckoutSnapshots,
  snapshotCheckout,
} from '../vcs/snapshot-checkout.js';

/** Watches the user's checkout while a run's commands (tests, compile) run in their worktree. */
export interface CheckoutWatch {
  /** What changed in the checkout since the watch started; [] when nothing did. */
  changes(): Promise<CheckoutChange[]>;
}

/** Most changed paths named in a message (all of them are in `result.json`). */
const SHOWN_PATHS = 20;

/**
 * Snapshots the checkout at `root` now; `changes()` compares against a second snapshot. When
 * git cannot take one, the run goes on with a warning and `changes()` finds nothing.
 */
export async function watchCheckout(
  root: string,
  warn: (message: string) => void,
): Promise<CheckoutWatch> {
  let before: CheckoutSnapshot;
  try {
    // No run signal: the comparison must work for a cancelled run too.
    before = await snapshotCheckout(root);
  } catch (error) {
    warn(
      `Could not snapshot the checkout ${root} (${toErrorMessage(error)}); writes into it by the tests would go unnoticed.`,
    );
    return { changes: async () => [] };
  }
  return {
    async changes() {
      try {
        return compareCheckoutSnapshots(before, await snapshotCheckout(root, { previous: before }));
      } catch (error) {
        warn(
          `Could not check whether the tests changed the checkout ${root}: ${toErrorMessage(error)}`,
        );
        return [];
      }
    },
  };
}

/**
 * The failure of a run during which the checkout changed: it names the paths, says what to do,
 * and keeps the failure the run had otherwise (if any).
 */
export function toCheckoutChangedFailure(
  root: string,
  changes: readonly CheckoutChange[],
  previous: { code: string; message: string } | null,
): { code: 'CHECKOUT_CHANGED'; message: string } {
  const shown = changes.slice(0, SHOWN_PATHS).map(describeChange);
  const more =
    changes.length > SHOWN_PATHS
      ? `\n  … ${changes.length - SHOWN_PATHS} more (see result.json, checkoutChanges)`
      : '';
  const earlier =
    previous === null ? '' : `\nThe run had also failed: [${previous.code}] ${previous.message}`;
  return {
    code: 'CHECKOUT_CHANGED',
    message: `Your checkout ${root} changed while the run's tests ran in their own worktree:\n  ${shown.join('\n  ')}${more}\nThe test suite (or something else on this machine) wrote outside its worktree. Check these paths (git status, git diff) and restore what you did not mean to change; the run's branch was rolled back.${earlier}`,
  };
}

function describeChange(change: CheckoutChange): string {
  if (change.change === 'head-moved') return `HEAD moved from ${change.from} to ${change.to}`;
  return `${change.change} ${change.path}`;
}
