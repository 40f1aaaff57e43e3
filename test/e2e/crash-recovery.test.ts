import { access, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createExampleRepo, type ExampleRepo, runCli } from '../helpers/fixture-repo.js';

const COMMAND = 'rename function post_entry to record_entry';
const BRANCH = 'mcp-orchestrator/rename-function-post-entry-to-record-entry';
const WORKTREE = '.mcp-orchestrator/worktrees/rename-function-post-entry-to-record-entry';

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/** A test command that writes its pid, then waits: the run sits in EXECUTE until stopped. */
interface SlowTests {
  command: string;
  /** The pid of the test process, once it runs. */
  pid(): Promise<number | null>;
}

describe('a run that crashed is cleaned up after, and two runs never share a repository', () => {
  let repo: ExampleRepo | undefined;
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await repo?.cleanup();
    repo = undefined;
  });

  async function slowTests(): Promise<SlowTests> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mcpo-slow-tests-'));
    const pidFile = path.join(dir, 'tests.pid');
    const pid = async () => {
      const text = await readFile(pidFile, 'utf8').catch(() => '');
      return /^\d+\n$/.test(text) ? Number(text) : null;
    };
    cleanups.push(async () => {
      // A kill -9 of the CLI orphans its test process (its own process group): stop it here.
      const orphan = await pid();
      if (orphan !== null) {
        try {
          process.kill(orphan, 'SIGKILL');
        } catch {
          // Already gone (the run stopped it).
        }
      }
      await rm(dir, { recursive: true, force: true });
    });
    return { command: `echo $$ > ${pidFile}; exec sleep 120`, pid };
  }

  /** Starts a run and `kill -9`s the CLI once its tests are running (EXECUTE). */
  async function crashDuringExecute(dir: string): Promise<{ pid: number }> {
    const tests = await slowTests();
    let cliPid = -1;
    const result = await runCli(
      ['run', COMMAND, '--workspace', dir, '--test-command', tests.command],
      {
        onStderr: (text, pid) => {
          if (cliPid !== -1 || !text.includes('running sh -c')) return;
          cliPid = pid;
          const poll = setInterval(async () => {
            if ((await tests.pid()) === null) return;
            clearInterval(poll);
            process.kill(pid, 'SIGKILL');
          }, 25);
        },
      },
    );
    expect(cliPid, result.stderr).toBeGreaterThan(0);
    expect(result.code, result.stderr).toBeNull();
    return { pid: cliPid };
  }

  async function runBranches(r: ExampleRepo): Promise<string[]> {
    const out = await r.git([
      'branch',
      '--list',
      '--format=%(refname:short)',
      'mcp-orchestrator/*',
    ]);
    return out.split('\n').filter(Boolean);
  }

  it('after a kill -9 during EXECUTE, the next run cleans up, says so, and uses the normal branch', async () => {
    repo = await createExampleRepo({ example: 'ledger-py' });
    const crash = await crashDuringExecute(repo.dir);
    // What the crash left: the worktree (with its edits), the branch, git's record of the worktree.
    expect(await exists(path.join(repo.dir, WORKTREE))).toBe(true);
    expect(await runBranches(repo)).toEqual([BRANCH]);
    expect(await repo.git(['worktree', 'list', '--porcelain'])).toContain(WORKTREE);

    const next = await runCli(['run', COMMAND, '--workspace', repo.dir, '--test-command', 'true']);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toContain(
      `⚠ Cleaned up after a run that died (pid ${crash.pid}, "${COMMAND}"`,
    );
    expect(next.stderr).toContain(`removed its worktree ${WORKTREE}`);
    expect(next.stderr).toContain(`deleted its branch ${BRANCH}`);
    expect(next.stdout).toContain(`on branch ${BRANCH} at`);
    expect(await runBranches(repo)).toEqual([BRANCH]);
    expect(await repo.git(['worktree', 'list', '--porcelain'])).not.toContain('.mcp-orchestrator');
    expect(await exists(path.join(repo.dir, '.git', 'worktrees'))).toBe(false);
    expect(await exists(path.join(repo.dir, '.mcp-orchestrator', 'run-lock.json'))).toBe(false);
    expect(await repo.show(BRANCH, 'ledger/core.py')).toContain('def record_entry');
  }, 240_000);

  it('"clean" removes what a kill -9 left, prints what it removed, keeps run folders, exits 0', async () => {
    repo = await createExampleRepo({ example: 'ledger-py' });
    const before = await repo.snapshot();
    const crash = await crashDuringExecute(repo.dir);

    const cleaned = await runCli(['clean', '--workspace', repo.dir]);
    expect(cleaned.code, cleaned.stderr).toBe(0);
    expect(cleaned.stdout).toContain(`Cleaned up after a run that died (pid ${crash.pid}`);
    expect(cleaned.stdout).toContain(`removed its worktree ${WORKTREE}`);
    expect(cleaned.stdout).toContain(`deleted its branch ${BRANCH}`);
    expect(await repo.snapshot()).toEqual(before);
    const runs = await readdir(path.join(repo.dir, '.mcp-orchestrator', 'runs'));
    expect(runs).toHaveLength(1);

    const again = await runCli(['clean', '--workspace', repo.dir, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({
      deadRuns: [],
      staleWorktrees: [],
      removedRunFolders: [],
      liveRun: null,
      errors: [],
    });
    const text = await runCli(['clean', '--workspace', repo.dir]);
    expect(text.stdout).toBe(`Nothing to clean in ${repo.dir}.\n`);
  }, 240_000);

  it('refuses a second run while the first is live: exit 2, RUN_IN_PROGRESS naming the first', async () => {
    repo = await createExampleRepo({ example: 'ledger-py' });
    const before = await repo.snapshot();
    const tests = await slowTests();
    const dir = repo.dir;
    let firstPid = -1;
    let second: Promise<Awaited<ReturnType<typeof runCli>>> | undefined;
    const first = await runCli(
      ['run', COMMAND, '--workspace', dir, '--test-command', tests.command],
      {
        onStderr: (text, pid) => {
          if (second !== undefined || !text.includes('running sh -c')) return;
          firstPid = pid;
          second = runCli(['run', COMMAND, '--workspace', dir, '--test-command', 'true']).then(
            (result) => {
              process.kill(pid, 'SIGTERM');
              return result;
            },
          );
        },
      },
    );
    const refused = await second;
    expect(refused?.code, refused?.stderr).toBe(2);
    expect(refused?.stderr).toContain('error [RUN_IN_PROGRESS]: Another run is in progress');
    expect(refused?.stderr).toContain(`pid ${firstPid}, "${COMMAND}", started 20`);
    // The first run was not disturbed: it rolled back on SIGTERM, as always.
    expect(first.code, first.stderr).toBe(1);
    expect(first.stderr).toContain('CANCELLED');
    expect(await repo.snapshot()).toEqual(before);
    expect(await exists(path.join(dir, '.mcp-orchestrator', 'run-lock.json'))).toBe(false);
    // The refused run left no run folder of its own.
    expect(await readdir(path.join(dir, '.mcp-orchestrator', 'runs'))).toHaveLength(1);
  }, 240_000);

  it('"clean" exits 2 naming a bad --older-than', async () => {
    repo = await createExampleRepo({ files: { 'a.txt': 'a\n' } });
    const result = await runCli(['clean', '--workspace', repo.dir, '--older-than', 'soon']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error [BAD_INPUT]: --older-than "soon" is not an age');
    const unknown = await runCli(['clean', '--workspace', repo.dir, '--older', '7d']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--older'");
  });
});
