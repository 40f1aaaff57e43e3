// Bundles the processes a run starts — the CLI, our MCP servers and the two official servers a
// run talks to — each into a few files, after `tsc` has built dist/. Node 20 has no compile
// cache, and loading ~1,000 small ES modules (ours, zod, the MCP SDK, ajv, OpenTelemetry) cost
// each process 0.3–0.5 s of CPU at every start; a bundle loads in a third of that.
//
// The CLI and our servers are bundled in place (dist/cli/main.js, dist/servers/<name>/main.js),
// sharing chunks in dist/chunks/; every other dist/ file stays as tsc wrote it (the library).
// The official filesystem and memory servers become dist/servers/official/server-<name>.js.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Loaded at run time where they are installed: native code, binaries found beside their own
 * files, a compiler loaded with `require`, servers spawned from their packages. */
const EXTERNAL = [
  'better-sqlite3',
  '@duckdb/*',
  'usearch',
  'typescript',
  'pyright',
  '@vscode/ripgrep',
  '@modelcontextprotocol/server-*',
];

// An ES module bundle has no `require`; a CommonJS dependency that calls it gets Node's.
const BANNER = {
  js: "import { createRequire as __bundleCreateRequire } from 'node:module'; const require = __bundleCreateRequire(import.meta.url);",
};

const COMMON = {
  absWorkingDir: ROOT,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Names stay as written: errors and logs name their classes and functions.
  keepNames: true,
  banner: BANNER,
  logLevel: 'warning',
  metafile: true,
};

const ENTRIES = [
  'dist/cli/main.js',
  'dist/servers/ripgrep/main.js',
  'dist/servers/dependency-graph/main.js',
  'dist/servers/pyrepl/main.js',
  'dist/servers/duckdb/main.js',
];

// Chunks of an earlier build would stay beside the new ones.
rmSync(path.join(ROOT, 'dist', 'chunks'), { recursive: true, force: true });
rmSync(path.join(ROOT, 'dist', 'servers', 'official'), { recursive: true, force: true });

const ours = await build({
  ...COMMON,
  entryPoints: ENTRIES,
  outbase: 'dist',
  outdir: 'dist',
  entryNames: '[dir]/[name]',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  allowOverwrite: true,
  external: EXTERNAL,
});
checkImportMetaDepth(ours.metafile);
// What each output holds, for anyone asking which modules a process loads (the tests do).
writeFileSync(path.join(ROOT, 'dist', 'bundle-meta.json'), JSON.stringify(ours.metafile));

for (const name of ['filesystem', 'memory']) {
  await build({
    ...COMMON,
    entryPoints: [
      path.join('node_modules', '@modelcontextprotocol', `server-${name}`, 'dist', 'index.js'),
    ],
    outfile: path.join('dist', 'servers', 'official', `server-${name}.js`),
  });
}

/**
 * Code that finds files from `import.meta.url` (package.json, the examples, the servers) counts
 * folders up from where tsc put it. Fails the build if a bundle moved such code to another depth
 * under the package, where those paths would point elsewhere. `createRequire(import.meta.url)`
 * alone finds packages, which works from any depth.
 */
function checkImportMetaDepth(metafile) {
  const depth = (file) => path.relative(ROOT, path.resolve(ROOT, file)).split(path.sep).length;
  const moved = [];
  for (const [output, { inputs }] of Object.entries(metafile.outputs)) {
    for (const input of Object.keys(inputs)) {
      if (input.includes('node_modules')) continue;
      const text = readFileSync(path.join(ROOT, input), 'utf8').replaceAll(
        /createRequire\(import\.meta\.url\)/g,
        '',
      );
      if (!text.includes('import.meta')) continue;
      if (depth(input) !== depth(output)) moved.push(`${input} → ${output}`);
    }
  }
  if (moved.length > 0) {
    throw new Error(
      `These modules read import.meta.url but the bundle put them at another folder depth, so the paths they build would be wrong: ${moved.join(', ')}. Keep them in a chunk (import them from two entries) or drop the import.meta use.`,
    );
  }
}
