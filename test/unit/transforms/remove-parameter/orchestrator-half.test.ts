import { describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../../src/core/errors.js';
import { parseIntent, validateIntent } from '../../../../src/intent/parse-intent.js';
import { checkRemoveParameterChange } from '../../../../src/transforms/remove-parameter/check-change.js';

/** The kind a command reads as, or the code it is refused with. */
function kindOrCode(command: string): string {
  try {
    return parseIntent(command).kind;
  } catch (error) {
    return (error as { code: string }).code;
  }
}

describe('remove_parameter commands', () => {
  it.each([
    ['remove parameter verbose from post_entry', { function: 'post_entry', name: 'verbose' }],
    ['drop the verbose argument of post_entry', { function: 'post_entry', name: 'verbose' }],
    [
      'delete the `dry_run` parameter from method Ledger.post()',
      { function: 'Ledger.post', name: 'dry_run' },
    ],
    ["remove arg 'memo' from `postEntry`.", { function: 'postEntry', name: 'memo' }],
  ])('reads "%s"', (command, expected) => {
    expect(parseIntent(command)).toEqual({ kind: 'remove_parameter', ...expected });
  });

  it.each([
    'remove verbose from post_entry',
    'remove unused imports in src',
    'drop the parameter from post_entry',
  ])('leaves "%s" to others', (command) => {
    expect(kindOrCode(command)).not.toBe('remove_parameter');
  });

  it('is reached through the common parser and checked there', () => {
    expect(parseIntent('drop the verbose argument of post_entry')).toEqual({
      kind: 'remove_parameter',
      function: 'post_entry',
      name: 'verbose',
    });
    const error = (() => {
      try {
        validateIntent({ kind: 'remove_parameter', function: 'post entry', name: 'verbose' });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(isOrchestratorError(error, 'BAD_INPUT')).toBe(true);
  });
});

describe('what remove_parameter may write', () => {
  const edit = (oldText: string, newText: string) => ({
    op: 'edit' as const,
    file: 'a.ts',
    edits: [
      {
        start: [1, 1] as const,
        end: [1, 1 + oldText.length] as const,
        oldText,
        newText,
        reason: 'x',
      },
    ],
  });
  const intent = { kind: 'remove_parameter' as const, function: 'f', name: 'verbose' };

  it('allows deletions and a lone arrow parameter becoming ()', () => {
    expect(checkRemoveParameterChange(intent, edit(', verbose=False', ''))).toBeUndefined();
    expect(checkRemoveParameterChange(intent, edit('verbose', '()'))).toBeUndefined();
  });

  it('refuses any new text, and whole-file changes', () => {
    expect(checkRemoveParameterChange(intent, edit(', verbose', ', loud'))).toMatch(
      /only deletes text/,
    );
    expect(checkRemoveParameterChange(intent, edit('', 'x'))).toMatch(/only deletes text/);
    expect(
      checkRemoveParameterChange(intent, { op: 'create', file: 'b.ts', text: '', reason: 'x' }),
    ).toMatch(/does not create/);
  });
});
