import { describe, expect, it } from 'vitest';
import {
  ASI_INPUT,
  ASI_OUTPUT,
  FORMS_INPUT,
  FORMS_OUTPUT,
  JSDOC_INPUT,
  JSDOC_OUTPUT,
  MODULES_INPUT,
  MODULES_OUTPUT,
  PRECEDENCE_INPUT,
  PRECEDENCE_OUTPUT,
  TYPES_INPUT,
  TYPES_OUTPUT,
} from '../../../fixtures/transforms/make-async-typescript/closure-cases.js';
import { useMakeAsyncWorkspace } from '../../../fixtures/transforms/make-async-typescript/use-make-async.js';

const FILES = {
  ...MODULES_INPUT,
  ...PRECEDENCE_INPUT,
  ...ASI_INPUT,
  ...FORMS_INPUT,
  ...TYPES_INPUT,
  ...JSDOC_INPUT,
};

/** The fixture's files under `folder/`, as `files` has them. */
function inFolder(files: Record<string, string>, folder: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files).filter(([file]) => file.startsWith(`${folder}/`)),
  );
}

describe('make_async (TypeScript): the closure across modules', () => {
  const workspace = useMakeAsyncWorkspace(FILES);

  it('follows callers through aliases, re-exports, namespace imports, default exports and this.', async () => {
    const outcome = await workspace.convert({
      roots: [{ file: 'modules/api.ts', needle: 'getUser' }],
    });
    expect(inFolder(outcome.files, 'modules')).toEqual({ ...MODULES_INPUT, ...MODULES_OUTPUT });
    expect(
      outcome.facts.closure.map((entry) => [entry.container, entry.name, entry.reason]),
    ).toEqual([
      [undefined, 'fetchName', 'calls getUser at modules/alias.ts:2'],
      [undefined, 'getUser', 'root'],
      [undefined, 'names', 'calls getUser at modules/namespace.ts:3'],
      [undefined, 'describeUser', 'calls fetchName at modules/store.ts:4'],
      ['Store', 'lookup', 'calls getUser at modules/store.ts:9'],
      ['Store', 'print', 'calls Store.lookup at modules/store.ts:14'],
    ]);
    expect(outcome.facts.roots).toEqual([
      { file: 'modules/api.ts', line: 4, column: 17, name: 'getUser', kind: 'function' },
    ]);
    expect(outcome.facts.boundaries).toEqual([]);
    workspace.checkLater(outcome.changed, Object.keys(MODULES_INPUT));
  });

  it('awaits each call with the precedence it needs and turns return types into Promise<T>', async () => {
    const names = ['load', 'count', 'factory', 'nothing', 'untyped', 'already'];
    const outcome = await workspace.convert({
      roots: names.map((name) => ({ file: 'precedence/lib.ts', needle: `${name}(` })),
    });
    expect(inFolder(outcome.files, 'precedence')).toEqual(PRECEDENCE_OUTPUT);
    const reasons = new Set(
      outcome.changes.flatMap((c) => (c.op === 'edit' ? c.edits.map((e) => e.reason) : [])),
    );
    expect([...reasons].sort()).toEqual(['async function', 'await call', 'return type Promise<T>']);
    workspace.checkLater(outcome.changed, Object.keys(PRECEDENCE_INPUT));
  });

  it('does not await the callers of a function that returns a promise already', async () => {
    const outcome = await workspace.convert({
      roots: [{ file: 'precedence/lib.ts', needle: 'already' }],
    });
    expect(outcome.changed).toEqual({
      'precedence/lib.ts': PRECEDENCE_INPUT['precedence/lib.ts'].replace(
        'export function already',
        'export async function already',
      ),
    });
    expect(outcome.facts.closure.map((entry) => entry.name)).toEqual(['already']);
  });

  it('puts a ; before a statement that would start with ( after one without', async () => {
    const outcome = await workspace.convert({ roots: [{ file: 'asi/lib.ts', needle: 'getList' }] });
    expect(outcome.changed).toEqual(ASI_OUTPUT);
  });

  it('converts every function form: expressions, arrows, object and class members, default exports, recursion', async () => {
    const outcome = await workspace.convert({ roots: [{ file: 'forms/lib.ts', needle: 'leaf' }] });
    expect(outcome.changed).toEqual(FORMS_OUTPUT);
    expect(
      outcome.facts.closure.map((entry) => `${entry.kind} ${entry.container ?? ''}.${entry.name}`),
    ).toEqual([
      'function .leaf',
      'function-expression .viaExpression',
      'arrow .viaArrow',
      'method api.method',
      'arrow api.prop',
      'arrow Widget.handler',
      'method Widget.create',
      'function .countdown',
      'arrow .default',
    ]);
    workspace.checkLater(outcome.changed, Object.keys(FORMS_INPUT));
  });

  it('updates type aliases, annotated function types and overloads', async () => {
    const outcome = await workspace.convert({
      roots: [
        { file: 'types/lib.ts', needle: 'loadName' },
        { file: 'types/lib.ts', needle: 'typed' },
        { file: 'types/lib.ts', needle: 'pick', occurrence: 3 },
      ],
    });
    expect(outcome.changed).toEqual(TYPES_OUTPUT);
    expect(outcome.facts.closure.map((entry) => `${entry.name} ${entry.line}`)).toEqual([
      'loadName 2',
      'typed 3',
      'pick 6',
      'names 2',
    ]);
    workspace.checkLater(outcome.changed, Object.keys(TYPES_INPUT));
  });

  it("updates a JavaScript function's JSDoc @returns", async () => {
    const outcome = await workspace.convert({
      roots: [{ file: 'jsdoc/lib.js', needle: 'getName' }],
    });
    expect(outcome.changed).toEqual(JSDOC_OUTPUT);
  });

  it('is deterministic: the same roots give the same changes and facts', async () => {
    const first = await workspace.convert({
      roots: [{ file: 'modules/api.ts', needle: 'getUser' }],
    });
    const second = await workspace.convert({
      roots: [{ file: 'modules/alias.ts', needle: 'load(' }],
    });
    expect(JSON.stringify(second.changes)).toBe(JSON.stringify(first.changes));
    expect(second.facts.closure).toEqual(first.facts.closure);
  });

  it('leaves code that type-checks, in every conversion above', async () => {
    expect((await workspace.checkAll()).diagnostics).toEqual([]);
  });
});
