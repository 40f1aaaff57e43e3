import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openGitWorkspace } from '../../../src/vcs/open-git-workspace.js';
import {
  slugifyBranch,
  toSlug,
  toWorktreePath,
  uniqueBranchName,
} from '../../../src/vcs/slugify-branch.js';
import { createFixtureRepo, type FixtureRepo } from '../../fixtures/git/create-fixture-repo.js';

describe('slugifyBranch', () => {
  it('lowercases and joins words with single dashes', () => {
    expect(slugifyBranch('Rename getUser to fetchUser')).toBe(
      'mcp-orchestrator/rename-getuser-to-fetchuser',
    );
    expect(slugifyBranch('  rename   post_entry -> record_entry!! ')).toBe(
      'mcp-orchestrator/rename-post-entry-record-entry',
    );
  });

  it('drops accents and anything outside [a-z0-9-]', () => {
    expect(toSlug('Renommer «café» → thé / ünïcode 😀')).toBe('renommer-cafe-the-unicode');
  });

  it('is deterministic', () => {
    const command = 'Refactor the risk management module to use async patterns';
    expect(slugifyBranch(command)).toBe(slugifyBranch(command));
  });

  it('keeps slugs within 50 characters, cut at a word boundary', () => {
    const slug = toSlug(
      'Refactor the risk management module to use async patterns everywhere in the codebase',
    );
    expect(slug.length).toBeLessThanOrEqual(50);
    expect(slug).toBe('refactor-the-risk-management-module-to-use-async');
    expect(toSlug('x'.repeat(80))).toBe('x'.repeat(50));
  });

  it('falls back to "change" for a command with no letters or digits', () => {
    expect(slugifyBranch('→ !!! ←')).toBe('mcp-orchestrator/change');
  });

  it('makes names git accepts as branch names', async () => {
    const { execFileSync } = await import('node:child_process');
    for (const command of ['a..b', '-leading dash', 'x.lock', 'a/b\\c', '@{upstream}']) {
      const branch = slugifyBranch(command);
      expect(branch).toMatch(/^mcp-orchestrator\/[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(() => execFileSync('git', ['check-ref-format', '--branch', branch])).not.toThrow();
    }
  });
});

describe('toWorktreePath', () => {
  it('puts the worktree under .mcp-orchestrator/worktrees, named after the slug', () => {
    expect(toWorktreePath('/repo', 'mcp-orchestrator/rename-x-2')).toBe(
      path.join('/repo', '.mcp-orchestrator', 'worktrees', 'rename-x-2'),
    );
  });
});

describe('uniqueBranchName', () => {
  let repo: FixtureRepo;
  beforeAll(async () => {
    repo = await createFixtureRepo();
  });
  afterAll(async () => {
    await repo.cleanup();
  });

  it('returns the base name while it is free', async () => {
    const workspace = await openGitWorkspace(repo.dir);
    expect(await uniqueBranchName(workspace, 'mcp-orchestrator/rename-a')).toBe(
      'mcp-orchestrator/rename-a',
    );
  });

  it('appends -2, -3 … while branches or worktree folders exist', async () => {
    const workspace = await openGitWorkspace(repo.dir);
    await repo.git(['branch', 'mcp-orchestrator/rename-b']);
    expect(await uniqueBranchName(workspace, 'mcp-orchestrator/rename-b')).toBe(
      'mcp-orchestrator/rename-b-2',
    );
    await repo.git(['branch', 'mcp-orchestrator/rename-b-2']);
    await mkdir(toWorktreePath(repo.dir, 'mcp-orchestrator/rename-b-3'), { recursive: true });
    expect(await uniqueBranchName(workspace, 'mcp-orchestrator/rename-b')).toBe(
      'mcp-orchestrator/rename-b-4',
    );
  });

  it('shortens a 50-character slug so the suffixed one still fits', async () => {
    const workspace = await openGitWorkspace(repo.dir);
    const base = slugifyBranch('y'.repeat(60));
    await repo.git(['branch', base]);
    const next = await uniqueBranchName(workspace, base);
    expect(next).toBe(`mcp-orchestrator/${'y'.repeat(48)}-2`);
  });
});
