import type { OverlayEntry } from '../../core/services.js';
import type { VerifyContext } from '../transform.js';

/**
 * The worktree's changed files as an overlay, so a language half checks the changed tree: each
 * file's text, or `null` for one the change deleted (it can no longer be read).
 */
export async function changedTreeOverlay(context: VerifyContext): Promise<OverlayEntry[]> {
  const overlay: OverlayEntry[] = [];
  for (const file of context.changedFiles) {
    overlay.push({
      file,
      text: await context.files.readText(file, { signal: context.signal }).catch(() => null),
    });
  }
  return overlay;
}
