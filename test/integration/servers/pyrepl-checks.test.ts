import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPythonRunner } from '../../../src/contracts/create-python-runner.js';
import type { PythonRunner } from '../../../src/core/services.js';
import { type ClientPool, createClientPool } from '../../../src/mcp/client-pool.js';
import { createDefaultServers } from '../../../src/mcp/default-servers.js';
import { checkPythonImports } from '../../../src/phases/shared/check-python-imports.js';
import { verifyCoroutineFunctions } from '../../../src/transforms/make-async/coroutine-check.js';
import type { VerifyContext } from '../../../src/transforms/transform.js';
import { commandsOf, setUpExecute, untilStopped } from '../../fixtures/phases/execute-setup.js';
import { createPlan } from '../../fixtures/phases/plan-fixtures.js';

const FILES: Record<string, string> = {
  'app/__init__.py': '',
  'app/good.py':
    'async def fetch():\n    return 1\n\n\nclass Store:\n    async def load(self):\n        return await fetch()\n\n    def save(self):\n        return 2\n\n\ndef still_sync():\n    return 3\n',
  'app/broken.py': 'from app.good import fetch_old\n',
  'app/typo.py': 'VALUE = undefined_name + 1\n',
  'app/third_party.py': 'import some_package_that_is_not_installed\n',
  'app/unawaited.py': 'from app.good import fetch\n\nfetch()\n',
  'app/holder.py': 'from app.good import fetch\n\nPENDING = fetch()\n',
  // An unawaited coroutine held by a reference cycle: freed by the collection after its import.
  'app/cycle.py':
    'from app.good import fetch\n\n\nclass Holder:\n    pass\n\n\nheld = Holder()\nheld.me = held\nheld.pending = fetch()\ndel held\n',
  // The same cycle moved to the oldest generation first: only the full collection at the end frees it.
  'app/old_cycle.py':
    'import gc\n\nfrom app.good import fetch\n\n\nclass Holder:\n    pass\n\n\nheld = Holder()\nheld.me = held\nheld.pending = fetch()\ngc.collect()\ndel held\n',
  'setup.py': 'raise SystemExit("never imported")\n',
  'src/lib/__init__.py': '',
  'src/lib/mod.py': 'import os\nHERE = os.getcwd()\n',
};

describe('dynamic Python checks through the pyrepl server', () => {
  let root: string;
  let worktree: string;
  let pool: ClientPool;
  let python: PythonRunner;

  beforeAll(async () => {
    root = realpathSync(mkdtempSync(path.join(tmpdir(), 'pyrepl-checks-')));
    worktree = path.join(root, '.mcp-orchestrator', 'worktrees', 'run');
    for (const [file, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(worktree, file)), { recursive: true });
      writeFileSync(path.join(worktree, file), text);
    }
    const { pyrepl } = createDefaultServers(root);
    if (!pyrepl) throw new Error('pyrepl is not a default server');
    pool = createClientPool({
      workspace: root,
      servers: { pyrepl },
      parallelism: 2,
    });
    python = createPythonRunner(pool);
  }, 30_000);

  afterAll(async () => {
    await pool?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('imports every changed module in the worktree and fails on what the change broke', async () => {
    const result = await checkPythonImports(python, worktree, Object.keys(FILES).sort());
    expect(result.imported.sort()).toEqual([
      'app',
      'app.cycle',
      'app.good',
      'app.holder',
      'app.old_cycle',
      'app.unawaited',
      'lib',
      'lib.mod',
    ]);
    expect(result.problems).toEqual([
      expect.stringMatching(
        /^app\/broken\.py \(module app\.broken\) does not import: ImportError: cannot import name 'fetch_old'/,
      ),
      expect.stringMatching(
        /^Importing app\.cycle left a coroutine unawaited: coroutine 'fetch' was never awaited/,
      ),
      'Module app.holder holds a coroutine object in "PENDING": a caller of a converted function is not awaiting it.',
      expect.stringMatching(/^app\/typo\.py \(module app\.typo\) does not import: NameError/),
      expect.stringMatching(
        /^Importing app\.unawaited left a coroutine unawaited: coroutine 'fetch' was never awaited/,
      ),
      expect.stringMatching(
        /^Importing the changed modules \(\d+\) left a coroutine unawaited: coroutine 'fetch' was never awaited/,
      ),
    ]);
    // A package that is not installed is the environment's doing, not the change's.
    expect(result.notes).toEqual([
      expect.stringMatching(/^app\/third_party\.py .*ModuleNotFoundError/),
    ]);
  });

  it('reports on thousands of modules without the answer being cut (a 20,000-file rename changes 4,001)', async () => {
    const many = Array.from({ length: 5_000 }, (_, i) => `many/m${String(i).padStart(4, '0')}.py`);
    mkdirSync(path.join(worktree, 'many'), { recursive: true });
    writeFileSync(path.join(worktree, 'many/__init__.py'), '');
    for (const file of many) writeFileSync(path.join(worktree, file), 'VALUE = 1\n');
    writeFileSync(path.join(worktree, 'many/m4999.py'), 'VALUE = missing_name\n');
    const result = await checkPythonImports(python, worktree, many, { timeoutMs: 60_000 });
    expect(result.notes).toEqual([]);
    expect(result.imported).toHaveLength(4_999);
    expect(result.imported[0]).toBe('many.m0000');
    expect(result.problems).toEqual([
      expect.stringMatching(/^many\/m4999\.py \(module many\.m4999\) does not import: NameError/),
    ]);
  }, 90_000);

  it('finds converted functions and methods by file, name and line, and names those that are not coroutine functions', async () => {
    const context = { python, worktreePath: worktree, signal: new AbortController().signal };
    const problems = await verifyCoroutineFunctions(
      {
        check: 'awaited-calls',
        functions: [
          { file: 'app/good.py', line: 1, column: 11, name: 'fetch' },
          { file: 'app/good.py', line: 6, column: 15, name: 'load' },
          { file: 'app/good.py', line: 9, column: 9, name: 'save' },
          { file: 'app/good.py', line: 13, column: 5, name: 'still_sync' },
        ],
      },
      context as unknown as VerifyContext,
    );
    expect(problems).toEqual([
      '2 converted function(s) are not coroutine functions when imported:\n  app/good.py:9: save\n  app/good.py:13: still_sync',
    ]);
  });

  it('is silent for files that are not Python, and without a Python runner', async () => {
    const signal = new AbortController().signal;
    const check = {
      check: 'awaited-calls' as const,
      functions: [{ file: 'a.ts', line: 1, column: 1, name: 'f' }],
    };
    expect(
      await verifyCoroutineFunctions(check, {
        python,
        worktreePath: worktree,
        signal,
      } as unknown as VerifyContext),
    ).toEqual([]);
    const pythonCheck = {
      check: 'awaited-calls' as const,
      functions: [{ file: 'app/good.py', line: 13, column: 5, name: 'still_sync' }],
    };
    expect(
      await verifyCoroutineFunctions(pythonCheck, {
        worktreePath: worktree,
        signal,
      } as unknown as VerifyContext),
    ).toEqual([]);
    expect(await checkPythonImports(python, worktree, ['a.ts', 'README.md'])).toEqual({
      imported: [],
      problems: [],
      notes: [],
    });
  });
});

describe('EXECUTE imports the changed Python modules beside the tests', () => {
  let root: string;
  let pool: ClientPool;

  beforeAll(async () => {
    root = realpathSync(mkdtempSync(path.join(tmpdir(), 'pyrepl-execute-')));
    const { pyrepl } = createDefaultServers(root);
    if (!pyrepl) throw new Error('pyrepl is not a default server');
    pool = createClientPool({ workspace: root, servers: { pyrepl }, parallelism: 2 });
  }, 30_000);

  afterAll(async () => {
    await pool?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  /** EXECUTE on a plan creating `file` with `text`, also written where pyrepl reads it. */
  function setUpPythonExecute(name: string, text: string, slowTests: boolean) {
    const worktreePath = path.join(root, '.mcp-orchestrator', 'worktrees', name);
    const file = `pkg_${name}/mod.py`;
    for (const [relative, content] of [
      [`pkg_${name}/__init__.py`, ''],
      [file, text],
    ] as const) {
      mkdirSync(path.dirname(path.join(worktreePath, relative)), { recursive: true });
      writeFileSync(path.join(worktreePath, relative), content);
    }
    const plan = createPlan({
      language: 'python',
      changes: [{ op: 'create', file, text, reason: 'new' }],
      testCommand: ['python3', '-m', 'pytest'],
    });
    return setUpExecute(plan, {
      worktreePath,
      pythonRunner: createPythonRunner(pool),
      // A slow suite: only a stop ends it early.
      run: commandsOf({
        test: (_argv, options) => (slowTests ? untilStopped(options, 10_000) : {}),
      }),
    });
  }

  it('stops the tests when a changed module no longer imports, and says why', async () => {
    const run = setUpPythonExecute('broken', 'from os import no_such_name\n', true);
    const started = performance.now();
    const outcome = await run.outcome();
    expect(performance.now() - started).toBeLessThan(8000);
    expect(outcome).toMatchObject({
      success: false,
      error: {
        code: 'CHECK_FAILED',
        message: expect.stringContaining(
          'Importing the changed Python modules failed on mcp-orchestrator/',
        ),
      },
    });
    expect((outcome as { error?: { message: string } }).error?.message).toContain(
      "cannot import name 'no_such_name'",
    );
    expect(outcome.data).toMatchObject({ test: { passed: false } });
  }, 20_000);

  it('hands REVIEW the modules it imported when they all import', async () => {
    const run = setUpPythonExecute('fine', 'VALUE = 1\n', false);
    const outcome = await run.outcome();
    expect(outcome).toMatchObject({
      success: true,
      output: { pythonImports: { imported: ['pkg_fine.mod'], problems: [], notes: [] } },
    });
  }, 20_000);
});
