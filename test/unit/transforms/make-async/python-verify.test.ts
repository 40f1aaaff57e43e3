import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMakeAsyncPythonFixture,
  type MakeAsyncPythonFixture,
} from '../../../fixtures/transforms/make-async-python.js';

/** On disk: the code before the change. */
const BEFORE: Record<string, string> = {
  'app/__init__.py': '',
  'app/core.py': 'def fetch(x):\n    return x\n',
  'app/other.py': 'from app.core import fetch as f\n\n\ndef other():\n    f(7)\n',
};

/** The changed tree, as the call's overlay: some uses of `fetch` are not awaited. */
const AFTER: Record<string, string> = {
  'app/core.py': `import asyncio


async def fetch(x):
    return x


async def good():
    a = await fetch(1)
    b = await asyncio.gather(fetch(2), *[fetch(i) for i in range(2)])
    task = asyncio.create_task(fetch(3))
    await task
    return a, b, await asyncio.wait_for(fetch(8), 1)


async def bad():
    fetch(4)
    return fetch(5)


def sync_caller():
    return asyncio.run(fetch(6))


def value():
    return [fetch]
`,
  'app/other.py': 'from app.core import fetch as f\n\n\nasync def other():\n    f(7)\n',
};

describe('make_async (Python): verify mode on the changed tree', () => {
  let fixture: MakeAsyncPythonFixture;

  beforeAll(async () => {
    fixture = await createMakeAsyncPythonFixture(BEFORE);
  });

  afterAll(async () => {
    await fixture?.cleanup();
  });

  it('reports each use nothing awaits or runs, through import aliases too', async () => {
    const facts = await fixture.verify(
      [{ file: 'app/core.py', line: 4, column: 11, name: 'fetch' }],
      AFTER,
    );
    expect(facts.unawaited).toEqual([
      { file: 'app/core.py', line: 17, column: 5, function: 'fetch', lineText: '    fetch(4)' },
      {
        file: 'app/core.py',
        line: 18,
        column: 12,
        function: 'fetch',
        lineText: '    return fetch(5)',
      },
      {
        file: 'app/core.py',
        line: 26,
        column: 13,
        function: 'fetch',
        lineText: '    return [fetch]',
      },
      { file: 'app/other.py', line: 5, column: 5, function: 'fetch', lineText: '    f(7)' },
    ]);
  });

  it('finds the function from its position before the change', async () => {
    const facts = await fixture.verify(
      [{ file: 'app/core.py', line: 1, column: 5, name: 'fetch' }],
      AFTER,
    );
    expect(facts.unawaited.map((u) => `${u.file}:${u.line}`)).toEqual([
      'app/core.py:17',
      'app/core.py:18',
      'app/core.py:26',
      'app/other.py:5',
    ]);
  });

  it('reports nothing once every use is awaited', async () => {
    const fixed = {
      'app/core.py': (AFTER['app/core.py'] ?? '')
        .replace(
          '    fetch(4)\n    return fetch(5)',
          '    await fetch(4)\n    return await fetch(5)',
        )
        .replace('return [fetch]', 'return []'),
      'app/other.py': (AFTER['app/other.py'] ?? '').replace('    f(7)', '    await f(7)'),
    };
    const facts = await fixture.verify(
      [{ file: 'app/core.py', line: 4, column: 11, name: 'fetch' }],
      fixed,
    );
    expect(facts.unawaited).toEqual([]);
  });
});
