import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBaseResultCache } from '../../../src/cache/base-result-cache.js';
import type { BaseResultCache } from '../../../src/core/services.js';
import {
  commandsOf,
  diagnosticsCalls,
  isCompile,
  runsOf,
  setUpExecute as setUp,
} from '../../fixtures/phases/execute-setup.js';
import { diagnostic, diagnosticsByTree } from '../../fixtures/phases/fake-diagnostics.js';
import { createPlan } from '../../fixtures/phases/plan-fixtures.js';

const COMPILE = ['make', 'typecheck'];
const OLD_ERROR = diagnostic('src/app.ts:9:1', 'TS2322', "Type 'string' is not assignable.");
const BASE_OUTPUT = 'src/app.ts(9,1): error TS2322';

describe('EXECUTE: results at the base are computed once per base commit', () => {
  let dir: string;
  let cache: BaseResultCache;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'base-results-'));
    cache = createBaseResultCache({ dir, fingerprint: 'test' });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const typeCheckRun = (overrides: { dirty?: string[] } = {}) =>
    setUp(createPlan(), {
      baseResults: cache,
      diagnostics: diagnosticsByTree({ base: [OLD_ERROR], changed: [OLD_ERROR] }),
      ...(overrides.dirty ? { dirty: overrides.dirty } : {}),
    });
  const baseQueries = (run: ReturnType<typeof setUp>) =>
    diagnosticsCalls(run).filter(([request]) => request.overlay === undefined);

  it('asks the type checkers about the base once: the next run on that commit reuses their findings', async () => {
    const first = typeCheckRun();
    const firstOutcome = await first.outcome();
    expect(firstOutcome.success).toBe(true);
    expect(baseQueries(first)).toHaveLength(1);
    const second = typeCheckRun();
    const outcome = await second.outcome();
    expect(outcome.success).toBe(true);
    expect(baseQueries(second)).toEqual([]);
    expect(outcome.data.compile).toMatchObject({
      passed: true,
      description: expect.stringContaining(
        '1 error(s) already at the base left out (the base as an earlier run checked it)',
      ),
    });
  });

  it('neither stores nor reuses the base when the checkout the graph reads is dirty', async () => {
    await typeCheckRun({ dirty: ['notes.txt'] }).outcome();
    expect(readdirSync(dir)).toEqual([]);
    const second = typeCheckRun({ dirty: ['notes.txt'] });
    await second.outcome();
    expect(baseQueries(second)).toHaveLength(1);
  });

  it('treats an unreadable entry as a miss', async () => {
    await typeCheckRun().outcome();
    for (const name of readdirSync(dir)) writeFileSync(path.join(dir, name), '{not json');
    const again = typeCheckRun();
    expect((await again.outcome()).success).toBe(true);
    expect(baseQueries(again)).toHaveLength(1);
  });

  it('runs a failing compile command at the base once, then judges new output against what it found', async () => {
    const commandRun = (changedOutput: string) =>
      setUp(createPlan({ compile: { kind: 'command', command: COMPILE } }), {
        baseResults: cache,
        run: commandsOf({
          compile: (_argv, options) => ({
            exitCode: 2,
            outputTail: options.cwd.includes('scratch') ? BASE_OUTPUT : changedOutput,
          }),
        }),
      });
    const first = commandRun(BASE_OUTPUT);
    expect((await first.outcome()).success).toBe(true);
    expect(first.scratchWorktrees).toHaveLength(1);
    expect(runsOf(first).filter(([argv]) => isCompile(argv))).toHaveLength(2);

    const second = commandRun(`${BASE_OUTPUT}\nsrc/app.ts(3,13): error TS2304`);
    const outcome = await second.outcome();
    expect(second.scratchWorktrees).toEqual([]);
    expect(runsOf(second).filter(([argv]) => isCompile(argv))).toHaveLength(1);
    expect(outcome.success).toBe(false);
    expect(outcome.data.compile).toMatchObject({
      passed: false,
      description:
        'make typecheck (fails at the base too, as an earlier run found it; only new output counts)',
      outputTail: 'src/app.ts(3,13): error TS2304',
    });
  });
});
