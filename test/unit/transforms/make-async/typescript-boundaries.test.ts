import { describe, expect, it } from 'vitest';
import {
  REFUSED_INPUT,
  WRAPPED_INPUT,
  WRAPPED_OUTPUT,
} from '../../../fixtures/transforms/make-async-typescript/boundary-cases.js';
import { useMakeAsyncWorkspace } from '../../../fixtures/transforms/make-async-typescript/use-make-async.js';

describe('make_async (TypeScript): boundaries', () => {
  const workspace = useMakeAsyncWorkspace({ ...REFUSED_INPUT, ...WRAPPED_INPUT });
  const refusalsOf = async (file: string, needle = 'getUser') => {
    const outcome = await workspace.convert({ roots: [{ file, needle }] });
    expect(outcome.changes).toEqual([]);
    return outcome.facts.boundaries.map(({ kind, handling, chain, line, detail }) => ({
      kind,
      handling,
      chain: chain.join(' ← '),
      line,
      detail,
    }));
  };

  it('refuses a constructor that reaches the root, naming the chain', async () => {
    const outcome = await workspace.convert({
      roots: [{ file: 'ctor/lib.ts', needle: 'getUser' }],
    });
    expect(outcome.changes).toEqual([]);
    expect(outcome.facts.boundaries).toEqual([
      {
        file: 'ctor/store.ts',
        line: 5,
        column: 18,
        kind: 'constructor',
        detail:
          'a constructor cannot await loadAll(); move the call into an async method or factory',
        chain: ['getUser', '(map callback)', 'loadAll', 'Store.constructor'],
        handling: 'refused',
      },
    ]);
    expect(outcome.facts.closure.map((e) => `${e.name}: ${e.reason}`)).toEqual([
      'getUser: root',
      'loadAll: calls (map callback) at ctor/lib.ts:5',
      '(map callback): calls getUser at ctor/lib.ts:5',
    ]);
  });

  it('refuses getters and setters that call it, and a getter as a root', async () => {
    expect(await refusalsOf('getter/ledger.ts')).toEqual([
      {
        kind: 'accessor',
        handling: 'refused',
        chain: 'getUser ← Ledger.total (getter)',
        line: 6,
        detail: 'the getter Ledger.total cannot await getUser(); turn it into an async method',
      },
      {
        kind: 'accessor',
        handling: 'refused',
        chain: 'getUser ← Ledger.owner (setter)',
        line: 9,
        detail: 'the setter Ledger.owner cannot await getUser(); turn it into an async method',
      },
    ]);
    expect(await refusalsOf('getter/ledger.ts', 'total')).toEqual([
      {
        kind: 'accessor',
        handling: 'refused',
        chain: 'Ledger.total',
        line: 5,
        detail: 'Ledger.total is a getter, which cannot be async; turn it into an async method',
      },
    ]);
  });

  it('refuses field initializers (they run in the constructor, or with the class)', async () => {
    expect((await refusalsOf('field/model.ts')).map((b) => [b.kind, b.chain])).toEqual([
      ['constructor', 'getUser ← Model.name (field)'],
      ['other', 'getUser ← Model.fallback (static field)'],
    ]);
  });

  it('refuses callbacks of forEach, sort comparators and filter predicates', async () => {
    expect(await refusalsOf('foreach/list.ts')).toEqual([
      {
        kind: 'callback',
        handling: 'refused',
        chain: 'getUser ← (callback)',
        line: 5,
        detail:
          'passed to ids.forEach(…), which does not wait for promises (forEach would see a promise instead of a result)',
      },
    ]);
    expect((await refusalsOf('sort/list.ts')).map((b) => [b.kind, b.line, b.detail])).toEqual([
      ['callback', 5, expect.stringContaining('passed to [...ids].sort(…)')],
      ['callback', 5, expect.stringContaining('passed to [...ids].sort(…)')],
    ]);
    expect(await refusalsOf('filter/list.ts', 'isValid')).toEqual([
      {
        kind: 'callback',
        handling: 'refused',
        chain: 'isValid',
        line: 5,
        detail:
          'isValid is passed to ids.filter(…), which does not wait for promises (filter would see a promise instead of a result)',
      },
    ]);
  });

  it('refuses a function stored as a value or passed to an unknown function', async () => {
    expect((await refusalsOf('values/registry.ts')).map((b) => [b.kind, b.line, b.detail])).toEqual(
      [
        ['value', 4, 'getUser is stored in an object literal; its callers cannot be followed'],
        [
          'value',
          8,
          'getUser is passed to register(…), which may call it without waiting for its promise',
        ],
      ],
    );
  });

  it('refuses a function called with new', async () => {
    expect(await refusalsOf('newcall/lib.js', 'Point')).toEqual([
      {
        kind: 'other',
        handling: 'refused',
        chain: 'Point',
        line: 5,
        detail:
          'Point is called with new at newcall/lib.js:5; an async function is not a constructor',
      },
    ]);
  });

  it('refuses parameter defaults, Promise executors and generator callers', async () => {
    expect((await refusalsOf('params/lib.ts')).map((b) => [b.kind, b.chain])).toEqual([
      ['other', 'getUser ← greet (parameter default)'],
    ]);
    expect((await refusalsOf('executor/lib.ts')).map((b) => [b.kind, b.detail])).toEqual([
      ['callback', 'passed to new Promise(…), which ignores what its callback returns'],
    ]);
    expect((await refusalsOf('generator/lib.ts')).map((b) => [b.kind, b.chain])).toEqual([
      ['generator', 'getUser ← users'],
    ]);
  });

  it('lists generator roots and async roots apart, and changes nothing for a generator', async () => {
    const outcome = await workspace.convert({
      roots: [
        { file: 'generator/lib.ts', needle: 'users' },
        { file: 'generator/lib.ts', needle: 'already' },
      ],
    });
    expect(outcome.changes).toEqual([]);
    expect(outcome.facts.generators.map((g) => g.name)).toEqual(['users']);
    expect(outcome.facts.alreadyAsync.map((g) => g.name)).toEqual(['already']);
    expect(outcome.facts.closure).toEqual([]);
  });

  it('wraps arr.map(f) in await Promise.all(…) and makes .then callbacks async', async () => {
    const outcome = await workspace.convert({
      roots: [{ file: 'mapped/lib.ts', needle: 'getUser' }],
    });
    expect(outcome.changed).toEqual(WRAPPED_OUTPUT);
    expect(outcome.facts.boundaries).toEqual([
      {
        file: 'mapped/lib.ts',
        line: 9,
        column: 10,
        kind: 'callback',
        detail: 'the callback of ids.then(…) calls getUser()',
        chain: ['getUser', '(callback)'],
        handling: 'wrapped',
        how: 'async callback',
      },
    ]);
    workspace.checkLater(outcome.changed, ['mapped/lib.ts']);
  });

  it('leaves code that type-checks, in every conversion above', async () => {
    expect((await workspace.checkAll()).diagnostics).toEqual([]);
  });
});
