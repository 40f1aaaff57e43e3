import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConvertRun,
  compileAll,
  createMakeAsyncPythonFixture,
  type MakeAsyncPythonFixture,
  positionOf,
} from '../../../fixtures/transforms/make-async-python.js';
import {
  LEDGER_EXPECTED,
  LEDGER_FILES,
} from '../../../fixtures/transforms/make-async-python-ledger.js';

const SAVE_ENTRY = positionOf(LEDGER_FILES, 'ledger/store.py', 'def save_entry', 'save_entry');

describe('make_async (Python): propagation through modules, aliases and methods', () => {
  let fixture: MakeAsyncPythonFixture;
  let result: ConvertRun;

  beforeAll(async () => {
    fixture = await createMakeAsyncPythonFixture(LEDGER_FILES);
    result = await fixture.convert({ roots: [SAVE_ENTRY] });
  });

  afterAll(async () => {
    await fixture?.cleanup();
  });

  it('rewrites every file of the call graph exactly', () => {
    expect(result.changed).toEqual(LEDGER_EXPECTED);
  });

  it('records why each function joined, following aliases, re-exports and self. calls', () => {
    expect(result.facts.closure.map((c) => `${c.container ?? ''}.${c.name}: ${c.reason}`)).toEqual([
      '.main: calls record at ledger/cli.py:6',
      '.record: calls save_entry at ledger/service.py:7',
      '.record_twice: calls save_entry at ledger/service.py:11',
      '.total: calls record at ledger/service.py:15',
      'Service.handle: calls Store.put_many at ledger/service.py:23',
      '.save_entry: root',
      'Store.put: calls save_entry at ledger/store.py:12',
      'Store.put_many: calls Store.put at ledger/store.py:15',
    ]);
    expect(result.facts.roots).toEqual([
      { file: 'ledger/store.py', line: 5, column: 5, name: 'save_entry', kind: 'function' },
    ]);
  });

  it('wraps the module-level call and the __main__ call in asyncio.run, with their chains', () => {
    expect(result.facts.boundaries).toEqual([
      {
        file: 'ledger/cli.py',
        line: 10,
        column: 5,
        kind: 'main-block',
        detail: 'if __name__ == "__main__": main()',
        chain: ['save_entry', 'record', 'main', '__main__'],
        handling: 'wrapped',
        how: 'asyncio.run(...)',
      },
      {
        file: 'ledger/report.py',
        line: 3,
        column: 10,
        kind: 'module-level',
        detail: 'REPORT = total([1, 2])',
        chain: ['save_entry', 'record', 'total', '<module>'],
        handling: 'wrapped',
        how: 'asyncio.run(...)',
      },
    ]);
  });

  it('lists the blocking rewrite and says why each edit is made', () => {
    expect(result.facts.rewrites).toEqual([
      {
        file: 'ledger/store.py',
        line: 6,
        column: 5,
        from: 'time.sleep(0.01)',
        to: 'await asyncio.sleep(0.01)',
        rule: 'time.sleep → asyncio.sleep',
      },
    ]);
    const reasons = new Set(
      result.changes.flatMap((c) => (c.op === 'edit' ? c.edits.map((e) => e.reason) : [])),
    );
    expect([...reasons].sort()).toEqual([
      '__main__: asyncio.run',
      'async def',
      'await call',
      'blocking call → asyncio.sleep',
      'generator expression → list comprehension',
      'import asyncio',
      'import asyncio; unused import removed',
      'module level: asyncio.run',
    ]);
  });

  it('produces code that compiles and runs', async () => {
    expect(await compileAll(result.tree, Object.keys(LEDGER_FILES))).toBe('');
    const report = await result.exec('python3', [
      '-c',
      'import ledger.report as r; print(r.REPORT)',
    ]);
    expect(report).toEqual({ code: 0, output: '2\n' });
    const cli = await result.exec('python3', ['-m', 'ledger.cli', 'x']);
    expect(cli).toEqual({ code: 0, output: "{'saved': ['x']}\n" });
  });

  it('gives the same bytes on a second run', async () => {
    const again = await fixture.convert({ roots: [SAVE_ENTRY] });
    expect(JSON.stringify(again.changes)).toBe(JSON.stringify(result.changes));
    expect(JSON.stringify(again.facts)).toBe(JSON.stringify(result.facts));
  });
});
