/**
 * What writing through the filesystem MCP server costs EXECUTE. Prints medians, against
 * baselines measured in the same run: starting a server per run (spawn, initialize, list tools)
 * against re-rooting the running one through MCP roots; and applying the same edits to many
 * files with the exact writer alone against through the server (then read back and compared).
 * Run with `npm run bench:writes`; BENCH_WRITES_FILES sets the file count (default 200).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FileChange } from '../src/core/change/change-types.js';
import { createWorkspaceFiles } from '../src/files/index.js';
import { createClientPool } from '../src/mcp/client-pool.js';
import { createDefaultServers } from '../src/mcp/default-servers.js';
import type { McpServerConfig } from '../src/mcp/mcp-config-schema.js';
import { createFilesystemWriter } from '../src/orchestrator/filesystem-writer.js';

const FILES = Number(process.env.BENCH_WRITES_FILES ?? 200);
const ROUNDS = 7;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const time = async (body: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await body();
  return performance.now() - started;
};

const base = realpathSync(mkdtempSync(path.join(tmpdir(), 'mcpo-bench-writes-')));
const checkout = path.join(base, 'repo');
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, stdio: 'pipe' });
mkdirSync(path.join(checkout, 'src'), { recursive: true });
const line = (i: number) => `export function getUser${i % 7}(id: number) { return getUser(id); }\n`;
for (let file = 0; file < FILES; file += 1) {
  const text = Array.from({ length: 100 }, (_, i) => line(i)).join('');
  writeFileSync(path.join(checkout, 'src', `f${file}.ts`), `${text}export const last = getUser;\n`);
}
git(checkout, 'init', '-q', '-b', 'main');
git(checkout, 'add', '.');
git(checkout, '-c', 'user.name=b', '-c', 'user.email=b@b', 'commit', '-qm', 'base');
const worktrees = ['a', 'b'].map((name) => {
  const dir = path.join(checkout, '.mcp-orchestrator', 'worktrees', name);
  git(checkout, 'worktree', 'add', '-q', '-b', `bench-${name}`, dir);
  return dir;
});

// One edit per file, near its end, whose text occurs many times earlier in the file.
const changes: FileChange[] = Array.from({ length: FILES }, (_, file) => ({
  op: 'edit',
  file: `src/f${file}.ts`,
  edits: [
    {
      start: [101, 21],
      end: [101, 28],
      oldText: 'getUser',
      newText: 'fetchUser',
      reason: 'bench',
    },
  ],
}));

const filesystem = createDefaultServers(checkout).filesystem as McpServerConfig;
const spawnMs: number[] = [];
for (let round = 0; round < 3; round += 1) {
  const pool = createClientPool({ workspace: checkout, servers: { filesystem }, parallelism: 8 });
  spawnMs.push(await time(() => pool.connect(['filesystem'])));
  await pool.close();
}

const pool = createClientPool({
  workspace: checkout,
  servers: { filesystem },
  rootsFor: ['filesystem'],
  parallelism: 8,
});
await pool.connect(['filesystem']);
const writer = () => createFilesystemWriter({ pool, tools: pool, fromConfig: false });
const rerootMs: number[] = [];
for (let round = 0; round < 10; round += 1) {
  const worktree = worktrees[round % 2] as string;
  rerootMs.push(await time(() => writer().open(worktree)));
}

const worktree = worktrees[0] as string;
const reset = () => git(worktree, 'checkout', '-q', '--', '.');
const directMs: number[] = [];
const serverMs: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  for (const through of round % 2 === 0 ? [false, true] : [true, false]) {
    reset();
    const files = createWorkspaceFiles(worktree, through ? { server: writer() } : {});
    const ms = await time(() => files.applyChanges(changes));
    (through ? serverMs : directMs).push(ms);
  }
}
await pool.close();
rmSync(base, { recursive: true, force: true });

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
console.log(`filesystem server writes (${FILES} files of 101 lines, one edit each; medians)`);
console.log(`  start a server per run (spawn, initialize, list tools): ${fmt(median(spawnMs))}`);
console.log(`  re-root the running one at a worktree (MCP roots):     ${fmt(median(rerootMs))}`);
console.log(`  ratio start / re-root: ${(median(spawnMs) / median(rerootMs)).toFixed(0)}×`);
console.log(`  apply, exact writer alone:                 ${fmt(median(directMs))}`);
console.log(`  apply through the server (+ read back):    ${fmt(median(serverMs))}`);
console.log(`  ratio server / direct: ${(median(serverMs) / median(directMs)).toFixed(2)}×`);
console.log(`  per file through the server: ${fmt(median(serverMs) / FILES)}`);
