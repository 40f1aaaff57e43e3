import { mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPythonAnalysisServer,
  type PythonAnalysisServer,
} from '../../../src/servers/python-analysis/create-python-analysis-server.js';
import {
  createPythonFixture,
  type PythonFixture,
  writeFiles,
} from '../../fixtures/lang-python/create-python-fixture.js';
import { connectInMemory, type InMemoryClient } from './connect-in-memory.js';

const JOBS = Object.fromEntries(
  Array.from({ length: 8 }, (_, i) => [
    `jobs/job${i}.py`,
    `import time\n\nasync def run${i}():\n    time.sleep(1)\n`,
  ]),
);

describe('python_analysis server: what it refuses to read and how it cuts replies', () => {
  let outside: PythonFixture;
  let fixture: PythonFixture;
  const servers: PythonAnalysisServer[] = [];
  let python: InMemoryClient;

  async function start(options: { maxReplyBytes?: number } = {}): Promise<InMemoryClient> {
    const server = createPythonAnalysisServer({ root: fixture.root, ...options });
    servers.push(server);
    return connectInMemory(server.server);
  }

  beforeAll(async () => {
    outside = await createPythonFixture({
      'secret.py': 'SECRET_TOKEN = "hunter2"\n\ndef secret_fn():\n    pass\n',
      'pkg/__init__.py': '',
      'pkg/lib.py': 'def helper():\n    return "hunter2"\n',
    });
    fixture = await createPythonFixture({
      'app/__init__.py': '',
      'app/main.py': 'from vendor.lib import helper\n\nhelper()\n',
      '.mcp-orchestrator/state.py': 'X = 1\n',
      ...JOBS,
    });
    await mkdir(path.join(fixture.root, '.git', 'hooks'), { recursive: true });
    await writeFiles(fixture.root, { '.git/hooks/pre_commit.py': 'HOOK = 1\n' });
    await symlink(path.join(outside.root, 'secret.py'), path.join(fixture.root, 'link.py'));
    await symlink(path.join(outside.root, 'pkg'), path.join(fixture.root, 'vendor'));
    await symlink('.git', path.join(fixture.root, 'gitlink'));
    python = await start();
  });

  afterAll(async () => {
    await Promise.allSettled(servers.map((server) => server.close()));
    await fixture?.cleanup();
    await outside?.cleanup();
  });

  it('refuses a .py file that is a link to a file outside the workspace, in every tool', async () => {
    const at = { file: 'link.py', line: 3, column: 5 };
    const calls: Array<[string, Record<string, unknown>]> = [
      ['symbols', { file: 'link.py' }],
      ['scopes', at],
      ['references', at],
      ['rename_locations', { ...at, newName: 'other' }],
      ['call_hierarchy', { ...at, direction: 'incoming' }],
      ['async_analysis', { file: 'link.py' }],
      ['symbols', { file: 'vendor/lib.py' }],
    ];
    for (const [tool, args] of calls) {
      const error = await python.callError(tool, args);
      expect(error.code, tool).toBe('PATH_OUTSIDE_WORKSPACE');
      expect(error.message).toContain(JSON.stringify(args.file));
      expect(JSON.stringify(error)).not.toContain('hunter2');
    }
  });

  it('refuses files in .git and .mcp-orchestrator, by name and through a link', async () => {
    for (const file of ['.git/hooks/pre_commit.py', 'gitlink/hooks/pre_commit.py']) {
      const error = await python.callError('symbols', { file });
      expect(error.code, file).toBe('UNSAFE_PATH');
      expect(error.message).toContain(`${JSON.stringify(file)} is in .git/`);
    }
    const state = await python.callError('async_analysis', { file: '.mcp-orchestrator/state.py' });
    expect(state.code).toBe('UNSAFE_PATH');
  });

  it('drops references in files linked from outside and names them in skippedFiles', async () => {
    const result = await python.call('references', { file: 'app/main.py', line: 3, column: 1 });
    const references = result.references as Array<{ file: string; lineText: string }>;
    expect(references.map((r) => r.file)).toEqual(['app/main.py', 'app/main.py']);
    expect(JSON.stringify(result)).not.toContain('hunter2');
    expect(result.skippedFiles).toEqual(['vendor/lib.py']);
  });

  it('cuts a reply over the byte cap and says how many files it dropped', async () => {
    const capped = await start({ maxReplyBytes: 1500 });
    const result = await capped.call('async_analysis', {});
    const files = result.files as Array<{ file: string }>;
    const cut = result.replyCut as { maxReplyBytes: number; dropped: { files: number } };
    expect(result.truncated).toBe(true);
    expect(cut.maxReplyBytes).toBe(1500);
    expect(files.length).toBeGreaterThan(0);
    expect(files.length + cut.dropped.files).toBe(Object.keys(JOBS).length + 2);
    expect(await capped.replyBytes('async_analysis', {})).toBeLessThanOrEqual(1500);
  });
});
