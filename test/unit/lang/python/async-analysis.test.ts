import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPythonAdapter, type PythonAdapter } from '../../../../src/lang/python/index.js';
import { createAsyncFixture } from '../../../fixtures/lang-python/async-fixture.js';
import type { PythonFixture } from '../../../fixtures/lang-python/create-python-fixture.js';

describe('Python async analysis', () => {
  let fixture: PythonFixture;
  let adapter: PythonAdapter;

  beforeAll(async () => {
    fixture = await createAsyncFixture();
    adapter = createPythonAdapter({ root: fixture.root });
  });

  afterAll(async () => {
    await adapter?.close();
    await fixture?.cleanup();
  });

  it('lists async functions with their awaits and blocking calls', async () => {
    const { files } = await adapter.analyzeAsync('app/jobs.py');
    expect(files).toHaveLength(1);
    const [fetch, process] = files[0]?.asyncFunctions ?? [];
    expect(fetch).toMatchObject({ name: 'fetch', line: 7, column: 11, awaits: [] });
    expect(fetch?.blockingCalls.map((c) => [c.call, c.line, c.inLoop])).toEqual([
      ['time.sleep', 8, false],
      ['requests.get', 9, false],
    ]);
    expect(process?.name).toBe('process');
    expect(process?.awaits.map((a) => [a.line, a.expression])).toEqual([
      [16, 'asyncio.sleep(0)'],
      [17, "fetch('x')"],
    ]);
    expect(process?.blockingCalls.map((c) => [c.call, c.line, c.inLoop])).toEqual([
      ['open', 14, true],
      ['handle.read', 15, true],
    ]);
  });

  it('finds async calls that are never awaited, in async and sync functions', async () => {
    const { files } = await adapter.analyzeAsync('app/jobs.py');
    expect(files[0]?.unawaitedCalls).toEqual([
      { name: 'process', line: 12, column: 11, calls: [{ callee: 'fetch', line: 18, column: 5 }] },
    ]);
    expect(files[0]?.syncCallers).toEqual([
      { name: 'legacy', line: 22, column: 5, calls: [{ callee: 'fetch', line: 23, column: 12 }] },
    ]);
  });

  it('analyses every file when no file is given, finding cross-module sync callers', async () => {
    const result = await adapter.analyzeAsync();
    expect(result.files.map((f) => f.file)).toEqual([
      'app/__init__.py',
      'app/jobs.py',
      'app/other.py',
    ]);
    expect(result.files[2]?.syncCallers).toEqual([
      {
        name: 'sync_user',
        container: 'Runner',
        line: 5,
        column: 9,
        calls: [{ callee: 'fetch', line: 6, column: 9 }],
      },
    ]);
    expect(result.errors).toEqual([]);
    expect(adapter.state).toBe('idle');
  });
});
