// Records the V8 code caches of the large CommonJS files a run loads (the TypeScript compiler
// in dependency_graph, pyright's language server), after the bundle step: it starts the built
// dependency_graph server on a small TypeScript and Python workspace with recording on, asks it
// what a rename asks (declarations, the rename's edits, the type check), and writes
// dist/code-cache/ (the caches and manifest.json). See src/process/code-cache.ts. A language
// whose workload fails (no python3 on the machine) is left without a cache, with a warning: its
// processes then compile as usual.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist', 'code-cache');
// Run after tsc: the recording mode's switch comes from the built module.
const { RECORD_ENV } = await import(new URL('../dist/process/code-cache.js', import.meta.url).href);

const WORKSPACE_FILES = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'NodeNext', strict: true, noEmit: true },
  }),
  'src/total.ts':
    'export function total(xs: number[]): number {\n  return xs.reduce((a, b) => a + b, 0);\n}\n',
  'src/use.ts':
    "import { total } from './total.js';\n\nexport const sum: number = total([1, 2, 3]);\n",
  'pkg/__init__.py': '',
  'pkg/core.py': 'def total_of(xs: list[int]) -> int:\n    return sum(xs)\n',
  'pkg/use.py': 'from pkg.core import total_of\n\nVALUE: int = total_of([1, 2, 3])\n',
};

const workspace = mkdtempSync(path.join(tmpdir(), 'mcpo-code-cache-'));
const recorded = mkdtempSync(path.join(tmpdir(), 'mcpo-code-cache-out-'));
try {
  for (const [file, text] of Object.entries(WORKSPACE_FILES)) {
    mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
    writeFileSync(path.join(workspace, file), text);
  }
  const git = (...args) =>
    execFileSync('git', ['-c', 'user.name=build', '-c', 'user.email=build@localhost', ...args], {
      cwd: workspace,
      stdio: 'ignore',
    });
  git('init', '--quiet');
  git('add', '--all');
  git('commit', '--quiet', '-m', 'workspace');

  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [path.join(ROOT, 'dist', 'servers', 'dependency-graph', 'main.js'), '--root', workspace],
    env: { ...process.env, [RECORD_ENV]: recorded },
    stderr: 'inherit',
  });
  const client = new Client({ name: 'code-cache-build', version: '1' });
  await client.connect(transport);
  const call = async (name, args) => {
    const result = await client.callTool({ name, arguments: args });
    if (result.isError) throw new Error(`${name}: ${JSON.stringify(result.content)}`);
    return result;
  };
  const failed = new Set();
  for (const [name, file, column, newName] of [
    ['total', 'src/total.ts', 17, 'totalOf'],
    ['total_of', 'pkg/core.py', 5, 'sum_of'],
  ]) {
    try {
      await call('find_definitions', { name });
      await call('compute_edits', {
        transform: 'rename',
        file,
        line: 1,
        column,
        args: { newName },
      });
      await call('diagnostics', { files: [file], importers: true });
    } catch (error) {
      failed.add(file);
      warn(
        `the ${file} workload failed (${error.message}); what it loads is recorded only as far as it got.`,
      );
    }
  }
  await client.close();
  // The server, and pyright unless the Python workload failed.
  await waitForRecords(recorded, failed.has('pkg/core.py') ? 1 : 2);

  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const files = {};
  for (const name of readdirSync(recorded)) {
    if (!name.startsWith('recorded-')) continue;
    for (const entry of JSON.parse(readFileSync(path.join(recorded, name), 'utf8'))) {
      writeFileSync(path.join(OUT, entry.cache), readFileSync(path.join(recorded, entry.cache)));
      files[entry.key] = { sha1: entry.sha1, cache: entry.cache };
    }
  }
  const keys = Object.keys(files);
  for (const [prefix, what] of [
    ['typescript.js:', 'the TypeScript compiler'],
    ['pyright-internal.js:', 'pyright'],
  ]) {
    if (!keys.some((k) => k.startsWith(prefix))) {
      warn(`nothing recorded for ${what}; it compiles as usual at every start.`);
    }
  }
  writeFileSync(
    path.join(OUT, 'manifest.json'),
    JSON.stringify({ v8: process.versions.v8, files }, null, 2),
  );
} finally {
  rmSync(workspace, { recursive: true, force: true });
  rmSync(recorded, { recursive: true, force: true });
}

function warn(message) {
  process.stderr.write(`code cache: ${message}\n`);
}

/** The server and pyright write their records as they exit, which may follow the close. */
async function waitForRecords(folder, processes) {
  const deadline = Date.now() + 20_000;
  while (readdirSync(folder).filter((n) => n.startsWith('recorded-')).length < processes) {
    if (Date.now() > deadline) {
      warn(`only ${readdirSync(folder).join(', ') || 'nothing'} recorded within 20 s.`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
