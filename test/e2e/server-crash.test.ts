import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createExampleRepo, type ExampleRepo, REPO_ROOT, runCli } from '../helpers/fixture-repo.js';

describe('a server that dies mid-phase', () => {
  let repo: ExampleRepo | undefined;
  afterAll(() => repo?.cleanup());

  it('is restarted, the call retried, and the run succeeds with the retry recorded', async () => {
    const marker = path.join(tmpdir(), `mcpo-crash-marker-${process.pid}-${Date.now()}`);
    const mcpJson = {
      mcpServers: {
        dependency_graph: {
          command: process.execPath,
          args: [
            path.join(REPO_ROOT, 'test', 'fixtures', 'servers', 'crash-once-proxy.mjs'),
            marker,
            process.execPath,
            path.join(REPO_ROOT, 'dist', 'servers', 'dependency-graph', 'main.js'),
            '--root',
            // Expanded by the orchestrator's .mcp.json loader, not by JavaScript.
            // biome-ignore lint/suspicious/noTemplateCurlyInString: a .mcp.json variable
            '${WORKSPACE_ROOT}',
          ],
          env: { CRASH_ON_TOOL: 'find_definitions' },
        },
      },
    };
    repo = await createExampleRepo({ example: 'users-ts' });
    await repo.write('.mcp.json', JSON.stringify(mcpJson));
    await repo.git(['add', '.mcp.json']);
    await repo.git(['commit', '-q', '-m', 'add .mcp.json']);
    const result = await runCli(
      ['run', 'rename function getUser to fetchUser', '--workspace', repo.dir, '--json'],
      { env: { WORKSPACE_ROOT: repo.dir } },
    );
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(existsSync(marker)).toBe(true);
    const json = JSON.parse(result.stdout) as { phases: Array<{ phase: string; retries: number }> };
    const map = json.phases.find((p) => p.phase === 'map');
    expect(map?.retries).toBeGreaterThanOrEqual(1);
    expect(
      await repo.show('mcp-orchestrator/rename-function-getuser-to-fetchuser', 'src/users.js'),
    ).toContain('export function fetchUser(id)');
  }, 240_000);
});
