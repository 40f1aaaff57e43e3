import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReportPlan, ReportResult, RunFiles } from '../../src/report/load-run-files.js';
import type { MemoryLine } from '../../src/telemetry/memory-log.js';
import type { TraceLine } from '../../src/telemetry/trace-file.js';

const START = Date.parse('2026-01-01T12:00:00.000Z');
const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';

/** A span of a fixture trace: times in ms after the run started. */
export function traceLine(
  spanId: string,
  parentSpanId: string | null,
  name: string,
  startMs: number,
  durationMs: number,
  attributes: Record<string, unknown> = {},
  status: TraceLine['status'] = { code: 'OK' },
): TraceLine {
  return {
    traceId: TRACE_ID,
    spanId,
    parentSpanId,
    name,
    startTime: new Date(START + startMs).toISOString(),
    durationMs,
    attributes,
    status,
    events: [],
  };
}

/** The spans of a run in the order its tracer ends them: map retried once, then plan. */
export function fixtureTrace(): TraceLine[] {
  const call = (id: string, parent: string, tool: string, server: string, at: number, ms: number) =>
    traceLine(id, parent, `tools/call ${tool}`, at, ms, {
      'mcp.method.name': 'tools/call',
      'mcp.server.name': server,
      'gen_ai.tool.name': tool,
      'mcp.request.argument_bytes': 40,
      'mcp.response.result_bytes': 2048,
      'mcp.request.retries': 0,
    });
  const phase = (id: string, name: string, attempt: number, at: number, ms: number, ok: boolean) =>
    traceLine(
      id,
      'root',
      `phase.${name}`,
      at,
      ms,
      {
        'orchestrator.phase': name,
        'orchestrator.phase.attempt': attempt,
        'orchestrator.tokens.count': 300 + attempt,
        'orchestrator.tokens.budget': 4096,
        'orchestrator.tokens.run_budget': 28672,
        'orchestrator.tokens.trimmed': false,
      },
      ok ? { code: 'OK' } : { code: 'ERROR', message: 'MCP_SERVER_CRASHED' },
    );
  return [
    traceLine('connect', 'root', 'connect ripgrep', 0, 80, { 'mcp.server.name': 'ripgrep' }),
    call('c1', 'map0', 'search', 'ripgrep', 110, 90),
    phase('map0', 'map', 0, 100, 200, false),
    call('c2', 'map1', 'search', 'ripgrep', 320, 60),
    call('c3', 'map1', 'find_definitions', 'dependency_graph', 330, 140),
    phase('map1', 'map', 1, 300, 250, true),
    traceLine('test', 'plan', 'npm test', 600, 300, {
      'orchestrator.process.label': 'test',
      'process.command_args': ['npm', 'test', '--silent'],
      'process.exit.code': 0,
    }),
    phase('plan', 'plan', 0, 560, 400, true),
    traceLine('root', null, 'run', 0, 1000, {
      'orchestrator.run.id': '20260101T120000Z-a1b2c3',
      'orchestrator.command': 'rename function getUser to fetchUser',
    }),
  ];
}

/** A result.json of a successful run with a Monte Carlo histogram. */
export function fixtureResult(overrides: Partial<ReportResult> = {}): ReportResult {
  return {
    success: true,
    command: 'rename function getUser to fetchUser',
    runId: '20260101T120000Z-a1b2c3',
    durationMs: 1000,
    totalTokens: 602,
    phases: [
      { phase: 'map', success: true, durationMs: 450, tokenCount: 301, retries: 1 },
      { phase: 'plan', success: true, durationMs: 400, tokenCount: 300, retries: 0 },
    ],
    branch: 'mcp-orchestrator/rename-function-getuser-to-fetchuser',
    commit: '0392c636379e0000000000000000000000000000',
    memoryPeakMb: 400,
    risk: {
      seed: 1,
      simulations: 10_000,
      converged: true,
      pBreak: 0.001,
      pBreakUncovered: 0,
      blastRadius: { p50: 0, p95: 0, max: 4 },
      blastRadiusHistogram: [
        { files: 0, simulations: 9990 },
        { files: 1, simulations: 6 },
        { files: 4, simulations: 4 },
      ],
      testsToRun: ['test/users.test.js'],
      riskiestFiles: [{ file: 'src/users.js', pBreak: 0.001 }],
    },
    diffStat: {
      files: [{ file: 'src/users.js', additions: 1, deletions: 1 }],
      additions: 1,
      deletions: 1,
    },
    warnings: [],
    error: null,
    ...overrides,
  };
}

/** A plan.json DAG: two edits, then test and check, then commit. */
export function fixturePlan(): ReportPlan {
  return {
    command: 'rename function getUser to fetchUser',
    tokenBudget: 4096,
    dag: {
      nodes: [
        { id: 'edit:src/users.js', op: 'edit', file: 'src/users.js', edits: [{}, {}] },
        { id: 'edit:src/index.js', op: 'edit', file: 'src/index.js', edits: [{}] },
        { id: 'test', op: 'test', command: ['npm', 'test'] },
        { id: 'check', op: 'check' },
        { id: 'commit', op: 'commit', message: 'Rename getUser to fetchUser' },
      ],
      edges: [
        ['edit:src/users.js', 'test'],
        ['edit:src/index.js', 'test'],
        ['edit:src/users.js', 'check'],
        ['test', 'commit'],
        ['check', 'commit'],
      ],
    },
  };
}

/** A diff.patch of one file. */
export const FIXTURE_DIFF = `diff --git a/src/users.js b/src/users.js
index 802add5..c6b9e2e 100644
--- a/src/users.js
+++ b/src/users.js
@@ -1,3 +1,3 @@
-export function getUser(id) {
+export function fetchUser(id) {
   return USERS.get(id); // <b>not markup</b>
 }
`;

/** Memory samples every 100 ms over the run, one under high pressure. */
export function fixtureMemory(): MemoryLine[] {
  return Array.from({ length: 11 }, (_, i) => ({
    timestamp: START + i * 100,
    treeRssMb: 100 + i * 30,
    rssMb: 100 + i,
    ratio: 0.1 + i * 0.05,
    highPressure: i === 9,
  }));
}

/** Every file of a fixture run, as {@link loadRunFiles} returns them. */
export function fixtureRunFiles(overrides: Partial<RunFiles> = {}): RunFiles {
  return {
    runDir: '/nowhere',
    result: fixtureResult(),
    plan: fixturePlan(),
    diff: FIXTURE_DIFF,
    trace: fixtureTrace(),
    memory: fixtureMemory(),
    problems: [],
    ...overrides,
  };
}

/** Writes a fixture run's files into `<root>/.mcp-orchestrator/runs/<runId>/`; returns the folder. */
export async function writeFixtureRunFolder(root: string, runId: string): Promise<string> {
  const runDir = path.join(root, '.mcp-orchestrator', 'runs', runId);
  await mkdir(runDir, { recursive: true });
  const lines = (rows: unknown[]) => rows.map((row) => `${JSON.stringify(row)}\n`).join('');
  await Promise.all([
    writeFile(path.join(runDir, 'result.json'), JSON.stringify(fixtureResult({ runId }), null, 2)),
    writeFile(path.join(runDir, 'plan.json'), JSON.stringify(fixturePlan(), null, 2)),
    writeFile(path.join(runDir, 'diff.patch'), FIXTURE_DIFF),
    writeFile(path.join(runDir, 'trace.jsonl'), lines(fixtureTrace())),
    writeFile(path.join(runDir, 'memory.jsonl'), lines(fixtureMemory())),
  ]);
  return runDir;
}
