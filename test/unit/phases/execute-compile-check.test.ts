import { describe, expect, it } from 'vitest';
import type { FileChange } from '../../../src/core/change/change-types.js';
import { OrchestratorError } from '../../../src/core/errors.js';
import type { CompileReport } from '../../../src/core/phase-outputs.js';
import type { CompileSetting } from '../../../src/core/plan/plan-schema.js';
import type { OverlayEntry } from '../../../src/core/services.js';
import {
  COMPILE_TIMEOUT_MS,
  typeCheckTimeoutMs,
} from '../../../src/phases/execute/run-compile-check.js';
import {
  commandsOf,
  diagnosticsCalls,
  isCompile,
  renameEdit,
  runsOf,
  setUpExecute as setUp,
} from '../../fixtures/phases/execute-setup.js';
import { diagnostic, diagnosticsByTree } from '../../fixtures/phases/fake-diagnostics.js';
import { FAKE_BASE_COMMIT } from '../../fixtures/phases/fake-services.js';
import { FAKE_SCRATCH_WORKTREE, FAKE_WORKTREE } from '../../fixtures/phases/fake-worktree.js';
import { createPlan } from '../../fixtures/phases/plan-fixtures.js';

const COMPILE = ['make', 'typecheck'];
const UNDEFINED_NAME = diagnostic('src/app.ts:3:13', 'TS2304', "Cannot find name 'getUser'.");

const PYTHON_FILES = {
  'pkg/core.py': 'def post_entry():\n    pass\n',
  'pkg/legacy.py': 'OLD = 1\n',
  'pkg/old.py': 'def post_entry():\n    pass\n',
};

const pythonPlan = (changes: FileChange[]) =>
  createPlan({
    changes,
    language: 'python',
    testCommand: ['python3', '-m', 'pytest', '-q'],
    verify: [],
  });

const moved: FileChange = { op: 'move', file: 'pkg/old.py', to: 'pkg/new.py', reason: 'moved' };
const commandPlan = () =>
  createPlan({ compile: { kind: 'command', command: COMPILE } satisfies CompileSetting });

/** The overlay of a query, sorted by file (the order it is built in is not the point). */
const sortedOverlay = (overlay: readonly OverlayEntry[] | undefined) =>
  [...(overlay ?? [])].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

const compileOf = (outcome: { data: Record<string, unknown> }) =>
  outcome.data.compile as CompileReport;

const readFromWorktree = (run: ReturnType<typeof setUp>) =>
  run.log.argsOf('worktree.files', 'readText').map((args) => args[0]);

describe('EXECUTE compile check: the language servers’ type check', () => {
  it("asks for the changed tree's diagnostics with the worktree's texts as overlay, then the base's of only the files with errors", async () => {
    const events: string[] = [];
    const run = setUp(createPlan(), {
      diagnostics: async (request) => {
        const tree = request.overlay === undefined ? 'base' : 'changed';
        events.push(`start ${tree}`);
        await Promise.resolve();
        events.push(`end ${tree}`);
        return { diagnostics: [UNDEFINED_NAME] };
      },
    });
    expect((await run.outcome()).success).toBe(true);
    expect(events).toEqual(['start changed', 'end changed', 'start base', 'end base']);
    const [changed, base] = diagnosticsCalls(run);
    expect(changed?.[0]).toEqual({
      files: ['src/app.ts', 'src/users.ts'],
      importers: true,
      overlay: [
        { file: 'src/app.ts', text: run.worktree.texts.get('src/app.ts') },
        { file: 'src/users.ts', text: run.worktree.texts.get('src/users.ts') },
      ],
    });
    expect(changed?.[0].overlay?.[1]?.text).toMatch(/^export function fetchUser\(/);
    expect(base?.[0]).toEqual({ files: ['src/app.ts'] });
    expect(base?.[1].signal).toBeInstanceOf(AbortSignal);
  });

  it('asks nothing of the base when the changed tree has no error, and names its method', async () => {
    const warning = { ...UNDEFINED_NAME, severity: 'warning' as const };
    const run = setUp(createPlan(), { diagnostics: diagnosticsByTree({ changed: [warning] }) });
    const outcome = await run.outcome();
    expect(diagnosticsCalls(run).map(([request]) => request.overlay !== undefined)).toEqual([true]);
    expect(compileOf(outcome)).toMatchObject({
      passed: true,
      description:
        'type check (tsconfig.json) of 2 file(s), 0 error(s) already at the base left out',
    });
    expect(compileOf(outcome).method).toMatch(
      /^incremental, on the program the language servers already hold/,
    );
  });

  it('gives the type check a deadline by the files the repository tracks, at least 180 s', () => {
    expect(typeCheckTimeoutMs(40)).toBe(180_000);
    expect(typeCheckTimeoutMs(20_000)).toBe(500_000);
  });

  it('fails a type check that timed out, without asking again, and says what to run instead', async () => {
    const run = setUp(createPlan(), {
      diagnostics: () => {
        throw new OrchestratorError('MCP_TIMEOUT', 'Tool "diagnostics" did not answer.', {
          retryable: true,
        });
      },
    });
    const outcome = await run.outcome();
    expect(!outcome.success && outcome.error.code).toBe('CHECK_FAILED');
    expect(compileOf(outcome)).toMatchObject({
      passed: false,
      description:
        'type check of 2 changed file(s) and their importers did not finish within 180 s (not retried)',
      outputTail: expect.stringContaining('--compile-command'),
    });
    const calls = diagnosticsCalls(run);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.[1]).toMatchObject({ timeoutMs: 180_000 });
  });

  it('passes when the only errors are already at the base, even where the edits moved them', async () => {
    const shifted = { ...UNDEFINED_NAME, column: 15 };
    const unused = diagnostic('src/app.ts:1:1', 'TS6133', "'x' is declared but never read.");
    const run = setUp(createPlan(), {
      diagnostics: diagnosticsByTree({
        base: [UNDEFINED_NAME],
        changed: [shifted, { ...unused, severity: 'warning' }],
      }),
    });
    const outcome = await run.outcome();
    expect(outcome.success).toBe(true);
    expect(compileOf(outcome)).toMatchObject({
      passed: true,
      description:
        'type check (tsconfig.json) of 2 file(s), 1 error(s) already at the base left out',
      outputTail: '',
    });
  });

  it('names only the errors new against the base, and says how many base errors it left out', async () => {
    const atBase = diagnostic(
      'src/users.ts:2:3',
      'TS7006',
      "Parameter 'id' implicitly has an 'any' type.",
    );
    const fresh = diagnostic(
      'src/app.ts:1:10',
      'TS2305',
      "Module './users.js' has no exported member 'fetchUser'.",
    );
    const run = setUp(createPlan(), {
      diagnostics: diagnosticsByTree({
        base: [atBase, UNDEFINED_NAME, { ...UNDEFINED_NAME, severity: 'warning' }],
        changed: [atBase, fresh, UNDEFINED_NAME],
      }),
    });
    const outcome = await run.outcome();
    expect(!outcome.success && outcome.error.code).toBe('CHECK_FAILED');
    expect(compileOf(outcome)).toMatchObject({
      passed: false,
      description:
        'type check (tsconfig.json) of 2 file(s), 2 error(s) already at the base left out',
      outputTail: "src/app.ts:1:10 TS2305 Module './users.js' has no exported member 'fetchUser'.",
    });
  });

  it('says so when no changed file is one a type checker reads', async () => {
    const readme: FileChange = {
      op: 'edit',
      file: 'README.md',
      edits: [
        { start: [1, 6], end: [1, 13], oldText: 'getUser', newText: 'fetchUser', reason: 'text' },
      ],
    };
    const run = setUp(createPlan({ changes: [readme] }), { diagnostics: () => ({ checked: [] }) });
    const outcome = await run.outcome();
    expect(compileOf(outcome)).toMatchObject({
      passed: true,
      description: 'type check: no changed file is one a type checker reads',
    });
  });

  it('hands a deleted Python file over as overlay null, never reading it from the worktree', async () => {
    const run = setUp(
      pythonPlan([
        renameEdit('pkg/core.py'),
        { op: 'delete', file: 'pkg/legacy.py', reason: 'no longer used' },
      ]),
      { files: PYTHON_FILES },
    );
    expect((await run.outcome()).success).toBe(true);
    const [changed, ...base] = diagnosticsCalls(run);
    expect(base).toEqual([]);
    expect(changed?.[0].files).toEqual(['pkg/core.py']);
    expect(sortedOverlay(changed?.[0].overlay)).toEqual([
      { file: 'pkg/core.py', text: 'def record_entry():\n    pass\n' },
      { file: 'pkg/legacy.py', text: null },
    ]);
    expect(readFromWorktree(run)).toEqual(['pkg/core.py']);
  });

  it('checks a moved file under its new path only, and compares its errors under its old name', async () => {
    const atBase = diagnostic('pkg/old.py:2:5', 'reportUndefinedVariable', '"x" is not defined');
    const run = setUp(pythonPlan([moved]), {
      files: PYTHON_FILES,
      diagnostics: diagnosticsByTree({
        base: [atBase],
        changed: [{ ...atBase, file: 'pkg/new.py' }],
      }),
    });
    expect((await run.outcome()).success).toBe(true);
    const [changed, base] = diagnosticsCalls(run);
    expect(base?.[0].files).toEqual(['pkg/old.py']);
    expect(changed?.[0].files).toEqual(['pkg/new.py']);
    expect(sortedOverlay(changed?.[0].overlay)).toEqual([
      { file: 'pkg/new.py', text: PYTHON_FILES['pkg/old.py'] },
      { file: 'pkg/old.py', text: null },
    ]);
    expect(readFromWorktree(run)).toEqual(['pkg/new.py']);
  });

  it('never asks the base about a file the change creates: its errors are all new', async () => {
    const created: FileChange = {
      op: 'create',
      file: 'pkg/fresh.py',
      text: 'y = x\n',
      reason: 'created',
    };
    const undefinedX = diagnostic(
      'pkg/fresh.py:1:5',
      'reportUndefinedVariable',
      '"x" is not defined',
    );
    const run = setUp(pythonPlan([created]), {
      files: PYTHON_FILES,
      diagnostics: diagnosticsByTree({ base: [], changed: [undefinedX] }),
    });
    const outcome = await run.outcome();
    expect(!outcome.success && outcome.error.code).toBe('CHECK_FAILED');
    expect(diagnosticsCalls(run)).toHaveLength(1);
    expect(compileOf(outcome).outputTail).toBe(
      'pkg/fresh.py:1:5 reportUndefinedVariable "x" is not defined',
    );
  });

  // An edit names the file's old path; the check must read it where the move put it.
  it('checks an edited-then-moved file at its new path only, and its base under the old one', async () => {
    const atBase = diagnostic('pkg/old.py:2:5', 'reportUndefinedVariable', '"x" is not defined');
    const run = setUp(pythonPlan([renameEdit('pkg/old.py'), moved]), {
      files: PYTHON_FILES,
      diagnostics: diagnosticsByTree({
        base: [atBase],
        changed: [{ ...atBase, file: 'pkg/new.py' }],
      }),
    });
    expect((await run.outcome()).success).toBe(true);
    const [changed, base] = diagnosticsCalls(run);
    expect(base?.[0].files).toEqual(['pkg/old.py']);
    expect(changed?.[0].files).toEqual(['pkg/new.py']);
    expect(sortedOverlay(changed?.[0].overlay)).toEqual([
      { file: 'pkg/new.py', text: 'def record_entry():\n    pass\n' },
      { file: 'pkg/old.py', text: null },
    ]);
    expect(readFromWorktree(run)).toEqual(['pkg/new.py']);
  });
});

describe('EXECUTE compile check: a compile command', () => {
  it('runs the command in the worktree, once, when it passes', async () => {
    const run = setUp(commandPlan());
    const outcome = await run.outcome();
    expect(outcome.success).toBe(true);
    const compiles = runsOf(run).filter(([argv]) => isCompile(argv));
    expect(compiles).toHaveLength(1);
    expect(compiles[0]?.[0]).toEqual(COMPILE);
    expect(compiles[0]?.[1]).toMatchObject({
      cwd: FAKE_WORKTREE,
      timeoutMs: COMPILE_TIMEOUT_MS,
      env: { PYTHONDONTWRITEBYTECODE: '1' },
    });
    expect(compileOf(outcome)).toMatchObject({ passed: true, description: 'make typecheck' });
    expect(run.scratchWorktrees).toEqual([]);
    expect(diagnosticsCalls(run)).toEqual([]);
  });

  it('runs a failing command again in a scratch worktree at the base, rolls it back, and passes when the base fails the same way', async () => {
    const run = setUp(commandPlan(), {
      run: commandsOf({
        compile: (_argv, options) => ({
          exitCode: 2,
          outputTail: `${options.cwd}/src/app.ts(9,1): error TS1005: ';' expected.\nFound 1 error.`,
        }),
      }),
    });
    const outcome = await run.outcome();
    expect(outcome.success).toBe(true);
    expect(
      runsOf(run)
        .filter(([argv]) => isCompile(argv))
        .map(([, o]) => o.cwd),
    ).toEqual([FAKE_WORKTREE, FAKE_SCRATCH_WORKTREE]);
    expect(run.log.argsOf('git', 'createWorktree')[1]?.[0]).toMatchObject({
      baseCommit: FAKE_BASE_COMMIT,
      scratch: true,
    });
    const names = run.log.names();
    expect(names.filter((n) => n === 'scratch.rollback')).toHaveLength(1);
    expect(names.lastIndexOf('commands.run')).toBeLessThan(names.indexOf('scratch.rollback'));
    expect(names).not.toContain('worktree.rollback');
    expect(run.scratchWorktrees[0]?.texts.get('src/users.ts')).toMatch(
      /^export function getUser\(/,
    );
    expect(compileOf(outcome)).toMatchObject({
      passed: true,
      description: 'make typecheck (fails at the base too; only new output counts)',
      outputTail: '',
    });
  });

  it('fails with CHECK_FAILED naming only the new lines when the base fails another way', async () => {
    const old = "./src/users.ts(2,3): error TS7006: Parameter 'id' implicitly has an 'any' type.";
    const fresh = "./src/app.ts(3,13): error TS2304: Cannot find name 'getUser'.";
    const run = setUp(commandPlan(), {
      run: commandsOf({
        compile: (_argv, options) => ({
          exitCode: 2,
          outputTail: (options.cwd === FAKE_WORKTREE ? [old, fresh] : [old])
            .map((line) => line.replace('./', `${options.cwd}/`))
            .join('\n'),
        }),
      }),
    });
    const outcome = await run.outcome();
    expect(!outcome.success && outcome.error.code).toBe('CHECK_FAILED');
    expect(!outcome.success && outcome.error.message).toContain(
      '(make typecheck (fails at the base too; only new output counts))',
    );
    expect(compileOf(outcome)).toMatchObject({ passed: false, outputTail: fresh });
    expect(run.log.argsOf('scratch', 'rollback')).toHaveLength(1);
  });

  it('fails with the whole output when the command passes at the base', async () => {
    const output = "src/app.ts(3,13): error TS2304: Cannot find name 'getUser'.";
    const run = setUp(commandPlan(), {
      run: commandsOf({
        compile: (_argv, options) =>
          options.cwd === FAKE_WORKTREE ? { exitCode: 2, outputTail: output } : { exitCode: 0 },
      }),
    });
    const outcome = await run.outcome();
    expect(!outcome.success && outcome.error.code).toBe('CHECK_FAILED');
    expect(!outcome.success && outcome.error.message).toContain(`(make typecheck)`);
    expect(!outcome.success && outcome.error.message).toMatch(
      /\nsrc\/app\.ts\(3,13\): error TS2304: Cannot find name 'getUser'\.$/,
    );
    expect(compileOf(outcome)).toMatchObject({ passed: false, outputTail: output });
    expect(run.log.argsOf('scratch', 'rollback')).toHaveLength(1);
  });
});

describe('EXECUTE compile check: none', () => {
  it('passes, saying why, without asking a type checker or running a command', async () => {
    const run = setUp(
      createPlan({ compile: { kind: 'none', reason: 'turned off with --no-compile' } }),
    );
    const outcome = await run.outcome();
    expect(outcome.success).toBe(true);
    expect(compileOf(outcome)).toMatchObject({
      passed: true,
      setting: { kind: 'none', reason: 'turned off with --no-compile' },
      description: 'no compile check: turned off with --no-compile',
    });
    expect(diagnosticsCalls(run)).toEqual([]);
    expect(runsOf(run).map(([argv]) => argv)).toEqual([['npm', 'test', '--silent']]);
    expect(run.log.argsOf('git', 'createWorktree')).toHaveLength(1);
    expect(readFromWorktree(run)).toEqual([]);
  });
});
