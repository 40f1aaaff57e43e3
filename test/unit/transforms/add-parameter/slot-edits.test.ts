import { describe, expect, it } from 'vitest';
import {
  planAddParameter,
  toInsertionIndex,
  toParameterText,
} from '../../../../src/transforms/shared/parameters/plan-add.js';
import type {
  DeclarationShape,
  SignatureFamily,
} from '../../../../src/transforms/shared/parameters/shapes.js';
import {
  deleteSlots,
  insertSlot,
  toFileText,
} from '../../../../src/transforms/shared/parameters/slot-edits.js';
import { applyChanges } from '../../../fixtures/transforms/add-parameter-halves.js';

const declaration = (over: Partial<DeclarationShape>): DeclarationShape => ({
  file: 'a.py',
  line: 1,
  column: 5,
  name: 'f',
  role: 'target',
  binding: 'function',
  hasBody: true,
  open: [1, 7],
  close: [1, 7],
  parenthesized: true,
  slots: [],
  ...over,
});

describe('slot edits', () => {
  it('insert with ", " on one line and with the line break and indentation of a one-per-line list (CRLF kept)', () => {
    const text = 'def f(\r\n    a,\r\n    b,\r\n):\r\n';
    const file = toFileText('a.py', text);
    const list = {
      open: [1, 7] as const,
      close: [4, 1] as const,
      slots: [
        { start: [2, 5] as const, end: [2, 6] as const },
        { start: [3, 5] as const, end: [3, 6] as const },
      ],
    };
    const edit = insertSlot(file, list, 2, 'c=1', 'declaration');
    expect(
      applyChanges({ 'a.py': text }, [{ op: 'edit', file: 'a.py', edits: [edit] }])['a.py'],
    ).toBe('def f(\r\n    a,\r\n    b,\r\n    c=1,\r\n):\r\n');
    const first = insertSlot(file, list, 0, 'c', 'declaration');
    expect(
      applyChanges({ 'a.py': text }, [{ op: 'edit', file: 'a.py', edits: [first] }])['a.py'],
    ).toBe('def f(\r\n    c,\r\n    a,\r\n    b,\r\n):\r\n');
  });

  it('delete an item with its separator, the last one after its neighbour, all of them to ()', () => {
    const text = 'f(a, b, c)\n';
    const file = toFileText('a.py', text);
    const list = {
      open: [1, 3] as const,
      close: [1, 10] as const,
      slots: [
        { start: [1, 3] as const, end: [1, 4] as const },
        { start: [1, 6] as const, end: [1, 7] as const },
        { start: [1, 9] as const, end: [1, 10] as const },
      ],
    };
    const apply = (indexes: number[]) =>
      applyChanges({ 'a.py': text }, [
        { op: 'edit', file: 'a.py', edits: deleteSlots(file, list, new Set(indexes), 'x') },
      ])['a.py'];
    expect(apply([1])).toBe('f(a, c)\n');
    expect(apply([2])).toBe('f(a, b)\n');
    expect(apply([0, 2])).toBe('f(b)\n');
    expect(apply([0, 1, 2])).toBe('f()\n');
  });
});

describe('where the new parameter goes and how it is written', () => {
  const slot = (kind: DeclarationShape['slots'][number]['kind'], hasDefault = false) => ({
    kind,
    name: kind,
    start: [1, 1] as const,
    end: [1, 2] as const,
    hasDefault,
  });

  it('after the positional parameters; a required one before the first defaulted one', () => {
    const d = declaration({
      slots: [slot('regular'), slot('regular', true), slot('keyword-marker'), slot('keyword-only')],
    });
    expect(toInsertionIndex(d, false)).toBe(2);
    expect(toInsertionIndex(d, true)).toBe(1);
    expect(
      toInsertionIndex(
        declaration({ slots: [slot('positional-only', true), slot('positional-marker')] }),
        true,
      ),
    ).toBeUndefined();
  });

  it("in each language's syntax: TS signatures optional and typed from the default", () => {
    const p = { name: 'currency', default: '"USD"' };
    expect(toParameterText(declaration({}), p, 'python')).toBe('currency="USD"');
    expect(toParameterText(declaration({}), { ...p, type: 'str' }, 'python')).toBe(
      'currency: str = "USD"',
    );
    expect(toParameterText(declaration({}), p, 'typescript')).toBe('currency = "USD"');
    expect(toParameterText(declaration({ hasBody: false }), p, 'typescript')).toBe(
      'currency?: string',
    );
    expect(
      toParameterText(
        declaration({}),
        { name: 'c', type: 'string', default: 'undefined' },
        'typescript',
      ),
    ).toBe('c?: string');
    expect(toParameterText(declaration({}), { name: 'c', value: '3' }, 'typescript')).toBe(
      'c: number',
    );
    expect(
      toParameterText(declaration({}), { name: 'c', value: 'make()' }, 'typescript'),
    ).toBeUndefined();
    expect(toParameterText(declaration({}), { name: 'c', value: 'make()' }, 'javascript')).toBe(
      'c',
    );
  });

  it('refuses a call that already passes the name as a keyword, and plans nothing', () => {
    const text = 'def f(a, **kw):\n    pass\n\n\nf(1, retries=2)\n';
    const family: SignatureFamily = {
      syntax: 'python',
      declarations: [
        declaration({
          open: [1, 7],
          close: [1, 14],
          slots: [
            { ...slot('regular'), name: 'a' },
            { ...slot('var-keyword'), name: 'kw' },
          ],
        }),
      ],
      calls: [
        {
          file: 'a.py',
          line: 5,
          column: 1,
          lineText: 'f(1, retries=2)',
          declaration: 0,
          implicit: 0,
          open: [5, 3],
          close: [5, 15],
          args: [
            { kind: 'positional', start: [5, 3], end: [5, 4] },
            { kind: 'keyword', name: 'retries', start: [5, 6], end: [5, 15] },
          ],
          bareGenerator: false,
        },
      ],
      dynamic: [],
      texts: new Map([['a.py', text]]),
      seen: [],
    };
    const plan = planAddParameter(family, { name: 'retries', value: '3' });
    expect(plan.problems.map((p) => `${p.line} ${p.code}`)).toEqual(['5 keyword-passed']);
  });
});
