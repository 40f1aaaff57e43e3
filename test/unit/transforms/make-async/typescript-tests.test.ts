import { describe, expect, it } from 'vitest';
import {
  FRAMEWORKS_INPUT,
  FRAMEWORKS_OUTPUT,
  REFUSED_TESTS_INPUT,
} from '../../../fixtures/transforms/make-async-typescript/test-framework-cases.js';
import { useMakeAsyncWorkspace } from '../../../fixtures/transforms/make-async-typescript/use-make-async.js';

describe('make_async (TypeScript): test callbacks', () => {
  const workspace = useMakeAsyncWorkspace({ ...FRAMEWORKS_INPUT, ...REFUSED_TESTS_INPUT });

  it('makes vitest, jest, mocha and node:test callbacks async and awaits the calls in them', async () => {
    const libs = ['vitest/lib.ts', 'jest/lib.js', 'mocha/lib.js', 'nodetest/lib.js'];
    const outcome = await workspace.convert({
      roots: libs.map((file) => ({ file, needle: 'getUser' })),
    });
    expect(outcome.changed).toEqual(FRAMEWORKS_OUTPUT);
    expect(outcome.facts.closure.map((e) => e.file)).toEqual([
      'jest/lib.js',
      'mocha/lib.js',
      'nodetest/lib.js',
      'vitest/lib.ts',
    ]);
    expect(
      outcome.facts.boundaries.map((b) => [b.file, b.line, b.kind, b.handling, b.how, b.detail]),
    ).toEqual([
      [
        'jest/lib.test.js',
        3,
        'test',
        'wrapped',
        'async test',
        'test("loads") in jest/lib.test.js (a global test function)',
      ],
      [
        'mocha/lib.test.js',
        4,
        'test',
        'wrapped',
        'async test',
        'before(…) in mocha/lib.test.js (a global test function)',
      ],
      [
        'mocha/lib.test.js',
        7,
        'test',
        'wrapped',
        'async test',
        'it("loads") in mocha/lib.test.js (a global test function)',
      ],
      [
        'nodetest/lib.test.js',
        4,
        'test',
        'wrapped',
        'async test',
        'test("top") in nodetest/lib.test.js (node:test)',
      ],
      [
        'nodetest/lib.test.js',
        8,
        'test',
        'wrapped',
        'async test',
        'it("inner") in nodetest/lib.test.js (node:test)',
      ],
      [
        'vitest/lib.test.ts',
        5,
        'test',
        'wrapped',
        'async test',
        'beforeEach(…) in vitest/lib.test.ts (vitest)',
      ],
      [
        'vitest/lib.test.ts',
        8,
        'test',
        'wrapped',
        'async test',
        'it("loads a user") in vitest/lib.test.ts (vitest)',
      ],
      [
        'vitest/lib.test.ts',
        11,
        'test',
        'wrapped',
        'async test',
        'test.each(…)("loads %i") in vitest/lib.test.ts (vitest)',
      ],
    ]);
    const reasons = outcome.changes.flatMap((c) => c.edits.map((e) => e.reason));
    expect(reasons.filter((r) => r === 'test callback made async')).toHaveLength(8);
  });

  it('refuses a test that takes a done callback', async () => {
    const outcome = await workspace.convert({
      roots: [{ file: 'done/lib.js', needle: 'getUser' }],
    });
    expect(outcome.changes).toEqual([]);
    expect(outcome.facts.boundaries).toEqual([
      {
        file: 'done/lib.test.js',
        line: 3,
        column: 3,
        kind: 'test',
        detail:
          'the it callback takes a "done" callback, and may not also return a promise; remove "done" first',
        chain: ['getUser', 'it("loads")'],
        handling: 'refused',
      },
    ]);
  });

  it('refuses a call in a describe body, which collects tests synchronously', async () => {
    const outcome = await workspace.convert({
      roots: [{ file: 'suite/lib.ts', needle: 'getUser' }],
    });
    expect(outcome.changes).toEqual([]);
    expect(
      outcome.facts.boundaries.map((b) => [b.line, b.kind, b.handling, b.chain, b.detail]),
    ).toEqual([
      [
        4,
        'test',
        'refused',
        ['getUser', 'describe("users")'],
        'describe callbacks run synchronously to collect the tests; move the call into a test or a hook',
      ],
    ]);
  });
});
