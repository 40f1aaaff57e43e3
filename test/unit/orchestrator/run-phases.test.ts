import { describe, expect, it } from 'vitest';
import type { AnyPhase } from '../../../src/core/phase.js';
import type { PhaseOutputs } from '../../../src/core/phase-outputs.js';
import type { ToolCaller } from '../../../src/core/services.js';
import { resolveSettings } from '../../../src/core/settings.js';
import { NO_SPANS } from '../../../src/core/spans.js';
import { countServerCalls } from '../../../src/orchestrator/count-server-calls.js';
import type { RunInput } from '../../../src/orchestrator/execute-run.js';
import type { RunServices } from '../../../src/orchestrator/open-run-services.js';
import { createRunFolder } from '../../../src/orchestrator/run-folder.js';
import { runPhases } from '../../../src/orchestrator/run-phases.js';
import { openGitWorkspace } from '../../../src/vcs/open-git-workspace.js';
import type { RunJournal } from '../../../src/vcs/run-journal-writer.js';
import { createFixtureRepo } from '../../fixtures/git/create-fixture-repo.js';
import { useGitSandbox } from '../../fixtures/git/use-git-sandbox.js';

/** The services a pipeline of fake phases touches: no server, no cache, no pressure. */
const TOOLS = { reconnectCount: () => 0 } as unknown as ToolCaller;
const SERVICES = {
  tools: TOOLS,
  calls: countServerCalls(TOOLS),
  pressure: { isPressureHigh: () => false, treeRssMb: () => 0 },
  spans: NO_SPANS,
} as unknown as RunServices;

/** A last phase that succeeds; `during` runs inside it. */
function lastPhase(during: () => void): AnyPhase {
  return {
    name: 'review',
    async run() {
      during();
      return { success: true, output: {} as PhaseOutputs['review'], data: {}, contextPack: '' };
    },
  };
}

describe('runPhases', () => {
  const sandbox = useGitSandbox();

  async function run(phase: AnyPhase, signal: AbortSignal) {
    const repo = await createFixtureRepo();
    sandbox.track(() => repo.cleanup());
    const git = await openGitWorkspace(repo.dir);
    const input = {
      command: 'rename a to b',
      intent: { kind: 'rename' },
      phases: [phase],
      runOptions: { phaseSettings: [], allowUnresolved: false },
      settings: resolveSettings({}),
      git,
      baseCommit: await git.headCommit(),
      folder: await createRunFolder(repo.dir),
      connect: [],
      options: { signal },
    } as unknown as RunInput;
    const events = { warn: () => {}, emit: () => {} };
    return runPhases(input, SERVICES, {} as RunJournal, events);
  }

  it('fails a run cancelled while its last phase was ending, so the change is rolled back', async () => {
    const controller = new AbortController();
    const outcome = await run(
      lastPhase(() => controller.abort(new Error('received SIGINT'))),
      controller.signal,
    );
    expect(outcome.phases.map((p) => p.success)).toEqual([true]);
    expect(outcome.failure?.code).toBe('CANCELLED');
    expect(outcome.failure?.message).toContain('received SIGINT');
  });

  it('ends without a failure when nothing cancelled the run', async () => {
    const outcome = await run(
      lastPhase(() => {}),
      new AbortController().signal,
    );
    expect(outcome.failure).toBeNull();
  });
});
