import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPythonRunner } from '../../../src/contracts/create-python-runner.js';
import type { PythonRunner } from '../../../src/core/services.js';
import { type ClientPool, createClientPool } from '../../../src/mcp/client-pool.js';
import { createDefaultServers } from '../../../src/mcp/default-servers.js';
import { verifyCallersAwait } from '../../../src/transforms/make-async/caller-check.js';
import type { AwaitedCallsCheck } from '../../../src/transforms/make-async/verify.js';
import type { VerifyContext } from '../../../src/transforms/transform.js';
import { commandsOf, setUpExecute, untilStopped } from '../../fixtures/phases/execute-setup.js';
import { createPlan } from '../../fixtures/phases/plan-fixtures.js';

/** The converted module: `fetch` and `Store.load` are coroutine functions now. */
const CORE =
  'import asyncio\n\n\nasync def fetch(n=1):\n    await asyncio.sleep(0)\n    return n\n\n\nclass Store:\n    async def load(self):\n        return await fetch()\n';

/** Callers as the transform leaves them: awaited, run, gathered, or returned from a coroutine. */
const GOOD_CALLERS = `import asyncio
from asyncio import run as go
from app import core
from app.core import Store, fetch


async def total():
    a, b = await asyncio.gather(fetch(1), core.fetch(n=2))
    task = asyncio.create_task(fetch(3))
    pending = fetch(4)
    return a + b + await task + await pending + await asyncio.wait_for(Store().load(), 5)


async def later():
    return fetch(5)


async def branches(flag, items):
    total = await (fetch(1) if flag else core.fetch(2))
    for item in items:
        try:
            total += await fetch(item)
        except ValueError:
            total += await fetch(0)
        finally:
            total += 1
    while total < 10:
        total += await fetch()
    return total


class Report:
    async def build(self, store):
        return [await fetch(i) for i in range(2)]


def main():
    return asyncio.run(total()) + go(fetch(6))


if __name__ == '__main__':
    print(asyncio.run(fetch()))
`;

const CHECK: AwaitedCallsCheck = {
  check: 'awaited-calls',
  functions: [
    { file: 'app/core.py', line: 4, column: 11, name: 'fetch' },
    { file: 'app/core.py', line: 10, column: 15, name: 'load' },
  ],
};

describe("make_async's caller check on the loaded bytecode (pyrepl)", () => {
  let root: string;
  let pool: ClientPool;
  let python: PythonRunner;

  beforeAll(async () => {
    root = realpathSync(mkdtempSync(path.join(tmpdir(), 'pyrepl-callers-')));
    const { pyrepl } = createDefaultServers(root);
    if (!pyrepl) throw new Error('pyrepl is not a default server');
    pool = createClientPool({ workspace: root, servers: { pyrepl }, parallelism: 2 });
    python = createPythonRunner(pool);
  }, 30_000);

  afterAll(async () => {
    await pool?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  /** A worktree `name` with the converted core module and `files`, checked with `changed` changed. */
  async function check(name: string, files: Record<string, string>, changed: string[]) {
    const worktreePath = path.join(root, '.mcp-orchestrator', 'worktrees', name);
    for (const [file, text] of Object.entries({
      'app/__init__.py': '',
      'app/core.py': CORE,
      ...files,
    })) {
      mkdirSync(path.dirname(path.join(worktreePath, file)), { recursive: true });
      writeFileSync(path.join(worktreePath, file), text);
    }
    const context = {
      python,
      worktreePath,
      changedFiles: ['app/core.py', ...changed],
      signal: new AbortController().signal,
    };
    return verifyCallersAwait(CHECK, context as unknown as VerifyContext);
  }

  it('passes a correct conversion: every call awaited, gathered, run, or returned from a coroutine function', async () => {
    expect(await check('good', { 'app/callers.py': GOOD_CALLERS }, ['app/callers.py'])).toEqual({
      problems: [],
      notes: [],
    });
  });

  it('passes a result handed to asyncio.run, under its own name or an alias', async () => {
    const files = {
      'app/cli.py':
        'import asyncio\nfrom asyncio import run\nfrom app.core import fetch\n\n\ndef main():\n    return asyncio.run(fetch(2))\n\n\ndef again():\n    run(fetch(3))\n',
    };
    expect(await check('run', files, ['app/cli.py'])).toEqual({ problems: [], notes: [] });
  });

  it('fails an un-awaited call through an alias in a module the change did not touch, naming file, line and caller', async () => {
    const files = {
      'app/callers.py': GOOD_CALLERS,
      // Not changed: the static analysis missed this alias; the loaded code shows it.
      'app/legacy.py':
        'from app import core\n\nload_value = core.fetch\n\n\ndef refresh():\n    value = load_value()\n    return value\n',
    };
    const { problems, notes } = await check('alias', files, ['app/callers.py']);
    expect(notes).toEqual([]);
    expect(problems).toEqual([
      '1 call(s) of converted functions leave the caller holding a coroutine object (read from the loaded bytecode):\n  app/legacy.py:7: refresh calls fetch (as load_value) and the coroutine is stored in value, then returned from a plain function',
    ]);
  });

  it('fails a discarded call and a method call whose coroutine nobody awaits', async () => {
    const files = {
      'app/jobs.py':
        'from app.core import Store, fetch\n\n\ndef tick():\n    fetch()\n\n\nclass Worker(Store):\n    async def run(self):\n        self.load()\n',
    };
    const { problems } = await check('discarded', files, ['app/jobs.py']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('app/jobs.py:5: tick calls fetch and the coroutine is discarded');
    expect(problems[0]).toContain(
      'app/jobs.py:10: Worker.run calls load and the coroutine is discarded',
    );
  });

  it('notes a module naming a converted function that does not import, and says nothing without Python', async () => {
    const files = { 'app/extra.py': 'from app.core import fetch\nimport not_installed_anywhere\n' };
    const { problems, notes } = await check('skipped', files, []);
    expect(problems).toEqual([]);
    expect(notes).toEqual([
      expect.stringMatching(
        /^1 module\(s\) naming a converted function do not import, so their callers were not checked: app\/extra\.py: ModuleNotFoundError/,
      ),
    ]);
    const context = { worktreePath: root, changedFiles: [], signal: new AbortController().signal };
    expect(await verifyCallersAwait(CHECK, context as unknown as VerifyContext)).toEqual({
      problems: [],
      notes: [],
    });
  });
});

describe("EXECUTE runs make_async's caller check before the tests get far", () => {
  let root: string;
  let pool: ClientPool;

  beforeAll(async () => {
    root = realpathSync(mkdtempSync(path.join(tmpdir(), 'pyrepl-callers-execute-')));
    const { pyrepl } = createDefaultServers(root);
    if (!pyrepl) throw new Error('pyrepl is not a default server');
    pool = createClientPool({ workspace: root, servers: { pyrepl }, parallelism: 2 });
  }, 30_000);

  afterAll(async () => {
    await pool?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('stops a slow suite when a caller is left holding a coroutine, and names it', async () => {
    const worktreePath = path.join(root, '.mcp-orchestrator', 'worktrees', 'run');
    const jobs = 'from app.core import fetch\n\n\ndef tick():\n    fetch()\n';
    const files = { 'app/__init__.py': '', 'app/core.py': CORE, 'app/jobs.py': jobs };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(worktreePath, file)), { recursive: true });
      writeFileSync(path.join(worktreePath, file), text);
    }
    const plan = createPlan({
      language: 'python',
      intent: { kind: 'make_async', target: 'fetch', targetKind: 'symbol' },
      changes: [{ op: 'create', file: 'app/jobs.py', text: jobs, reason: 'new' }],
      testCommand: ['python3', '-m', 'pytest'],
      verify: [CHECK],
    });
    const run = setUpExecute(plan, {
      worktreePath,
      pythonRunner: createPythonRunner(pool),
      // A slow suite: only a stop ends it early.
      run: commandsOf({ test: (_argv, options) => untilStopped(options, 10_000) }),
    });
    const started = performance.now();
    const outcome = await run.outcome();
    expect(performance.now() - started).toBeLessThan(8000);
    expect(outcome).toMatchObject({
      success: false,
      error: {
        code: 'CHECK_FAILED',
        message: expect.stringContaining(
          'The make_async checks before the tests failed on mcp-orchestrator/',
        ),
      },
      data: { test: { passed: false }, pythonImports: { problems: [] } },
    });
    expect((outcome as { error?: { message: string } }).error?.message).toContain(
      'app/jobs.py:5: tick calls fetch and the coroutine is discarded',
    );
  }, 20_000);
});
