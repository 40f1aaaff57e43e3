import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPythonAdapter, type PythonAdapter } from '../../../../src/lang/python/index.js';
import type { PythonFixture } from '../../../fixtures/lang-python/create-python-fixture.js';
import {
  createLedgerFixture,
  POST_ENTRY_DEFINITION,
} from '../../../fixtures/lang-python/ledger-fixture.js';

describe('Python adapter analysis of the ledger package', () => {
  let fixture: PythonFixture;
  let adapter: PythonAdapter;

  beforeAll(async () => {
    fixture = await createLedgerFixture();
    adapter = createPythonAdapter({ root: fixture.root });
  });

  afterAll(async () => {
    await adapter?.close();
    await fixture?.cleanup();
  });

  it('finds definitions by exact name with kind and container, not parameters or locals', async () => {
    const definitions = await adapter.findDefinitions('post_entry');
    expect(definitions).toEqual([
      {
        file: 'ledger/core.py',
        line: 7,
        column: 5,
        name: 'post_entry',
        kind: 'function',
        language: 'python',
      },
      {
        file: 'ledger/core.py',
        line: 13,
        column: 9,
        name: 'post_entry',
        kind: 'method',
        container: 'Book',
        language: 'python',
      },
    ]);
    expect(await adapter.findDefinitions('no_such_name')).toEqual([]);
  });

  it('finds definitions without starting pyright', () => {
    expect(adapter.state).toBe('idle');
  });

  it('marks the definition, imports and __all__ entries among the references', async () => {
    const references = await adapter.findReferences(POST_ENTRY_DEFINITION);
    const byKey = new Map(references.map((r) => [`${r.file}:${r.line}:${r.column}`, r]));
    expect(byKey.get('ledger/core.py:7:5')).toMatchObject({ isDefinition: true, isImport: false });
    expect(byKey.get('ledger/direct.py:1:25')).toMatchObject({
      isDefinition: false,
      isImport: true,
    });
    expect(byKey.get('ledger/core.py:2:13')).toMatchObject({ isImport: true });
    expect(byKey.get('ledger/star.py:5:12')).toMatchObject({
      isDefinition: false,
      isImport: false,
      lineText: '    return post_entry(4)',
      length: 10,
    });
    expect(byKey.has('ledger/core.py:13:9')).toBe(false);
    expect(references).toHaveLength(18);
  });

  it('finds the same references from a use in another file', async () => {
    const fromDefinition = await adapter.findReferences(POST_ENTRY_DEFINITION);
    const fromUse = await adapter.findReferences({ file: 'ledger/star.py', line: 5, column: 14 });
    expect(fromUse).toEqual(fromDefinition);
  });

  it('finds call sites with the calling function, across modules, sorted', async () => {
    const callers = await adapter.findCallers(POST_ENTRY_DEFINITION);
    const summary = callers.map((c) => `${c.file}:${c.line}:${c.column} ${c.callerName}`);
    expect(summary).toEqual([
      'ledger/core.py:28:12 uses_global',
      'ledger/direct.py:5:12 run',
      'ledger/qualified.py:6:14 run',
      'ledger/qualified.py:6:42 run',
      'ledger/reexport.py:5:12 run',
      'ledger/relative.py:6:17 run',
      'ledger/star.py:5:12 run',
      'ledger/unicode.py:3:24 <module>',
      'tests/test_core.py:8:26 test_post_entry',
    ]);
    expect(callers.find((c) => c.file === 'ledger/star.py')).toMatchObject({
      callerFile: 'ledger/star.py',
      callerLine: 4,
    });
  });

  it('finds what a function calls', async () => {
    const calls = await adapter.findOutgoingCalls({ file: 'ledger/core.py', line: 26, column: 5 });
    expect(calls.map((c) => [c.name, c.file])).toEqual([
      ['post_entry', 'ledger/core.py'],
      ['len', undefined],
    ]);
  });

  it('builds the import graph between workspace files, with relative and package imports', async () => {
    const edges = await adapter.findImportGraph();
    expect(edges).toEqual([
      { from: 'ledger/__init__.py', to: 'ledger/core.py', names: ['Book', 'post_entry'] },
      { from: 'ledger/aliased.py', to: 'ledger/core.py', names: ['post_entry'] },
      { from: 'ledger/direct.py', to: 'ledger/core.py', names: ['post_entry'] },
      { from: 'ledger/qualified.py', to: 'ledger/core.py', names: [] },
      { from: 'ledger/reexport.py', to: 'ledger/__init__.py', names: ['post_entry'] },
      { from: 'ledger/relative.py', to: 'ledger/core.py', names: ['Book'] },
      { from: 'ledger/star.py', to: 'ledger/core.py', names: ['*'] },
      { from: 'ledger/unicode.py', to: 'ledger/core.py', names: ['post_entry'] },
      { from: 'tests/test_core.py', to: 'ledger/core.py', names: ['Book', 'post_entry'] },
    ]);
  });

  it('lists document symbols with containers', async () => {
    const symbols = await adapter.findDocumentSymbols('ledger/core.py');
    expect(symbols).toContainEqual({ name: 'Book', kind: 'class', line: 12, column: 7 });
    expect(symbols).toContainEqual({
      name: 'post_entry',
      kind: 'method',
      line: 13,
      column: 9,
      container: 'Book',
    });
    expect(symbols.map((s) => s.line)).toEqual(
      [...symbols.map((s) => s.line)].sort((a, b) => a - b),
    );
  });

  it('lists the scopes enclosing a point, innermost first, with their names', async () => {
    const scopes = await adapter.findScopes({ file: 'ledger/core.py', line: 23, column: 12 });
    expect(scopes.context).toBe('name');
    expect(scopes.scopes.map((s) => [s.kind, s.name])).toEqual([
      ['function', 'shadow_local'],
      ['module', null],
    ]);
    expect(scopes.scopes[0]?.names).toEqual([
      { name: 'post_entry', kind: 'variable', line: 22, column: 5 },
    ]);
    expect(scopes.scopes[1]?.names.map((n) => n.name)).toEqual([
      'Book',
      '__all__',
      'post_entry',
      'post_entry_total',
      'shadow_local',
      'shadow_param',
      'uses_global',
    ]);
  });

  it('rejects a file outside the workspace', async () => {
    await expect(
      adapter.findReferences({ file: '../x.py', line: 1, column: 1 }),
    ).rejects.toMatchObject({
      code: 'PATH_OUTSIDE_WORKSPACE',
    });
  });

  it('reports cancellation as a CANCELLED error', async () => {
    await expect(
      adapter.findReferences(POST_ENTRY_DEFINITION, { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
