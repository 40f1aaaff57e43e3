import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderRunOutput } from '../../../src/cli/render-run-output.js';
import type { RunResult } from '../../../src/orchestrator.js';

const PATCH =
  'diff --git a/a.py b/a.py\n--- a/a.py\n+++ b/a.py\n@@ -1 +1 @@\n-def old():\n+def new():\n';

describe('renderRunOutput', () => {
  let root: string;
  let runDir: string;
  let patch: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'mcpo-render-'));
    runDir = path.join(root, '.mcp-orchestrator', 'runs', '20261202T000000Z-abcdef');
    patch = path.join(root, 'diff.patch');
    await writeFile(patch, PATCH);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  const result = (overrides: Partial<RunResult>): RunResult => ({
    success: true,
    command: 'rename old to new',
    runId: '20261202T000000Z-abcdef',
    runDir,
    durationMs: 10,
    totalTokens: 5,
    modelTokens: { phases: [], inputTokens: 0, outputTokens: 0 },
    phases: [],
    branch: null,
    commit: null,
    plan: path.join(runDir, 'plan.json'),
    pr: null,
    memoryPeakMb: 1,
    risk: null,
    diffStat: null,
    patch,
    changeSize: { edits: 3, files: 1 },
    keptBranch: null,
    leftAlone: [
      { file: 'b.py', line: 2, column: 5, length: 3, reason: 'string', detail: 'in a string' },
    ],
    checkoutChanges: [],
    writes: null,
    prediction: null,
    warnings: [],
    error: null,
    ...overrides,
  });

  it('previews a dry run: size, diff, what is left alone, where the plan is', async () => {
    const { stdout, stderr } = await renderRunOutput(result({}), {
      planOut: 'plan.json',
      cwd: root,
    });
    expect(stdout).toContain(
      'would change: 3 edits in 1 file (dry run: nothing else was written)\n',
    );
    expect(stdout).toContain(PATCH);
    expect(stdout).toContain('left alone (1):\n  b.py:2:5  string: in a string\n');
    expect(stdout).toContain(`plan written to ${path.resolve('plan.json')}\n`);
    expect(stderr).toBe('');
  });

  it('colours the diff only when asked', async () => {
    const plain = await renderRunOutput(result({}), { color: false });
    const coloured = await renderRunOutput(result({}), { color: true });
    expect(plain.stdout).not.toContain('\u001b[');
    expect(coloured.stdout).toContain('\u001b[32m+def new():');
    expect(coloured.stdout).toContain('\u001b[31m-def old():');
  });

  it('after a commit: the diff (unless --no-diff), the branch and next steps with git -C from elsewhere', async () => {
    const done = result({ branch: 'mcp-orchestrator/x', commit: 'c'.repeat(40) });
    const { stdout } = await renderRunOutput(done, { cwd: tmpdir(), showDiff: false });
    expect(stdout).not.toContain('diff --git');
    expect(stdout).toContain(
      `committed 3 edits in 1 file on branch mcp-orchestrator/x at ${'c'.repeat(12)}\n`,
    );
    expect(stdout).toContain(`  view it        git -C ${root} show mcp-orchestrator/x\n`);
    expect(stdout).toContain(`  delete it      git -C ${root} branch -D mcp-orchestrator/x\n`);
  });

  it('says which writes went through the filesystem server and which were written directly, and why', async () => {
    const done = result({
      branch: 'mcp-orchestrator/x',
      commit: 'c'.repeat(40),
      writes: {
        filesystemServer: 2,
        direct: [{ file: 'crlf.txt', reason: 'it has carriage returns' }],
        serverWaitMs: 3,
      },
    });
    const { stdout } = await renderRunOutput(done, { cwd: root, showDiff: false });
    expect(stdout).toContain(
      'writes: 2 through the filesystem server, 1 written directly:\n  crlf.txt: it has carriage returns\n',
    );
    const dryRun = await renderRunOutput(result({}), { cwd: root, showDiff: false });
    expect(dryRun.stdout).not.toContain('writes:');
  });

  it('puts a failure, the kept branch and the failed diff on stderr', async () => {
    const failed = result({
      success: false,
      error: { code: 'TESTS_FAILED', message: 'The tests failed.' },
      keptBranch: 'mcp-orchestrator/x-failed',
    });
    const { stdout, stderr } = await renderRunOutput(failed, { cwd: root });
    expect(stderr).toBe(
      `error [TESTS_FAILED]: The tests failed.\nThe failed change is kept on branch mcp-orchestrator/x-failed: git show mcp-orchestrator/x-failed; delete it with git branch -D mcp-orchestrator/x-failed.\nThe diff of the failed change: ${patch}\n`,
    );
    expect(stdout).toContain(`run folder ${runDir}\n`);
    expect(stdout).not.toContain('TESTS_FAILED');
  });
});
