import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../src/core/errors.js';
import { prepareRun } from '../../../src/orchestrator/prepare-run.js';
import { recordWrittenPlan, WRITTEN_PLANS_FILE } from '../../../src/orchestrator/written-plans.js';
import { createFixtureRepo, type FixtureRepo } from '../../fixtures/git/create-fixture-repo.js';

const PLAN = '{"version":1,"command":"rename a to b"}\n';

async function dirtyRefusal(dir: string): Promise<string[] | undefined> {
  try {
    await prepareRun({ workspace: dir });
    return undefined;
  } catch (error) {
    if (!isOrchestratorError(error, 'WORKTREE_DIRTY')) throw error;
    return (error.data as { files: string[] }).files;
  }
}

describe('a plan written by plan --out inside the repository', () => {
  let repo: FixtureRepo | undefined;
  afterEach(async () => {
    await repo?.cleanup();
    repo = undefined;
  });

  it('does not make the next run refuse the checkout as dirty while it holds what was written', async () => {
    repo = await createFixtureRepo({ files: { 'src/a.ts': 'export const a = 1;\n' } });
    const file = path.join(repo.dir, 'plans', 'plan.json');
    await writeFile(path.join(repo.dir, 'plan.json'), PLAN);
    expect(await dirtyRefusal(repo.dir)).toEqual(['plan.json']);
    await recordWrittenPlan(repo.dir, path.join(repo.dir, 'plan.json'), Buffer.from(PLAN));
    expect(await dirtyRefusal(repo.dir)).toBeUndefined();
    // Another plan, in a subfolder, given relative to the current folder as --out is.
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, PLAN);
    await recordWrittenPlan(repo.dir, path.relative(process.cwd(), file), Buffer.from(PLAN));
    expect(await dirtyRefusal(repo.dir)).toBeUndefined();
    const record = JSON.parse(
      await readFile(path.join(repo.dir, '.mcp-orchestrator', WRITTEN_PLANS_FILE), 'utf8'),
    ) as { plans: Record<string, string> };
    expect(Object.keys(record.plans)).toEqual(['plan.json', 'plans/plan.json']);
  });

  it('counts again once edited, and never hides any other file', async () => {
    repo = await createFixtureRepo({ files: { 'src/a.ts': 'export const a = 1;\n' } });
    const file = path.join(repo.dir, 'plan.json');
    await writeFile(file, PLAN);
    await recordWrittenPlan(repo.dir, file, Buffer.from(PLAN));
    await writeFile(path.join(repo.dir, 'notes.txt'), 'mine\n');
    expect(await dirtyRefusal(repo.dir)).toEqual(['notes.txt']);
    await writeFile(file, PLAN.replace('rename a to b', 'rename a to c'));
    expect(await dirtyRefusal(repo.dir)).toEqual(['notes.txt', 'plan.json']);
  });

  it('is not remembered when it lies outside the repository, and an unreadable list hides nothing', async () => {
    repo = await createFixtureRepo({ files: { 'src/a.ts': 'export const a = 1;\n' } });
    const outside = await createFixtureRepo();
    try {
      await recordWrittenPlan(repo.dir, path.join(outside.dir, 'plan.json'), Buffer.from(PLAN));
      await expect(
        access(path.join(repo.dir, '.mcp-orchestrator', WRITTEN_PLANS_FILE)),
      ).rejects.toThrow();
    } finally {
      await outside.cleanup();
    }
    await writeFile(path.join(repo.dir, 'plan.json'), PLAN);
    await recordWrittenPlan(repo.dir, path.join(repo.dir, 'plan.json'), Buffer.from(PLAN));
    await writeFile(path.join(repo.dir, '.mcp-orchestrator', WRITTEN_PLANS_FILE), '{not json');
    expect(await dirtyRefusal(repo.dir)).toEqual(['plan.json']);
  });
});
