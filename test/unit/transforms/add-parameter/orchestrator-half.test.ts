import { describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../../src/core/errors.js';
import { parseIntent, validateIntent } from '../../../../src/intent/parse-intent.js';
import { checkAddParameterChange } from '../../../../src/transforms/add-parameter/check-change.js';
import type { AddParameterIntent } from '../../../../src/transforms/add-parameter/intent.js';
import type { Problem } from '../../../../src/transforms/shared/parameters/contract.js';
import { toRefusal } from '../../../../src/transforms/shared/parameters/refusal.js';

const thrown = (body: () => unknown): unknown => {
  try {
    body();
  } catch (error) {
    return error;
  }
  return undefined;
};

/** The kind a command reads as, or the code it is refused with. */
function kindOrCode(command: string): string {
  try {
    return parseIntent(command).kind;
  } catch (error) {
    return (error as { code: string }).code;
  }
}

describe('add_parameter commands', () => {
  it.each([
    [
      'add parameter currency="USD" to post_entry',
      { function: 'post_entry', name: 'currency', default: '"USD"' },
    ],
    [
      'add a timeout: float = 30 argument to fetch',
      { function: 'fetch', name: 'timeout', type: 'float', default: '30' },
    ],
    [
      'add parameter retries to fetch and pass 3',
      { function: 'fetch', name: 'retries', value: '3' },
    ],
    [
      'add parameter `retries` to `fetch` and pass `3`',
      { function: 'fetch', name: 'retries', value: '3' },
    ],
    [
      "add the parameter 'dry_run'=False to method Ledger.post",
      { function: 'Ledger.post', name: 'dry_run', default: 'False' },
    ],
    [
      'add parameter currency = "USD" to post_entry, passing "EUR"',
      { function: 'post_entry', name: 'currency', default: '"USD"', value: '"EUR"' },
    ],
    [
      'add parameter note="go to x" to post_entry',
      { function: 'post_entry', name: 'note', default: '"go to x"' },
    ],
    [
      'add an argument handler: (e: Event) => void = noop to listen()',
      { function: 'listen', name: 'handler', type: '(e: Event) => void', default: 'noop' },
    ],
    [
      'add parameter currency?: string to postEntry',
      { function: 'postEntry', name: 'currency', type: 'string', default: 'undefined' },
    ],
    [
      'add parameter limit with default 10 to page',
      { function: 'page', name: 'limit', default: '10' },
    ],
  ])('reads "%s"', (command, expected) => {
    expect(parseIntent(command)).toEqual({ kind: 'add_parameter', ...expected });
  });

  it.each([
    'add currency to post_entry',
    'add parameter to post_entry',
    'add parameter x=1 to',
    'add parameter x: = 1 to f',
    // Backticks around more than a name are refused, whatever they hold.
    'add a `timeout: float = 30` parameter to fetch.',
  ])('leaves "%s" to others', (command) => {
    expect(kindOrCode(command)).toBe('INTENT_UNRECOGNISED');
  });

  it('is reached through the common parser', () => {
    expect(parseIntent('add parameter retries to fetch and pass 3')).toEqual({
      kind: 'add_parameter',
      function: 'fetch',
      name: 'retries',
      value: '3',
    });
  });

  it('refuses, before any server starts, no default and no value, and a name no language takes', () => {
    const none = thrown(() =>
      validateIntent({ kind: 'add_parameter', function: 'fetch', name: 'retries' }),
    );
    expect(isOrchestratorError(none, 'BAD_INPUT')).toBe(true);
    expect((none as Error).message).toContain('needs a default or a value for the calls to pass');
    const reserved = thrown(() =>
      validateIntent({ kind: 'add_parameter', function: 'fetch', name: 'class', default: '1' }),
    );
    expect(isOrchestratorError(reserved, 'INVALID_IDENTIFIER')).toBe(true);
    const badFunction = thrown(() =>
      validateIntent({ kind: 'add_parameter', function: 'a.b.c', name: 'x', default: '1' }),
    );
    expect((badFunction as Error).message).toContain('is not a function name');
    const multiLine = thrown(() =>
      validateIntent({ kind: 'add_parameter', function: 'f', name: 'x', default: '1\n2' }),
    );
    expect(isOrchestratorError(multiLine, 'BAD_INPUT')).toBe(true);
  });
});

describe('what add_parameter may write', () => {
  const intent: AddParameterIntent = {
    kind: 'add_parameter',
    function: 'fetch',
    name: 'retries',
    default: '3',
    value: '5',
  };
  const edit = (oldText: string, newText: string) => ({
    op: 'edit' as const,
    file: 'a.py',
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

  it('allows the parameter, the value, padding and a parenthesized arrow parameter', () => {
    for (const [oldText, newText] of [
      ['', ', retries=3'],
      ['', ', retries: int = 3'],
      ['', 'retries?: number, '],
      ['', ',\n    retries=3'],
      ['', ', 5'],
      ['', ', undefined, 5'],
      ['', ', retries=5'],
      ['x', '(x, retries = 3)'],
    ]) {
      expect(
        checkAddParameterChange(intent, edit(oldText as string, newText as string)),
        newText,
      ).toBeUndefined();
    }
  });

  it('refuses other text, replacements and whole-file changes', () => {
    expect(checkAddParameterChange(intent, edit('', ', os.system("x")'))).toMatch(
      /does not add the parameter "retries"/,
    );
    expect(checkAddParameterChange(intent, edit('amount', 'retries'))).toMatch(/does not add/);
    expect(checkAddParameterChange(intent, { op: 'delete', file: 'a.py', reason: 'x' })).toMatch(
      /does not delete/,
    );
  });
});

describe('refusals', () => {
  const problem = (over: Partial<Problem>): Problem => ({
    file: 'net/client.py',
    line: 30,
    column: 12,
    lineText: '    return fetch(*args)',
    code: 'unknown-position',
    detail: 'passes arguments through *args',
    ...over,
  });

  it('name every problem by file, line and text, then what to do, with the most basic code', () => {
    const error = toRefusal(
      [
        problem({}),
        problem({
          code: 'bad-text',
          line: 3,
          lineText: 'def fetch(url):',
          detail: 'the value "(" is not an expression',
        }),
      ],
      {
        action: 'Adding parameter "retries" to fetch (net/client.py:3)',
        hints: { 'unknown-position': 'Give it a default.', 'bad-text': 'Write code.' },
      },
    );
    expect(isOrchestratorError(error, 'BAD_INPUT')).toBe(true);
    expect(error.message).toBe(
      'Adding parameter "retries" to fetch (net/client.py:3) is refused; nothing was changed:\n' +
        '  net/client.py:30: return fetch(*args)  (passes arguments through *args)\n' +
        '  net/client.py:3: def fetch(url):  (the value "(" is not an expression)\n' +
        'Give it a default.\nWrite code.',
    );
  });

  it('are TRANSFORM_REFUSED for callers, NAME_COLLISION for a taken name', () => {
    expect(
      isOrchestratorError(
        toRefusal([problem({})], { action: 'x', hints: {} }),
        'TRANSFORM_REFUSED',
      ),
    ).toBe(true);
    expect(
      isOrchestratorError(
        toRefusal([problem({ code: 'shadows-a-name' })], { action: 'x', hints: {} }),
        'NAME_COLLISION',
      ),
    ).toBe(true);
  });
});
