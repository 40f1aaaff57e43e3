import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useGitSandbox } from '../../fixtures/git/use-git-sandbox.js';
import { type Box, createBox, readRunResult } from './create-box.js';
import { expectCleanStart, expectNoTrace } from './expect-no-trace.js';
import { JS_BRANCH, JS_FILES, JS_LINKS, JS_SENTINEL, runArgs } from './tiny-repos.js';

const PHASES = ['map', 'logic', 'monte_carlo', 'plan', 'optimize', 'execute', 'review'] as const;

/**
 * One run per phase, each sent `signal` as the CLI reports that phase's start, on one shared
 * repository: each run must roll back and leave no trace, and each next run must start clean.
 * A phase may end before the signal lands (monte_carlo takes milliseconds): the run then stops
 * at the next one, which the result names.
 */
export function describeSignalAtEachPhase(signal: 'SIGINT' | 'SIGTERM'): void {
  describe(`${signal} at each phase`, () => {
    useGitSandbox();
    let box: Box;
    beforeAll(async () => {
      box = await createBox({ files: JS_FILES, links: JS_LINKS, sentinel: JS_SENTINEL });
    });
    afterAll(() => box?.cleanup());

    for (const phase of PHASES) {
      it(`rolls back and leaves no trace when ${signal} arrives as ${phase} starts`, async () => {
        const before = await box.snapshot();
        let sent = false;
        const result = await box.cli(runArgs(box.repo.dir), {
          onStderr: (text, pid) => {
            if (sent || !text.includes(`▶ ${phase}\n`)) return;
            sent = true;
            process.kill(pid, signal);
          },
        });
        expect(sent, result.stderr).toBe(true);
        expect(result.code, result.stderr).toBe(1);
        expect(result.stderr).toContain(`${signal}: stopping and rolling back`);
        expect(result.stderr).toContain('error [CANCELLED]');
        expectCleanStart(result);
        const json = await readRunResult(result);
        expect(json.success).toBe(false);
        expect(json.error?.code).toBe('CANCELLED');
        const stoppedAt = json.phases.at(-1)?.phase ?? 'none';
        expect(PHASES.indexOf(stoppedAt as (typeof PHASES)[number])).toBeGreaterThanOrEqual(
          PHASES.indexOf(phase),
        );
        await expectNoTrace(box, before);
      }, 30_000);
    }

    it(`a run after the ${signal}s succeeds on the normal branch with nothing to clean up`, async () => {
      const before = await box.snapshot();
      const result = await box.cli(runArgs(box.repo.dir));
      expect(result.code, result.stderr).toBe(0);
      expectCleanStart(result);
      expect(result.stderr).not.toContain('⚠');
      expect(result.stdout).toContain(`branch ${JS_BRANCH} at`);
      await expectNoTrace(box, before, { runBranch: 'kept' });
    }, 30_000);
  });
}
