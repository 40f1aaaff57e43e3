import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OrchestratorError } from '../../core/errors.js';
import type { EditNode } from '../../core/plan/plan-schema.js';

/**
 * Applies one edit node to its file under `root`. Every edit's range must hold its `oldText`
 * first; a mismatch (a stale or hand-broken plan) is `PLAN_INVALID` naming file, line and text.
 */
export async function applyEditNode(root: string, node: EditNode): Promise<number> {
  const file = path.join(root, node.file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new OrchestratorError(
      'PLAN_INVALID',
      `The plan edits ${node.file}, which does not exist at the plan's base commit.`,
      {
        data: { file: node.file },
        cause: error,
      },
    );
  }
  const lineStarts = [0];
  for (let i = 0; i < text.length; i += 1) if (text[i] === '\n') lineStarts.push(i + 1);
  const offsets = node.edits.map((edit) => {
    const start = lineStarts[edit.line - 1];
    const actual =
      start === undefined
        ? undefined
        : text.slice(start + edit.column - 1, start + edit.column - 1 + edit.length);
    if (start === undefined || actual !== edit.oldText) {
      throw new OrchestratorError(
        'PLAN_INVALID',
        `${node.file}:${edit.line}:${edit.column} holds ${JSON.stringify(actual ?? '')}, not ${JSON.stringify(edit.oldText)}: the plan does not match the code. Make a new plan.`,
        {
          data: {
            file: node.file,
            line: edit.line,
            column: edit.column,
            expected: edit.oldText,
            actual,
          },
        },
      );
    }
    return { offset: start + edit.column - 1, length: edit.length, newText: edit.newText };
  });
  offsets.sort((a, b) => b.offset - a.offset);
  let result = text;
  for (const edit of offsets) {
    result = result.slice(0, edit.offset) + edit.newText + result.slice(edit.offset + edit.length);
  }
  await writeFile(file, result);
  return offsets.length;
}

/** Applies edit nodes in batches of `batchSize`, up to `parallelism` files at once. */
export async function applyEditNodes(
  root: string,
  nodes: readonly EditNode[],
  options: { parallelism: number; batchSize: number; signal: AbortSignal },
): Promise<number> {
  let applied = 0;
  const chunk = Math.max(1, options.parallelism * options.batchSize);
  for (let start = 0; start < nodes.length; start += chunk) {
    options.signal.throwIfAborted();
    const slice = nodes.slice(start, start + chunk);
    const counts = await Promise.all(slice.map((node) => applyEditNode(root, node)));
    applied += counts.reduce((sum, count) => sum + count, 0);
  }
  return applied;
}
