import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlan } from '../../../src/orchestrator/load-plan.js';
import { createPlan } from './plan-fixture.js';

describe('a plan whose intent a model chose', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'mcpo-plan-source-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const write = async (intentSource: unknown): Promise<string> => {
    const file = path.join(dir, `plan-${Math.random().toString(36).slice(2)}.json`);
    await writeFile(file, JSON.stringify({ ...createPlan().data, intentSource }));
    return file;
  };

  it('loads with its intent and who chose it, for apply to replay without a model', async () => {
    const source = { by: 'model', planner: 'openai', model: 'llama3.1' };
    const plan = await loadPlan(await write(source));
    expect(plan.data.intent).toEqual({ kind: 'rename', from: 'a', to: 'b' });
    expect(plan.data.intentSource).toEqual(source);
  });

  it('is refused when the record of who chose it is malformed, naming the field', async () => {
    await expect(loadPlan(await write({ by: 'guess' }))).rejects.toThrow(/intentSource/);
  });
});
