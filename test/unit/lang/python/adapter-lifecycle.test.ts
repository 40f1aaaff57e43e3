import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolvePythonPath } from '../../../../src/lang/python/engine/resolve-python-path.js';
import { createPythonAdapter, type PythonAdapter } from '../../../../src/lang/python/index.js';
import {
  createPythonFixture,
  type PythonFixture,
} from '../../../fixtures/lang-python/create-python-fixture.js';
import { renameEdits } from '../../../fixtures/transforms/rename-via-halves.js';

/** pids of pyright language servers that are children of this test process. */
function pyrightChildren(): string[] {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], {
    encoding: 'utf8',
  });
  return out
    .split('\n')
    .filter((line) => line.includes('langserver.index.js'))
    .map((line) => line.trim().split(/\s+/)[0] ?? '');
}

const SIMPLE = { 'pkg/__init__.py': '', 'pkg/a.py': 'def f():\n    return 1\n\n\nf()\n' };

describe('Python adapter lifecycle', () => {
  const cleanups: Array<() => Promise<void>> = [];
  const track = (adapter: PythonAdapter, fixture: PythonFixture): PythonAdapter => {
    cleanups.push(
      () => adapter.close(),
      () => fixture.cleanup(),
    );
    return adapter;
  };

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('answers empty for a workspace without .py files and never starts pyright', async () => {
    const fixture = await createPythonFixture({ 'README.md': '# nothing here\n' });
    const adapter = track(createPythonAdapter({ root: fixture.root }), fixture);
    expect(await adapter.findDefinitions('f')).toEqual([]);
    expect(await adapter.findReferences({ file: 'a.py', line: 1, column: 1 })).toEqual([]);
    expect(await renameEdits(adapter, { file: 'a.py', line: 1, column: 1 }, 'g')).toEqual([]);
    expect(await adapter.findCallers({ file: 'a.py', line: 1, column: 1 })).toEqual([]);
    expect(await adapter.findImportGraph()).toEqual([]);
    expect(adapter.state).toBe('idle');
    expect(pyrightChildren()).toEqual([]);
  });

  it('starts pyright once, reports its settle time, and leaves no process after close()', async () => {
    const fixture = await createPythonFixture(SIMPLE);
    const adapter = track(createPythonAdapter({ root: fixture.root }), fixture);
    const at = { file: 'pkg/a.py', line: 1, column: 5 };
    const [refs, callers] = await Promise.all([
      adapter.findReferences(at),
      adapter.findCallers(at),
    ]);
    expect(refs).toHaveLength(2);
    expect(callers).toHaveLength(1);
    expect(adapter.state).toBe('ready');
    expect(adapter.settleMs).toBeGreaterThan(0);
    expect(pyrightChildren()).toHaveLength(1);
    await adapter.close();
    await adapter.close();
    expect(adapter.state).toBe('closed');
    expect(pyrightChildren()).toEqual([]);
    await expect(adapter.findReferences(at)).rejects.toMatchObject({
      code: 'LANGUAGE_SERVER_FAILED',
    });
  });

  it('cancels one call while pyright starts, keeping the shared start for the next call', async () => {
    const fixture = await createPythonFixture(SIMPLE);
    const adapter = track(createPythonAdapter({ root: fixture.root }), fixture);
    const at = { file: 'pkg/a.py', line: 1, column: 5 };
    await expect(
      adapter.findReferences(at, { signal: AbortSignal.timeout(50) }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await adapter.findReferences(at)).toHaveLength(2);
    expect(pyrightChildren()).toHaveLength(1);
    await adapter.close();
    expect(pyrightChildren()).toEqual([]);
  });

  it('stops a pyright that is still starting when closed', async () => {
    const fixture = await createPythonFixture(SIMPLE);
    const adapter = track(createPythonAdapter({ root: fixture.root }), fixture);
    const pending = adapter.findReferences({ file: 'pkg/a.py', line: 1, column: 5 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(adapter.state).toBe('starting');
    await adapter.close();
    await expect(pending).rejects.toMatchObject({ code: 'LANGUAGE_SERVER_FAILED' });
    expect(pyrightChildren()).toEqual([]);
  });

  it('sees files changed, created and deleted on disk since the last call', async () => {
    const fixture = await createPythonFixture({
      ...SIMPLE,
      'pkg/b.py': 'from pkg.a import f\nf()\n',
    });
    const adapter = track(createPythonAdapter({ root: fixture.root }), fixture);
    const at = { file: 'pkg/a.py', line: 1, column: 5 };
    const files = async () => (await adapter.findReferences(at)).map((r) => `${r.file}:${r.line}`);
    expect(await files()).toEqual(['pkg/a.py:1', 'pkg/a.py:5', 'pkg/b.py:1', 'pkg/b.py:2']);
    await writeFile(path.join(fixture.root, 'pkg/a.py'), 'def f():\n    return 1\n');
    await writeFile(path.join(fixture.root, 'pkg/b.py'), 'from pkg.a import f\nf()\nf()\n');
    await writeFile(path.join(fixture.root, 'pkg/c.py'), 'from pkg.a import f\nf()\n');
    expect(await files()).toEqual([
      'pkg/a.py:1',
      'pkg/b.py:1',
      'pkg/b.py:2',
      'pkg/b.py:3',
      'pkg/c.py:1',
      'pkg/c.py:2',
    ]);
    await rm(path.join(fixture.root, 'pkg/c.py'));
    expect(await files()).toEqual(['pkg/a.py:1', 'pkg/b.py:1', 'pkg/b.py:2', 'pkg/b.py:3']);
  });

  it('reports a missing interpreter as LANGUAGE_SERVER_FAILED naming it', async () => {
    const fixture = await createPythonFixture(SIMPLE);
    const adapter = track(
      createPythonAdapter({ root: fixture.root, pythonPath: '/nonexistent/python3' }),
      fixture,
    );
    const error = await adapter.findImportGraph().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'LANGUAGE_SERVER_FAILED' });
    expect((error as Error).message).toContain('/nonexistent/python3');
  });

  it('uses the interpreter of a .venv in the root unless one is passed', async () => {
    const fixture = await createPythonFixture({ 'a.py': '' });
    cleanups.push(() => fixture.cleanup());
    expect(resolvePythonPath(fixture.root)).toBe('python3');
    await mkdir(path.join(fixture.root, '.venv/bin'), { recursive: true });
    await writeFile(path.join(fixture.root, '.venv/bin/python'), '');
    expect(resolvePythonPath(fixture.root)).toBe(path.join(fixture.root, '.venv/bin/python'));
    expect(resolvePythonPath(fixture.root, '/opt/py')).toBe('/opt/py');
  });
});
