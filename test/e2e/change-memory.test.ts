import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MCPOrchestrator } from '../../src/orchestrator.js';
import { createExampleRepo, type ExampleRepo, runCli } from '../helpers/fixture-repo.js';

interface Entry {
  runId: string;
  command: string;
  kind: string;
  branch: string;
  commit: string;
  symbols: string[];
  files: string[];
  merged: boolean;
}

describe('the memory server records each committed change', () => {
  let repo: ExampleRepo;

  beforeAll(async () => {
    repo = await createExampleRepo({ example: 'users-ts' });
  });

  afterAll(() => repo?.cleanup());

  it('history answers empty before any run, without a memory file', async () => {
    const result = await runCli(['history', '--workspace', repo.dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('No run has been recorded yet.\n');
  });

  it('records a run; history reads it back by symbol; LOGIC warns a later change of the same symbol', async () => {
    // A model planner is configured (at an address nothing answers): the grammar reads the
    // command, so no model is asked and the sequential-thinking server is never started.
    const run = await runCli(
      ['run', 'rename function getUser to fetchUser', '--workspace', repo.dir, '--json'],
      {
        env: {
          ORCHESTRATOR_PLANNER: 'openai',
          OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
          ORCHESTRATOR_MODEL: 'never-asked',
        },
      },
    );
    expect(run.code, run.stderr).toBe(0);
    const done = JSON.parse(run.stdout) as {
      runDir: string;
      runId: string;
      branch: string;
      commit: string;
      serverCalls: Record<string, Record<string, number>>;
    };
    // What the run asked of each server, by stage: the memory server only to record it.
    expect(done.serverCalls.memory).toEqual({ record: 2 });
    expect(Object.keys(done.serverCalls.dependency_graph ?? {})).toEqual(
      expect.arrayContaining(['map', 'logic']),
    );
    expect(done.serverCalls.filesystem).toBeUndefined();
    expect(done.serverCalls['sequential-thinking']).toBeUndefined();
    const spans = readFileSync(path.join(done.runDir, 'trace.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as { name: string; attributes: Record<string, unknown> });
    expect(spans.filter((s) => s.name.startsWith('mcp.connect')).length).toBeGreaterThan(0);
    expect(
      spans.filter(
        (s) =>
          s.name.includes('sequential') ||
          s.attributes['mcp.server.name'] === 'sequential-thinking' ||
          s.name === 'phase.intent' ||
          s.attributes['openinference.span.kind'] === 'LLM',
      ),
    ).toEqual([]);

    const history = await runCli(['history', 'getUser', '--workspace', repo.dir, '--json']);
    expect(history.code, history.stderr).toBe(0);
    const entries = JSON.parse(history.stdout) as Entry[];
    const orchestrator = new MCPOrchestrator();
    expect(entries).toEqual([
      expect.objectContaining({
        runId: done.runId,
        command: 'rename function getUser to fetchUser',
        kind: 'rename',
        branch: done.branch,
        commit: done.commit,
        merged: false,
      }),
    ]);
    expect(entries[0]?.symbols).toEqual(['getUser', 'fetchUser']);
    expect(entries[0]?.files).toContain('src/users.js');
    const byNewName = await orchestrator.history({ workspace: repo.dir, symbol: 'fetchUser' });
    expect(byNewName.map((e) => e.runId)).toEqual([done.runId]);
    expect(await orchestrator.history({ workspace: repo.dir, symbol: 'getUserName' })).toEqual([]);

    const { warnings, runId: explainId } = await orchestrator.explain(
      'rename function getUser to loadUser',
      { workspace: repo.dir },
    );
    // `servers` says which stages of the last run (the explain) called each server.
    const reports = await orchestrator.servers({ workspace: repo.dir });
    const calls = Object.fromEntries(reports.map((r) => [r.name, r.lastRun]));
    expect(calls.memory).toEqual({ runId: explainId, calls: { logic: 2 } });
    expect(calls.filesystem).toEqual({ runId: explainId, calls: {} });
    expect(calls['sequential-thinking']).toEqual({ runId: explainId, calls: {} });
    expect(warnings).toContain(
      `LOGIC: getUser was changed by run ${done.runId} ("rename function getUser to fetchUser") on branch ${done.branch} (commit ${done.commit.slice(0, 12)}), which is not merged into ${(await repo.git(['rev-parse', 'HEAD'])).trim().slice(0, 12)}: the two changes may conflict.`,
    );

    await repo.git(['merge', '--quiet', '--ff-only', done.branch]);
    const merged = await orchestrator.history({ workspace: repo.dir, symbol: 'getUser' });
    expect(merged.map((e) => e.merged)).toEqual([true]);
  }, 120_000);
});
