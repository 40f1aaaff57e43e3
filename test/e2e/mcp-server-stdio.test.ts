import { utimes } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { Progress } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/orchestrator/list-runs.js';
import { createExampleRepo, type ExampleRepo } from '../helpers/fixture-repo.js';
import {
  connectOrchestrator,
  findChildProcesses,
  type OrchestratorClient,
} from '../helpers/orchestrator-client.js';

const DEPENDENCY_GRAPH = 'dependency-graph/main.js';
/** A fixed modification time, so a file can change without its stamp changing. */
const FIXED_TIME = new Date('2024-01-01T00:00:00Z');

type Plan = { dag: { nodes: Array<{ id: string; file?: string }> }; base: string };

/** The files the plan's edit nodes change. */
function editedFiles(plan: Plan): string[] {
  return plan.dag.nodes.flatMap((node) =>
    node.id.startsWith('edit:') && node.file ? [node.file] : [],
  );
}

describe('mcp-orchestrator mcp on stdio, driven by the SDK client', () => {
  let repo: ExampleRepo;
  let server: OrchestratorClient;
  let checkoutBefore: Record<string, string>;

  beforeAll(async () => {
    repo = await createExampleRepo({ example: 'users-ts' });
    // Before the change: no reference to getUser, padded to the size of the version after it.
    const after =
      "import { getUser } from './users.js';\nexport const pick = (id) => getUser(id);\n";
    const before = 'export const pick = (id) => id;\n';
    await repo.write(
      'src/extra.js',
      `${before}//${'x'.repeat(after.length - before.length - 3)}\n`,
    );
    await utimes(path.join(repo.dir, 'src/extra.js'), FIXED_TIME, FIXED_TIME);
    await repo.git(['add', 'src/extra.js']);
    await repo.git(['commit', '-q', '-m', 'extra']);
    checkoutBefore = await repo.checkoutSnapshot();
    server = await connectOrchestrator(['--workspace', repo.dir]);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await repo?.cleanup();
  });

  it('lists the seven tools, each with an input and an output schema', async () => {
    const { tools } = await server.client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual([
      'plan_change',
      'run_change',
      'apply_plan',
      'explain_command',
      'list_runs',
      'get_run',
      'change_history',
    ]);
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.outputSchema?.type, tool.name).toBe('object');
    }
    const plan = tools.find((tool) => tool.name === 'plan_change');
    expect(Object.keys(plan?.outputSchema?.properties ?? {})).toEqual(
      expect.arrayContaining(['plan', 'risk', 'runId', 'resources']),
    );
  });

  it('plan_change returns the plan and the risk, reports each phase, and changes nothing', async () => {
    const progress: Progress[] = [];
    const result = await server.call(
      'plan_change',
      { command: 'rename function getUser to fetchUser' },
      { onProgress: (p) => progress.push(p) },
    );
    expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
    const value = result.structuredContent as {
      plan: Plan;
      risk: { pBreak: number };
      runId: string;
      resources: string[];
    };
    expect(editedFiles(value.plan)).toEqual([
      'src/index.js',
      'src/service.js',
      'src/users.js',
      'test/users.test.js',
    ]);
    expect(value.risk.pBreak).toBeGreaterThanOrEqual(0);
    expect(progress.map((p) => p.message)).toEqual([
      'map started',
      expect.stringMatching(/^map done in \d+ ms$/),
      'logic started',
      expect.stringMatching(/^logic done/),
      'monte_carlo started',
      expect.stringMatching(/^monte_carlo done/),
      'plan started',
      expect.stringMatching(/^plan done/),
    ]);
    expect(progress.map((p) => [p.progress, p.total])).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map((n) => [n, 8]),
    );
    expect(await repo.checkoutSnapshot()).toEqual(checkoutBefore);
    expect(await repo.git(['branch', '--list', 'mcp-orchestrator/*'])).toBe('');
    const plan = await server.client.readResource({
      uri: `mcp-orchestrator://runs/${value.runId}/plan.json`,
    });
    expect(JSON.parse((plan.contents[0] as { text: string }).text)).toEqual(value.plan);
  });

  it('answers the second plan_change from the warm servers, told about a commit that changed a file without changing its stamp', async () => {
    const [graphBefore] = findChildProcesses(server.pid, DEPENDENCY_GRAPH);
    expect(graphBefore).toBeDefined();
    const after =
      "import { getUser } from './users.js';\nexport const pick = (id) => getUser(id);\n";
    await repo.write('src/extra.js', after);
    await utimes(path.join(repo.dir, 'src/extra.js'), FIXED_TIME, FIXED_TIME);
    await repo.git(['commit', '-q', '-a', '-m', 'pick uses getUser']);
    const result = await server.call('plan_change', {
      command: 'rename function getUser to loadUser',
    });
    expect(result.isError, JSON.stringify(result.structuredContent?.error)).toBeFalsy();
    const value = result.structuredContent as { plan: Plan };
    expect(editedFiles(value.plan)).toContain('src/extra.js');
    expect(value.plan.base).toBe((await repo.git(['rev-parse', 'HEAD'])).trim());
    expect(findChildProcesses(server.pid, DEPENDENCY_GRAPH)).toEqual([graphBefore]);
    const runs = await server.call('get_run', {
      runId: (result.structuredContent as { runId: string }).runId,
    });
    const warm = (runs.structuredContent as { result: { warm: unknown } }).result.warm;
    expect(warm).toEqual({ reused: true, headMoved: true, changedFiles: 1 });
  });

  it('serialises calls on one repository: two at once both succeed, one after the other', async () => {
    const [first, second] = await Promise.all([
      server.call('plan_change', { command: 'rename function getUser to findUser' }),
      server.call('plan_change', { command: 'rename function getUserName to nameOf' }),
    ]);
    expect(first?.structuredContent?.error ?? null).toBeNull();
    expect(second?.structuredContent?.error ?? null).toBeNull();
  });

  it('run_change commits a test-green change on a branch and serves its diff as a resource', async () => {
    checkoutBefore = await repo.checkoutSnapshot();
    const result = await server.call('run_change', {
      command: 'rename function getUser to fetchUser',
    });
    expect(result.isError, JSON.stringify(result.structuredContent?.error)).toBeFalsy();
    const value = result.structuredContent as {
      branch: string;
      commit: string;
      diffStat: { files: Array<{ file: string }> };
      runId: string;
      resources: string[];
    };
    expect(value.branch).toBe('mcp-orchestrator/rename-function-getuser-to-fetchuser');
    expect(await repo.show(value.branch, 'src/extra.js')).toContain('fetchUser(id)');
    expect(value.diffStat.files.map((f) => f.file)).toContain('src/users.js');
    expect(value.resources).toContain(`mcp-orchestrator://runs/${value.runId}/diff.patch`);
    const diff = await server.client.readResource({
      uri: `mcp-orchestrator://runs/${value.runId}/diff.patch`,
    });
    expect((diff.contents[0] as { text: string }).text).toContain(
      '+export function fetchUser(id) {',
    );
    expect(await repo.checkoutSnapshot()).toEqual(checkoutBefore);
    const history = await server.call('change_history', { symbol: 'getUser' });
    expect((history.structuredContent as { runs: unknown[] }).runs).toEqual([
      expect.objectContaining({ runId: value.runId, commit: value.commit, merged: false }),
    ]);
  });

  it('apply_plan carries out the plan of an earlier plan_change', async () => {
    const planned = await server.call('plan_change', {
      command: 'rename function getUserName to nameOfUser',
    });
    const runId = (planned.structuredContent as { runId: string }).runId;
    const applied = await server.call('apply_plan', { runId });
    expect(applied.isError, JSON.stringify(applied.structuredContent?.error)).toBeFalsy();
    const branch = (applied.structuredContent as { branch: string }).branch;
    expect(await repo.show(branch, 'src/users.js')).toContain('export function nameOfUser(id) {');
  });

  it('refuses bad input with a clear error before any run', async () => {
    const unread = await server.call('plan_change', { command: 'paint the code blue' });
    expect(unread.isError).toBe(true);
    const report = JSON.parse((unread.content[0] as { text: string }).text) as { code: string };
    expect(report.code).toBe('INTENT_UNRECOGNISED');
    const both = await server.call('apply_plan', {});
    expect(JSON.parse((both.content[0] as { text: string }).text)).toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringContaining('exactly one of runId'),
    });
    const missing = await server.call('get_run', { runId: '20000101T000000Z-abcdef' });
    expect((missing.content[0] as { text: string }).text).toContain(
      'has no run 20000101T000000Z-abcdef',
    );
  });

  it('a cancelled run_change rolls back its branch and worktree, and the next call runs', async () => {
    const controller = new AbortController();
    const call = server.call(
      'run_change',
      { command: 'rename function getUser to cancelledUser', testCommand: 'sleep 60' },
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.message === 'execute started') setTimeout(() => controller.abort(), 300);
        },
      },
    );
    await expect(call).rejects.toThrow();
    // The run's result appears once its rollback is over; wait for this run's own finished
    // record (not the newest, which under load may still be the run before it, nor its folder
    // while it has no result yet, success null), for up to the test's time.
    let cancelled: RunSummary | undefined;
    for (let i = 0; i < 300 && cancelled === undefined; i += 1) {
      await delay(100);
      const runs = await server.call('list_runs', { limit: 3 });
      cancelled = (runs.structuredContent as { runs: RunSummary[] }).runs.find(
        (run) => run.command?.includes('cancelledUser') && run.success !== null,
      );
    }
    // CANCELLED, with its duration far below the 60 s test command: the tests were stopped.
    expect(cancelled).toMatchObject({ success: false, errorCode: 'CANCELLED' });
    expect(cancelled?.durationMs).toBeLessThan(30_000);
    expect(await repo.git(['branch', '--list', '*cancelleduser*'])).toBe('');
    expect((await repo.git(['worktree', 'list'])).trim().split('\n')).toHaveLength(1);
    const next = await server.call('plan_change', {
      command: 'rename function getUser to afterCancel',
    });
    expect(next.structuredContent?.error ?? null).toBeNull();
  });

  it('explain_command reads the command and says what it would change', async () => {
    const result = await server.call('explain_command', {
      command: 'rename function getUserName to userName',
    });
    const value = result.structuredContent as {
      intent: { kind: string };
      explanation: { changes: Array<{ file: string }> };
    };
    expect(value.intent.kind).toBe('rename');
    expect(value.explanation.changes.map((c) => c.file)).toContain('src/users.js');
  });
});

describe('mcp-orchestrator mcp with a client that offers sampling', () => {
  let repo: ExampleRepo;
  let server: OrchestratorClient;
  const asked: string[] = [];

  beforeAll(async () => {
    repo = await createExampleRepo({ example: 'users-ts' });
    server = await connectOrchestrator(
      ['--workspace', repo.dir, '--idle-timeout', '1'],
      {},
      {
        sampling: (request) => {
          const [message] = request.params.messages;
          const content = Array.isArray(message?.content) ? message.content[0] : message?.content;
          asked.push(content?.type === 'text' ? content.text : '');
          const intent = { kind: 'rename', from: 'getUser', to: 'fetchUser' };
          return {
            model: 'client-model',
            role: 'assistant',
            content: { type: 'text', text: JSON.stringify({ intent }) },
          };
        },
      },
    );
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await repo?.cleanup();
  });

  it("reads a command the grammar cannot place with the client's model, and plans it", async () => {
    const result = await server.call('plan_change', {
      command: 'swap the name getUser for fetchUser',
    });
    expect(result.structuredContent?.error ?? null).toBeNull();
    const plan = result.structuredContent?.plan as {
      intent: { kind: string; from: string; to: string };
      intentSource?: { by: string; planner: string; model: string };
    };
    expect(plan.intent).toMatchObject({ kind: 'rename', from: 'getUser', to: 'fetchUser' });
    expect(plan.intentSource).toMatchObject({ by: 'model', planner: 'sampling' });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain('swap the name getUser for fetchUser');
  }, 120_000);

  // After the test above, so its plan_change finds the language servers warm (a cold start costs seconds).
  it('stops the language servers of a repository after --idle-timeout', async () => {
    const askedBefore = asked.length;
    await server.call('plan_change', { command: 'rename function getUser to fetchUser' });
    expect(findChildProcesses(server.pid, DEPENDENCY_GRAPH)).toHaveLength(1);
    for (let i = 0; i < 50 && findChildProcesses(server.pid, DEPENDENCY_GRAPH).length > 0; i += 1) {
      await delay(100);
    }
    expect(findChildProcesses(server.pid, DEPENDENCY_GRAPH)).toEqual([]);
    // The grammar reads this command: the client's model is not asked.
    expect(asked).toHaveLength(askedBefore);
  }, 120_000);
});
