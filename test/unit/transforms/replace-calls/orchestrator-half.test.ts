import { describe, expect, it } from 'vitest';
import type { FileChange } from '../../../../src/core/change/change-types.js';
import { isOrchestratorError } from '../../../../src/core/errors.js';
import { parseIntent, validateIntent } from '../../../../src/intent/parse-intent.js';
import { checkReplaceCallsChange } from '../../../../src/transforms/replace-calls/check-change.js';
import { emptyReplaceCallsFacts } from '../../../../src/transforms/replace-calls/contract.js';
import { refuseWhatCannotBeReplaced } from '../../../../src/transforms/replace-calls/refusals.js';

const thrown = (body: () => unknown): unknown => {
  try {
    body();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('replace_calls commands', () => {
  it.each([
    ['replace calls to old_fn with new_fn', 'old_fn', 'new_fn'],
    ['Replace all calls of `utils.old_fn` with `utils.new_fn`.', 'utils.old_fn', 'utils.new_fn'],
    ['replace calls to time.sleep() with asyncio.sleep()', 'time.sleep', 'asyncio.sleep'],
    ['use new_fn instead of old_fn', 'old_fn', 'new_fn'],
    ['use "asyncio.sleep" instead of "time.sleep"', 'time.sleep', 'asyncio.sleep'],
    ['call fetchUser instead of getUser', 'getUser', 'fetchUser'],
    ['use fetchUser rather than getUser', 'getUser', 'fetchUser'],
    ['replace getUser calls with fetchUser', 'getUser', 'fetchUser'],
    ['replace getUser() with fetchUser()', 'getUser', 'fetchUser'],
    ['switch calls from getUser to fetchUser', 'getUser', 'fetchUser'],
  ])('reads "%s"', (command, from, to) => {
    expect(parseIntent(command)).toEqual({ kind: 'replace_calls', from, to });
  });

  it('leaves rename and sentences that name no call to other forms', () => {
    // `replace getUser with fetchUser` may be a rename: the grammar refuses to guess.
    const guess = thrown(() => parseIntent('replace getUser with fetchUser'));
    expect(isOrchestratorError(guess, 'INTENT_UNRECOGNISED')).toBe(true);
    expect(parseIntent('rename getUser to fetchUser').kind).toBe('rename');
  });

  it('is reached through the common parser and refuses bad names before any server starts', () => {
    expect(parseIntent('use asyncio.sleep instead of time.sleep')).toEqual({
      kind: 'replace_calls',
      from: 'time.sleep',
      to: 'asyncio.sleep',
    });
    const same = thrown(() => parseIntent('replace calls to old_fn with old_fn'));
    expect(isOrchestratorError(same, 'NOTHING_TO_DO')).toBe(true);
    const bad = thrown(() => validateIntent({ kind: 'replace_calls', from: 'a-b', to: 'c' }));
    expect(isOrchestratorError(bad, 'INVALID_IDENTIFIER')).toBe(true);
    const reserved = thrown(() =>
      validateIntent({ kind: 'replace_calls', from: 'a', to: 'x.class' }),
    );
    expect((reserved as Error).message).toContain('"class", a reserved word');
  });
});

describe('replace_calls refusals', () => {
  const intent = { kind: 'replace_calls', from: 'old_fn', to: 'new_fn' } as const;

  it('lists each call whose arguments do not fit, with the two signatures, as TRANSFORM_REFUSED', () => {
    const facts = emptyReplaceCallsFacts();
    facts.from = {
      name: 'old_fn',
      file: 'a.py',
      line: 1,
      column: 5,
      inWorkspace: true,
      signatures: ['old_fn(a, b=…)'],
    };
    facts.to = {
      name: 'new_fn',
      file: 'a.py',
      line: 5,
      column: 5,
      inWorkspace: true,
      signatures: ['new_fn(a)'],
    };
    facts.mismatches.push({
      file: 'b.py',
      line: 3,
      column: 5,
      lineText: '    old_fn(1, b=2)',
      problems: ['new_fn(a) has no parameter named "b"'],
    });
    const error = thrown(() => refuseWhatCannotBeReplaced(intent, facts, []));
    expect(isOrchestratorError(error, 'TRANSFORM_REFUSED')).toBe(true);
    expect((error as Error).message).toBe(
      '1 call(s) of "old_fn" pass arguments "new_fn" cannot take:\n  b.py:3: old_fn(1, b=2)\n      new_fn(a) has no parameter named "b"\nThe signatures:\n  old_fn: old_fn(a, b=…)\n  new_fn: new_fn(a)\nNothing was changed. Change those calls (or "new_fn") first, or pick a function that takes the same arguments.',
    );
  });

  it('names an unresolved function with close matches, a captured name, and no call at all', () => {
    const unresolved = emptyReplaceCallsFacts();
    unresolved.unresolved.push({
      role: 'to',
      name: 'new_fm',
      kind: 'missing',
      detail: '"new_fm" is not declared',
    });
    const notFound = thrown(() => refuseWhatCannotBeReplaced(intent, unresolved, ['new_fn']));
    expect(isOrchestratorError(notFound, 'SYMBOL_NOT_FOUND')).toBe(true);
    expect((notFound as Error).message).toContain('Did you mean "new_fn"?');
    const notCallable = emptyReplaceCallsFacts();
    notCallable.unresolved.push({
      role: 'to',
      name: 'Parser',
      kind: 'not-callable',
      detail: '"Parser" is a class',
    });
    const refused = thrown(() => refuseWhatCannotBeReplaced(intent, notCallable, ['Parse']));
    expect(isOrchestratorError(refused, 'TRANSFORM_REFUSED')).toBe(true);
    expect((refused as Error).message).toBe('Cannot call "new_fn" instead: "Parser" is a class.');
    const captured = emptyReplaceCallsFacts();
    captured.collisions.push({
      file: 'c.ts',
      line: 2,
      column: 1,
      name: 'newFn',
      reason: '"newFn" is already declared',
    });
    expect(
      isOrchestratorError(
        thrown(() => refuseWhatCannotBeReplaced(intent, captured, [])),
        'NAME_COLLISION',
      ),
    ).toBe(true);
    const none = emptyReplaceCallsFacts();
    none.leftAlone.push({
      file: 'd.py',
      line: 4,
      column: 1,
      length: 6,
      detail: 'used as a decorator',
    });
    const nothing = thrown(() => refuseWhatCannotBeReplaced(intent, none, []));
    expect(isOrchestratorError(nothing, 'NOTHING_TO_DO')).toBe(true);
    expect((nothing as Error).message).toContain('d.py:4 (used as a decorator)');
  });
});

describe('what a replace_calls plan may write', () => {
  const intent = { kind: 'replace_calls', from: 'time.sleep', to: 'asyncio.sleep' } as const;
  const edit = (oldText: string, newText: string, reason: string): FileChange => ({
    op: 'edit',
    file: 'a.py',
    edits: [{ start: [1, 1], end: [1, 1 + oldText.length], oldText, newText, reason }],
  });

  it('accepts callee replacements, awaits, import lines and removals', () => {
    for (const change of [
      edit('time.sleep', 'await asyncio.sleep', 'call site'),
      edit('sleep', '(await asyncio.sleep', 'call site (awaited)'),
      edit('', ')', 'call site (awaited)'),
      edit('', 'import asyncio\n', 'import added'),
      edit('', 'from asyncio import sleep\r\n', 'import added'),
      edit('import time\n', '', 'unused import'),
      edit('old', 'sleep', 'import replaced'),
      edit('', ', sleep', 'import added'),
      edit('', "import { sleep } from '../src/asyncio.js';\n", 'import added'),
      edit('', 'const { sleep } = require("asyncio")\n', 'import added'),
    ]) {
      expect(checkReplaceCallsChange(intent, change)).toBeUndefined();
    }
  });

  it('refuses other code, other imports and new files', () => {
    expect(
      checkReplaceCallsChange(intent, edit('time.sleep', 'os.system("rm")', 'call site')),
    ).toContain('callee');
    expect(
      checkReplaceCallsChange(intent, edit('', 'from os import system\n', 'import added')),
    ).toContain('binds');
    expect(checkReplaceCallsChange(intent, edit('x = 1\n', '', 'unused import'))).toContain(
      'only imports',
    );
    expect(checkReplaceCallsChange(intent, { op: 'delete', file: 'a.py', reason: 'x' })).toContain(
      'does not delete',
    );
  });
});
