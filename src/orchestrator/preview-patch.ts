import { readFile } from 'node:fs/promises';
import { createTwoFilesPatch } from 'diff';
import type { FileChange } from '../core/change/change-types.js';
import { decodeSource } from '../files/decode-source.js';
import { prepareChange } from '../files/prepare-change.js';

/** Lines of context around each change in the preview. */
const CONTEXT_LINES = 3;

/**
 * The unified diff `changes` would make to the files under `root` (a real path), in git's
 * layout (`diff --git a/… b/…`), computed in memory: nothing is written. Pure but for reads.
 */
export async function toPreviewPatch(
  root: string,
  changes: readonly FileChange[],
): Promise<string> {
  const parts: string[] = [];
  for (const change of changes) {
    const prepared = await prepareChange(root, change);
    switch (prepared.op) {
      case 'edit': {
        if (!prepared.changed) break;
        const before = decodeSource(change.file, await readFile(prepared.target.absolute)).text;
        const after = decodeSource(change.file, prepared.bytes).text;
        parts.push(toFilePatch(change.file, change.file, before, after));
        break;
      }
      case 'create': {
        const after = decodeSource(change.file, prepared.bytes).text;
        parts.push(toFilePatch(null, change.file, '', after));
        break;
      }
      case 'delete': {
        const before = decodeSource(change.file, await readFile(prepared.target.absolute)).text;
        parts.push(toFilePatch(change.file, null, before, ''));
        break;
      }
      case 'move':
        if (change.op === 'move')
          parts.push(
            `diff --git a/${change.file} b/${change.to}\nrename from ${change.file}\nrename to ${change.to}\n`,
          );
        break;
    }
  }
  return parts.join('');
}

function toFilePatch(from: string | null, to: string | null, before: string, after: string) {
  const header = `diff --git a/${from ?? to} b/${to ?? from}\n${
    from === null ? 'new file\n' : to === null ? 'deleted file\n' : ''
  }`;
  const patch = createTwoFilesPatch(
    from === null ? '/dev/null' : `a/${from}`,
    to === null ? '/dev/null' : `b/${to}`,
    before,
    after,
    undefined,
    undefined,
    {
      context: CONTEXT_LINES,
      headerOptions: { includeIndex: false, includeUnderline: false, includeFileHeaders: true },
    },
  );
  return header + patch.replace(/^(---|\+\+\+) (\S+)\t\n/gm, '$1 $2\n');
}
