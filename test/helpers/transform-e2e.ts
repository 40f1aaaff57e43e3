import { afterAll, beforeAll, expect } from 'vitest';
import type { RepoSnapshot } from '../fixtures/git/snapshot-repo.js';
import { type CliResult, createExampleRepo, type ExampleRepo, runCli } from './fixture-repo.js';

/**
 * The seven phases every successful run goes through, in order: written out here, not imported
 * from src/core/phase-names.ts, so a change to the product's list shows up as a failing test.
 */
export const SEVEN_PHASES = [
  'map',
  'logic',
  'monte_carlo',
  'plan',
  'optimize',
  'execute',
  'review',
] as const;

/** The part of `run --json` the end-to-end tests read. */
export interface RunJson {
  success: boolean;
  branch: string;
  commit: string;
  phases: Array<{
    phase: string;
    success: boolean;
    data: { test?: { passed: boolean }; [field: string]: unknown };
  }>;
}

/** What the end-to-end repository is made of: an example folder and/or files. */
export interface RepoSource {
  example?: string;
  files?: Record<string, string>;
}

/** A `run` that is meant to commit, with what it started from. Filled in by `beforeAll`. */
export interface CommittedRun {
  repo: ExampleRepo;
  result: CliResult;
  json: RunJson;
  /** The checkout (files, HEAD, status) just before the run. */
  checkoutBefore: Record<string, string>;
  /** The whole repository just before the run (refs, worktrees, …). */
  before: RepoSnapshot;
  /** With `refuseFirst`: the refused command's result and the repository around it. */
  refusal?: RefusedRun;
}

/** A `run` that is meant to be refused, with the repository before and after it. */
export interface RefusedRun {
  result: CliResult;
  before: RepoSnapshot;
  after: RepoSnapshot;
}

/** Runs `command` on `repo` (meant to be refused), with snapshots of the repository around it. */
export async function refuseOn(repo: ExampleRepo, command: string): Promise<RefusedRun> {
  const before = await repo.snapshot();
  const result = await runCli(['run', command, '--workspace', repo.dir]);
  return { result, before, after: await repo.snapshot() };
}

/**
 * Registers the hooks that make a repository from `source`, run `command` with `--json` (after
 * `refuseFirst`, a command run first on the same repository that must be refused), and remove
 * the repository afterwards. Call inside `describe`; read the result in the tests.
 */
export function useCommittedRun(
  source: RepoSource,
  command: string,
  options: { args?: string[]; refuseFirst?: string; timeoutMs?: number } = {},
): CommittedRun {
  const run = {} as CommittedRun;
  beforeAll(async () => {
    run.repo = await createExampleRepo(source);
    if (options.refuseFirst) run.refusal = await refuseOn(run.repo, options.refuseFirst);
    run.before = await run.repo.snapshot();
    run.checkoutBefore = await run.repo.checkoutSnapshot();
    const args = ['run', command, '--workspace', run.repo.dir, '--json', ...(options.args ?? [])];
    run.result = await runCli(args);
    run.json = JSON.parse(run.result.stdout || 'null') as RunJson;
  }, options.timeoutMs ?? 240_000);
  afterAll(() => run.repo?.cleanup());
  return run;
}

/**
 * Registers the hooks that make a repository from `source` and run `command` on it, meant to be
 * refused; the repository is removed afterwards.
 */
export function useRefusedRun(
  source: RepoSource,
  command: string,
  options: { timeoutMs?: number } = {},
): RefusedRun & { repo: ExampleRepo } {
  const run = {} as RefusedRun & { repo: ExampleRepo };
  beforeAll(async () => {
    run.repo = await createExampleRepo(source);
    Object.assign(run, await refuseOn(run.repo, command));
  }, options.timeoutMs ?? 240_000);
  afterAll(() => run.repo?.cleanup());
  return run;
}

/**
 * The run succeeded through all seven phases with green tests, committed `branch` (whose tip
 * is the reported commit), and left the checkout and the worktree list as they were.
 */
export async function expectCommittedOnBranch(run: CommittedRun, branch: string): Promise<void> {
  expect(run.result.code, run.result.stderr).toBe(0);
  expect(run.json.success).toBe(true);
  expect(run.json.phases.map((p) => p.phase)).toEqual(SEVEN_PHASES);
  expect(run.json.phases.find((p) => p.phase === 'execute')?.data.test?.passed).toBe(true);
  expect(run.json.branch).toBe(branch);
  expect((await run.repo.git(['rev-parse', branch])).trim()).toBe(run.json.commit);
  expect(await run.repo.checkoutSnapshot()).toEqual(run.checkoutBefore);
  expect((await run.repo.snapshot()).worktrees).toEqual(run.before.worktrees);
}

/** The run was refused with exit 2, saying each of `says`, and left the repository byte-identical. */
export function expectRefusedUntouched(run: RefusedRun | undefined, ...says: string[]): void {
  if (!run) throw new Error('No refused run was made: pass refuseFirst.');
  expect(run.result.code, run.result.stderr).toBe(2);
  for (const text of says) expect(run.result.stderr).toContain(text);
  expect(run.after).toEqual(run.before);
}
