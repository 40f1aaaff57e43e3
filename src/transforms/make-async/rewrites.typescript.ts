import type { z } from 'zod';
import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import { toLineColumn } from '../../lang/typescript/queries/positions.js';
import ts from '../../lang/typescript/typescript.js';
import { addAwaitEdit } from './await-edits.typescript.js';
import { findOwnCalls, toBlockingCall } from './blocking-calls.typescript.js';
import type { rewriteSchema } from './contract.js';
import type { EditSet } from './edit-set.typescript.js';
import { unwrapExpression } from './expressions.typescript.js';
import { createPromisesImports } from './fs-imports.typescript.js';
import type { FunctionBody } from './function-units.typescript.js';

type Rewrite = z.infer<typeof rewriteSchema>;

/**
 * Rewrites, in the converted functions' own bodies (not in callbacks that stay synchronous),
 * the blocking calls that have a same-result async equivalent in the table:
 * `fs.readFileSync(p, 'utf8')` → `await fs.promises.readFile(p, 'utf8')`, and a named
 * `readFileSync(p)` → `await readFile(p)` with `fs/promises` imported (ESM or CommonJS, as the
 * file does) and the `fs` binding dropped when nothing else uses it. Other blocking calls are
 * left as they are. Returns the rewrites, sorted.
 */
export function addBlockingRewrites(
  edits: EditSet,
  project: WorkspaceProject,
  functions: readonly FunctionBody[],
): Rewrite[] {
  const checker = project.program().getTypeChecker();
  const imports = createPromisesImports(checker);
  const rewrites: Rewrite[] = [];
  for (const fn of functions) {
    for (const call of findOwnCalls(fn, { throughCallbacks: false })) {
      const found = toBlockingCall(checker, call);
      const promises = found?.operation.promises;
      if (found?.binding === undefined || promises === undefined || !sameResult(call)) continue;
      const sourceFile = call.getSourceFile();
      const callee = unwrapExpression(call.expression);
      let replaced: { node: ts.Node; text: string } | undefined;
      if (ts.isPropertyAccessExpression(callee) && found.binding.binding === undefined) {
        replaced = { node: callee.name, text: `promises.${promises}` };
      } else if (ts.isIdentifier(callee) && found.binding.binding !== undefined) {
        const text = imports.calleeFor(call, found.binding, promises);
        if (text !== undefined) {
          imports.rewritten(callee);
          replaced = { node: callee, text };
        }
      }
      if (replaced === undefined) continue;
      const rule = `${found.operation.label} → fs.promises.${promises}`;
      const reason = `blocking call → fs.promises.${promises}`;
      const start = replaced.node.getStart(sourceFile);
      edits.replace(sourceFile, start, replaced.node.getEnd(), replaced.text, reason);
      addAwaitEdit(edits, call, false, reason);
      const from = call.getText(sourceFile);
      const offset = start - call.getStart(sourceFile);
      const to = `await ${from.slice(0, offset)}${replaced.text}${from.slice(offset + replaced.node.getWidth(sourceFile))}`;
      rewrites.push({
        file: project.toRelative(sourceFile.fileName),
        ...toLineColumn(sourceFile, call.getStart(sourceFile)),
        from,
        to,
        rule,
      });
    }
  }
  imports.addEdits(edits, checker);
  return rewrites.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}

/**
 * False where the async form would behave differently: `statSync`/`lstatSync` with
 * `throwIfNoEntry` (the promise rejects instead of giving `undefined`).
 */
function sameResult(call: ts.CallExpression): boolean {
  return !call.arguments.some(
    (argument) =>
      ts.isObjectLiteralExpression(argument) &&
      argument.properties.some(
        (p) => p.name !== undefined && p.name.getText() === 'throwIfNoEntry',
      ),
  );
}
