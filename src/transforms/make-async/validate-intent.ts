import { OrchestratorError } from '../../core/errors.js';
import type { MakeAsyncIntent } from './intent.js';
import { toTargetNames } from './target-names.js';

const QUALIFIED = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)?$/;

/** Refuses, before any server starts, names that cannot name a function and paths that climb out. */
export function validateMakeAsyncIntent(intent: MakeAsyncIntent): void {
  if (intent.targetKind === 'symbol') {
    const bad = toTargetNames(intent.target).filter((name) => !QUALIFIED.test(name));
    if (bad.length > 0 || toTargetNames(intent.target).length === 0) {
      throw new OrchestratorError(
        'BAD_INPUT',
        `"${bad[0] ?? intent.target}" is not a function name (write \`name\` or \`Class.name\`).`,
        { data: { target: intent.target } },
      );
    }
  }
  if (intent.targetKind === 'path') {
    const path = intent.target;
    if (path.startsWith('/') || path.split('/').includes('..')) {
      throw new OrchestratorError(
        'PATH_OUTSIDE_WORKSPACE',
        `${path} is not a path inside the repository: give it relative to the repository root.`,
        { data: { path } },
      );
    }
  }
}
