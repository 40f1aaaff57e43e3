import { OrchestratorError } from '../../core/errors.js';
import type { RemoveUnusedImportsIntent } from './intent.js';

/** Refuses, before any server starts, a scope that is not a path inside the repository. */
export function validateRemoveUnusedImportsIntent(intent: RemoveUnusedImportsIntent): void {
  const { scope } = intent;
  if (scope === undefined) return;
  if (scope.startsWith('/') || /^[A-Za-z]:[\\/]/.test(scope) || scope.split('/').includes('..')) {
    throw new OrchestratorError(
      'PATH_OUTSIDE_WORKSPACE',
      `${scope} is not a path inside the repository: give it relative to the repository root.`,
      { data: { path: scope } },
    );
  }
}
