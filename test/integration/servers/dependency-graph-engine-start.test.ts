import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createDependencyGraphServer } from '../../../src/servers/dependency-graph/create-dependency-graph-server.js';
import { connectInMemory } from './connect-in-memory.js';

/** pyright language servers started by this test process (the server runs in-process). */
function pyrightChildren(): string[] {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], {
    encoding: 'utf8',
  });
  return out.split('\n').filter((line) => line.includes('langserver.index.js'));
}

describe('dependency_graph find_definitions and the language engines', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('starts no pyright for a name declared nowhere (the run refuses it next)', async () => {
    const root = await realpath(await mkdtemp(path.join(tmpdir(), 'dg-engine-')));
    await mkdir(path.join(root, 'pkg'));
    await writeFile(path.join(root, 'pkg', 'a.py'), 'def f():\n    return 1\n');
    const server = createDependencyGraphServer({ root });
    const client = await connectInMemory(server.server);
    cleanups.push(async () => {
      await client.client.close();
      await server.close();
      await rm(root, { recursive: true, force: true });
    });
    const before = pyrightChildren().length;
    const reply = await client.call('find_definitions', { name: 'no_such_thing' });
    expect(reply.definitions).toEqual([]);
    // The engines of declaring languages start 20 ms after the answer; give it ten times that.
    await sleep(200);
    expect(pyrightChildren()).toHaveLength(before);
  });
});
