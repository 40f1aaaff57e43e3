// TEMPORARY: replaced by src/files/ (encodings, symlinks) when it lands.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileChange } from '../core/change/change-types.js';
import { toLineStarts, toOffset } from '../core/change/text-positions.js';
import { OrchestratorError } from '../core/errors.js';
import type { WorkspaceFiles } from '../core/services.js';

export function createInterimWorkspaceFiles(root: string): WorkspaceFiles {
  const full = (file: string) => path.join(root, ...file.split('/'));
  return {
    root,
    readText: (file) => readFile(full(file), 'utf8'),
    async applyChanges(changes: readonly FileChange[]) {
      let editsApplied = 0;
      const writes: Array<() => Promise<void>> = [];
      for (const change of changes) {
        if (change.op !== 'edit') continue;
        let text: string;
        try {
          text = await readFile(full(change.file), 'utf8');
        } catch (error) {
          throw new OrchestratorError('PLAN_INVALID', `The plan edits ${change.file}, which does not exist at the plan's base commit.`, { cause: error, data: { file: change.file } });
        }
        const starts = toLineStarts(text);
        const spans = change.edits.map((edit) => {
          const from = toOffset(text, starts, edit.start);
          const to = toOffset(text, starts, edit.end);
          const actual = from === undefined || to === undefined ? undefined : text.slice(from, to);
          if (actual !== edit.oldText) {
            throw new OrchestratorError('PLAN_INVALID', `${change.file}:${edit.start[0]}:${edit.start[1]} holds ${JSON.stringify(actual ?? '')}, not ${JSON.stringify(edit.oldText)}: the plan does not match the code. Make a new plan.`, { data: { file: change.file } });
          }
          return { from: from as number, to: to as number, text: edit.newText };
        });
        spans.sort((a, b) => b.from - a.from);
        let result = text;
        for (const span of spans) result = result.slice(0, span.from) + span.text + result.slice(span.to);
        editsApplied += spans.length;
        writes.push(() => writeFile(full(change.file), result));
      }
      for (const write of writes) await write();
      for (const change of changes) {
        if (change.op === 'move') {
          await mkdir(path.dirname(full(change.to)), { recursive: true });
          await rename(full(change.file), full(change.to));
        } else if (change.op === 'create') {
          await mkdir(path.dirname(full(change.file)), { recursive: true });
          await writeFile(full(change.file), change.text, { flag: 'wx' });
        } else if (change.op === 'delete') {
          await rm(full(change.file));
        }
      }
      return { filesChanged: changes.length, editsApplied };
    },
  };
}
