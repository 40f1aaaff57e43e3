import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, createExampleRepo, type ExampleRepo, REPO_ROOT } from '../helpers/fixture-repo.js';

const execFileAsync = promisify(execFile);

/**
 * The MCP Inspector's CLI (0.x, which runs on Node 20). Its 0.22.0 looks for its own
 * package.json relative to the current folder, so it runs from its build folder.
 */
const INSPECTOR_DIR = path.join(
  REPO_ROOT,
  'node_modules',
  '@modelcontextprotocol',
  'inspector-cli',
  'build',
);

/** Runs the Inspector CLI against `mcp-orchestrator mcp` on stdio and parses what it prints. */
async function inspect(args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await execFileAsync(
    process.execPath,
    [
      path.join(INSPECTOR_DIR, 'index.js'),
      ...args,
      '--transport',
      'stdio',
      process.execPath,
      CLI,
      'mcp',
    ],
    { cwd: INSPECTOR_DIR, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe('the MCP Inspector CLI drives mcp-orchestrator mcp', () => {
  let repo: ExampleRepo;

  beforeAll(async () => {
    repo = await createExampleRepo({ example: 'users-ts' });
  });

  afterAll(() => repo?.cleanup());

  // One invocation (each starts a server): the Inspector's tools/call lists the tools first, and
  // its SDK client checks the structured content against the output schema it listed.
  it('lists the tools and calls plan_change, getting the plan and the risk as structured content', async () => {
    const planned = (await inspect([
      '--method',
      'tools/call',
      '--tool-name',
      'plan_change',
      '--tool-arg',
      'command=rename function getUser to fetchUser',
      `workspace=${repo.dir}`,
    ])) as {
      isError?: boolean;
      structuredContent: {
        success: boolean;
        runId: string;
        risk: { pBreak: number };
        plan: { dag: { nodes: Array<{ id: string; file?: string }> } };
      };
    };
    expect(planned.isError).not.toBe(true);
    expect(planned.structuredContent.success).toBe(true);
    expect(planned.structuredContent.risk.pBreak).toBeGreaterThanOrEqual(0);
    const edited = planned.structuredContent.plan.dag.nodes.flatMap((node) =>
      node.id.startsWith('edit:') && node.file ? [node.file] : [],
    );
    expect(edited).toContain('src/users.js');
    expect(await repo.git(['branch', '--list', 'mcp-orchestrator/*'])).toBe('');
  }, 120_000);
});
