import { stat } from 'node:fs/promises';
import path from 'node:path';
import { OrchestratorError } from '../core/errors.js';
import type { IntentBase } from '../core/intent.js';
import { INTENT_RULES } from '../transforms/intent-rules.js';

/**
 * Refuses, before any server starts, a command that names a path (`in src/users`, `from
 * app/utils.py`) the repository does not have: `BAD_INPUT` saying so, rather than a symbol
 * that is not found later.
 */
export async function checkNamedPaths(root: string, intent: IntentBase): Promise<void> {
  const named = INTENT_RULES[intent.kind]?.namedPaths?.(intent) ?? [];
  for (const { words, path: relative } of named) {
    const trimmed = relative.replace(/\/+$/, '');
    const absolute = path.resolve(root, trimmed === '' ? '.' : trimmed);
    const inside = path.relative(root, absolute);
    const found =
      !inside.startsWith('..') && !path.isAbsolute(inside)
        ? await stat(absolute).then(
            () => true,
            () => false,
          )
        : false;
    if (!found) {
      throw new OrchestratorError(
        'BAD_INPUT',
        `"${words}": there is no ${relative} in ${root}. Paths are relative to the repository root; check the spelling, or leave the path out.`,
        { data: { path: relative, root } },
      );
    }
  }
}
