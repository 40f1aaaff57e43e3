import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExampleRepo, type ExampleRepo, runCli } from '../helpers/fixture-repo.js';

const COMMAND = 'rename function getUser to fetchUser';
const BRANCH = 'mcp-orchestrator/rename-function-getuser-to-fetchuser';
const ESCAPE = '\u001b[';

/**
 * The everyday loop on one small repository: refusals before anything loads, the plan's diff
 * preview, apply from inside the repository, the committed diff and next steps, the same change
 * twice, a failed change kept and its diff.patch, and the run list.
 */
describe('the command line around a change', () => {
  let repo: ExampleRepo;
  const runsDir = () => path.join(repo.dir, '.mcp-orchestrator', 'runs');
  const runFolders = async () => (await readdir(runsDir()).catch(() => [])).sort();
  beforeAll(async () => {
    repo = await createExampleRepo({ example: 'users-ts' });
  });
  afterAll(() => repo?.cleanup());

  it('refuses flags plan ignores, a missing --workspace and a missing scope path before anything runs', async () => {
    const before = await repo.snapshot();
    const plan = await runCli(['plan', COMMAND, '-w', repo.dir, '--output', 'pr.json', '--github']);
    expect(plan.code).toBe(2);
    expect(plan.stderr).toBe(
      'error [BAD_INPUT]: plan makes no pull request, so --output, --github would do nothing. Pass them to "apply <plan>" (or "run"); --out <file> says where plan writes the plan.\n',
    );
    const dry = await runCli(['run', COMMAND, '-w', repo.dir, '--dry-run', '--output', 'x.json']);
    expect(dry.code).toBe(2);
    expect(dry.stderr).toContain('--dry-run makes no pull request, so --output would do nothing');
    const missing = path.join(repo.dir, 'nowhere');
    const workspace = await runCli(['run', COMMAND, '--workspace', missing]);
    expect(workspace.code).toBe(2);
    expect(workspace.stderr).toContain(
      `--workspace ${missing}: the folder ${missing} does not exist`,
    );
    const scope = await runCli(['run', `${COMMAND} in src/nowhere`, '-w', repo.dir]);
    expect(scope.code).toBe(2);
    expect(scope.stderr).toContain(
      `error [BAD_INPUT]: "in src/nowhere": there is no src/nowhere in ${repo.dir}.`,
    );
    expect(scope.stderr).not.toContain('SYMBOL_NOT_FOUND');
    const long = await runCli(['run', `rename getUser to ${'a'.repeat(300)}`, '-w', repo.dir]);
    expect(long.code).toBe(2);
    expect(long.stderr).toContain('to: Too big: expected string to have <=256 characters');
    expect(await repo.snapshot()).toEqual(before);
    expect(await runFolders()).toEqual([]);
  }, 60_000);

  it('plan prints the diff it would make, what it leaves alone and where it wrote the plan; apply takes the plan from inside the repository', async () => {
    const planned = await runCli(['plan', COMMAND, '--out', 'plan.json'], { cwd: repo.dir });
    expect(planned.code, planned.stderr).toBe(0);
    const out = planned.stdout;
    expect(out).toContain('would change: 8 edits in 4 files (dry run: nothing else was written)');
    expect(out).toContain('diff --git a/src/users.js b/src/users.js');
    expect(out).toContain('-export function getUser(id) {\n+export function fetchUser(id) {');
    expect(out).toMatch(/left alone \(7\):\n/);
    expect(out).toMatch(/src\/users\.js:6:\d+ {2}comment: in a comment/);
    expect(out).toMatch(/src\/service\.js:10:\d+ {2}other-symbol: method UserCache\.getUser/);
    expect(out).toContain(`plan written to ${path.join(repo.dir, 'plan.json')}`);
    expect(out).not.toContain(ESCAPE);
    // Progress went to stderr as timestamped lines; the summary did not.
    expect(planned.stderr).toMatch(/^\[ {2}0\.\ds\] starting: loading the orchestrator$/m);
    expect(planned.stderr).toMatch(/^\[ *[\d.]+s\] ✔ map \(/m);
    expect(planned.stderr).not.toContain('would change');
    expect(await repo.read('src/users.js')).toContain('export function getUser(');
    // The plan file it wrote does not make the next command refuse the checkout as dirty: this
    // one passes the clean-state check and is refused by the next check.
    const next = await runCli(['plan', `${COMMAND} in src/nowhere`, '--out', 'other.json'], {
      cwd: repo.dir,
    });
    expect(next.code).toBe(2);
    expect(next.stderr).toContain('error [BAD_INPUT]: "in src/nowhere": there is no src/nowhere');

    const applied = await runCli(['apply', 'plan.json', '--baseline-tests'], { cwd: repo.dir });
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('+export function fetchUser(id) {');
    expect(applied.stdout).toMatch(
      new RegExp(`committed 8 edits in 4 files on branch ${BRANCH} at [0-9a-f]{12}\\n`),
    );
    expect(applied.stdout).toContain(`next steps:\n  view it        git show ${BRANCH}\n`);
    expect(applied.stdout).toContain(`  check it out   git switch ${BRANCH}\n`);
    expect(applied.stdout).toContain(`  merge it       git switch main && git merge ${BRANCH}\n`);
    expect(applied.stdout).toContain(`  delete it      git branch -D ${BRANCH}\n`);
    expect(applied.stderr).toMatch(/▶ execute\n/);
    expect(applied.stderr).not.toContain('committed');
    expect(await repo.show(BRANCH, 'src/users.js')).toContain('export function fetchUser(');
    const pr = JSON.parse(
      await readFile(path.join(runsDir(), (await runFolders()).at(-1) ?? '', 'pr.json'), 'utf8'),
    ) as { body: string };
    expect(pr.body).toContain('## Diff\n\n<details><summary>');
    expect(pr.body).toContain('<details><summary>Phase timings');
    // The tests that ran and their result: on the branch, and first at the base commit.
    expect(pr.body).toMatch(
      new RegExp(`\\| branch \`${BRANCH}\` at \`[0-9a-f]{12}\` \\| ✅ passed \\| [\\d.]+ s \\|\n`),
    );
    expect(pr.body).toMatch(
      /\| base commit `[0-9a-f]{12}` \| ✅ passed before the change too \| [\d.]+ s \|/,
    );
  }, 120_000);

  it('apply of a change already on a branch says so; --json keeps stdout to the JSON, --quiet stderr to warnings', async () => {
    const again = await runCli(['apply', 'plan.json', '--json', '--quiet', '--no-diff'], {
      cwd: repo.dir,
    });
    expect(again.code, again.stderr).toBe(0);
    const result = JSON.parse(again.stdout) as { branch: string; warnings: string[] };
    expect(result.branch).toBe(`${BRANCH}-2`);
    const warning = `This change is already on branch ${BRANCH} (the same files from the same base); ${BRANCH}-2 holds it again.`;
    expect(result.warnings.some((w) => w.startsWith(warning))).toBe(true);
    expect(again.stderr).toContain(`⚠ ${warning}`);
    expect(again.stderr).not.toContain('▶');
  }, 120_000);

  it('a failed change leaves its diff.patch, says whether the tests failed before, and with --keep-failed keeps its branch', async () => {
    const failing = ['--test-command', 'exit 1'];
    const dropped = await runCli(['apply', 'plan.json', ...failing], { cwd: repo.dir });
    expect(dropped.code).toBe(1);
    expect(dropped.stderr).toContain('error [TESTS_FAILED]');
    expect(dropped.stderr).toContain('fail (exit code 1) at the base commit');
    expect(dropped.stderr).toContain('they were failing before this change');
    const patch = /The diff of the failed change: (\S+)/.exec(dropped.stderr)?.[1] ?? '';
    expect(await readFile(patch, 'utf8')).toContain('+export function fetchUser(id) {');
    expect(await repo.git(['branch', '--list', `${BRANCH}-3*`])).toBe('');

    const kept = await runCli(['apply', 'plan.json', ...failing, '--keep-failed'], {
      cwd: repo.dir,
    });
    expect(kept.code).toBe(1);
    const failedBranch = `${BRANCH}-3-failed`;
    expect(kept.stderr).toContain(
      `The failed change is kept on branch ${failedBranch}: git show ${failedBranch}; delete it with git branch -D ${failedBranch}.`,
    );
    expect(await repo.show(failedBranch, 'src/users.js')).toContain('export function fetchUser(');
    expect((await repo.git(['worktree', 'list'])).trim().split('\n')).toHaveLength(1);
  }, 120_000);

  it('runs lists every run, newest first, and runs show tells one', async () => {
    const listed = await runCli(['runs', '--json', '-w', repo.dir]);
    expect(listed.code, listed.stderr).toBe(0);
    const runs = JSON.parse(listed.stdout) as Array<{
      runId: string;
      outcome: string;
      branch: string | null;
      command: string;
    }>;
    expect(runs.map((r) => r.outcome)).toEqual([
      'failed (TESTS_FAILED)',
      'failed (TESTS_FAILED)',
      'succeeded',
      'succeeded',
      'dry run',
    ]);
    expect(runs[0]?.branch).toBe(`${BRANCH}-3-failed`);
    expect(new Set(runs.map((r) => r.command))).toEqual(new Set([COMMAND]));
    const table = await runCli(['runs', '-w', repo.dir]);
    expect(table.stdout.split('\n')[0]).toMatch(/^id +started \(UTC\) +outcome +branch +command$/);
    const id = runs[2]?.runId ?? '';
    const shown = await runCli(['runs', 'show', id.slice(0, -2), '-w', repo.dir]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(`run      ${id}\n`);
    expect(shown.stdout).toContain(`branch   ${BRANCH}-2\n`);
    expect(shown.stdout).toMatch(/phases {3}optimize ok \d+ ms, execute ok/);
    expect(shown.stdout).toContain('  diff.patch\n');
    const unknown = await runCli(['runs', 'show', 'nope', '-w', repo.dir]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No run "nope"');
  }, 60_000);
});
