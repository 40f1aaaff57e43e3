import { access } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import type { CliResult } from '../../helpers/fixture-repo.js';
import type { Box, BoxSnapshot } from './create-box.js';
import { leftoverBoxProcesses } from './find-box-processes.js';

/**
 * What every fault must leave: the checkout byte-identical, nothing outside the repository
 * touched (HOME, TMPDIR, the sentinel folder, the box), no process of the run alive, no
 * worktree, no run lock, and — unless the run succeeded — no run branch.
 */
export async function expectNoTrace(
  box: Box,
  before: BoxSnapshot,
  options: { runBranch?: 'kept' | 'none' } = {},
): Promise<void> {
  const after = await box.snapshot();
  expect(after.checkout, 'the checkout changed').toEqual(before.checkout);
  expect(after.outside, 'files outside the repository changed').toEqual(before.outside);
  expect(await leftoverBoxProcesses(box.dir), 'processes left running').toEqual([]);
  const worktrees = await box.repo.git(['worktree', 'list', '--porcelain']);
  expect(worktrees.match(/^worktree /gm), worktrees).toHaveLength(1);
  const lock = path.join(box.repo.dir, '.mcp-orchestrator', 'run-lock.json');
  expect(await exists(lock), 'the run lock was left').toBe(false);
  if (options.runBranch !== 'kept') expect(await runBranches(box)).toEqual([]);
}

/** A run that starts clean: nothing to clean up after, no lock in the way, the normal branch. */
export function expectCleanStart(result: CliResult): void {
  expect(result.stderr).not.toContain('Cleaned up after a run that died');
  expect(result.stderr).not.toContain('unreadable run lock');
  expect(result.stderr).not.toContain('RUN_IN_PROGRESS');
  expect(result.stderr).not.toMatch(/ on mcp-orchestrator\/\S+-\d+\n/);
}

/** The run branches (`mcp-orchestrator/*`) of the box's repository. */
export async function runBranches(box: Box): Promise<string[]> {
  const out = await box.repo.git([
    'branch',
    '--list',
    '--format=%(refname:short)',
    'mcp-orchestrator/*',
  ]);
  return out.split('\n').filter(Boolean);
}

/** Deletes the run branches a successful run left (a branch is what success is meant to leave). */
export async function dropRunBranches(box: Box): Promise<void> {
  for (const branch of await runBranches(box)) await box.repo.git(['branch', '-D', '-q', branch]);
}

function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
