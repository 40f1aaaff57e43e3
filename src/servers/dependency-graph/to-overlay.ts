import type { Overlay } from '../../lang/language-adapter.js';
import { resolveWorkspacePath } from '../shared/workspace-path.js';

/** A tool's `overlay` entries as a map of workspace-relative files, each path checked. */
export function toOverlay(
  root: string,
  entries: ReadonlyArray<{ file: string; text: string | null }> | undefined,
): Overlay {
  const overlay = new Map<string, string | null>();
  for (const entry of entries ?? []) {
    overlay.set(resolveWorkspacePath(root, entry.file).relative, entry.text);
  }
  return overlay;
}
