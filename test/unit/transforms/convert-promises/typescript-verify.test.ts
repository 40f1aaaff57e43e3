import { describe, expect, it } from 'vitest';
import { API_TS, NESTED_TS } from '../../../fixtures/transforms/convert-promises-cases.js';
import { useConvertPromisesWorkspace } from '../../../fixtures/transforms/convert-promises-workspace.js';

describe('convert_promises (TypeScript half): verify mode on the changed tree', () => {
  const workspace = useConvertPromisesWorkspace({
    'src/api.ts': API_TS,
    'src/nested.ts': NESTED_TS,
  });

  const converted = async () => {
    const outcome = await workspace.convertFiles(['src/api.ts', 'src/nested.ts']);
    const functions = outcome.facts.converted.map((f) => ({
      ...(f.body as NonNullable<typeof f.body>),
      name: f.name,
    }));
    return { changed: outcome.changed, functions };
  };

  it('finds every converted function async with no promise chain left in its returns', async () => {
    const { changed, functions } = await converted();
    expect(functions.map((f) => f.name)).toEqual([
      'loadUser',
      'loadName',
      'Store.get',
      'nested',
      'helper',
    ]);
    expect(await workspace.verify(changed, functions)).toEqual({ problems: [] });
  });

  it('reports a function that is not async, and one whose return still hands back a .then chain', async () => {
    const { changed, functions } = await converted();
    const api = (changed['src/api.ts'] as string)
      // Same width, so the bodies stay where the check says they are.
      .replace('export const loadName = async (', 'export const loadName =       (')
      .replace('    return data.id;', '    return fetchJson(key).then((t) => t.length);');
    expect(await workspace.verify({ ...changed, 'src/api.ts': api }, functions)).toEqual({
      problems: [
        { file: 'src/api.ts', line: 20, column: 47, name: 'loadName', problem: 'is not async' },
        {
          file: 'src/api.ts',
          line: 27,
          column: 43,
          name: 'Store.get',
          problem: 'still returns a .then() chain at line 30, column 27',
        },
      ],
    });
  });

  it('reports a position where no function body starts', async () => {
    const { changed, functions } = await converted();
    const moved = { ...(functions[0] as (typeof functions)[number]), column: 1 };
    expect(await workspace.verify(changed, [moved])).toEqual({
      problems: [{ ...moved, problem: 'no function body starts here in the changed tree' }],
    });
  });
});
