import { describe, expect, it } from 'vitest';
import { useMakeAsyncWorkspace } from '../../../fixtures/transforms/make-async-typescript/use-make-async.js';
import {
  ROUND_TRIP_INPUT,
  VERIFY_INPUT,
} from '../../../fixtures/transforms/make-async-typescript/verify-cases.js';

describe('make_async (TypeScript): verify mode', () => {
  const workspace = useMakeAsyncWorkspace({ ...VERIFY_INPUT, ...ROUND_TRIP_INPUT });

  it('reports the calls nothing awaits, returns, combines or chains, through imports and require', async () => {
    const facts = await workspace.verify({}, [
      { file: 'verify/lib.ts', needle: 'getUser', name: 'getUser' },
      { file: 'verify/cjs-lib.js', needle: 'load', name: 'load' },
    ]);
    expect(facts.unawaited).toEqual([
      { file: 'verify/cjs-use.js', line: 4, column: 3, function: 'load', lineText: '  load();' },
      {
        file: 'verify/use.ts',
        line: 13,
        column: 3,
        function: 'getUser',
        lineText: '  getUser(6);',
      },
      {
        file: 'verify/use.ts',
        line: 14,
        column: 18,
        function: 'getUser',
        lineText: '  const leaked = getUser(7);',
      },
    ]);
  });

  it('finds nothing on a converted tree, and the one call an edit lost', async () => {
    const outcome = await workspace.convert({ roots: [{ file: 'trip/lib.ts', needle: 'total' }] });
    expect(outcome.changed['trip/use.ts']).toContain('return await total() * 2;');
    const functions = outcome.facts.closure.map((entry) => ({
      file: entry.file,
      needle: entry.name,
      name: entry.name,
    }));
    expect(await workspace.verify(outcome.changed, functions)).toEqual({ unawaited: [] });
    const lost = {
      ...outcome.changed,
      'trip/use.ts': (outcome.changed['trip/use.ts'] as string).replace('await total()', 'total()'),
    };
    expect(await workspace.verify(lost, functions)).toEqual({
      unawaited: [
        {
          file: 'trip/use.ts',
          line: 3,
          column: 10,
          function: 'total',
          lineText: '  return total() * 2;',
        },
      ],
    });
  });

  it('skips a function whose position is not a name in a loaded file', async () => {
    const facts = await workspace.verify({}, [
      { file: 'verify/lib.ts', needle: '`u', name: 'getUser' },
    ]);
    expect(facts).toEqual({ unawaited: [] });
  });
});
