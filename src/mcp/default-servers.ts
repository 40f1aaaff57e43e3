import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot } from '../core/package-root.js';
import type { McpServersConfig, StdioServerConfig } from './mcp-config-schema.js';

const require = createRequire(import.meta.url);

/** Names of the built-in servers, in start order. */
export const DEFAULT_SERVER_NAMES = [
  'filesystem',
  'memory',
  'sequential-thinking',
  'ripgrep',
  'dependency_graph',
  'pyrepl',
] as const;

/** Folder of the built servers (`dist/servers` of this package, from src/ too: tests run it). */
function bundledServersDir(): string {
  return path.join(packageRoot(), 'dist', 'servers');
}

/** The entry script of an installed official server package (its `bin`). */
function officialServerScript(packageName: string): string {
  const manifestPath = require.resolve(`${packageName}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    bin?: string | Record<string, string>;
  };
  const bin =
    typeof manifest.bin === 'string' ? manifest.bin : Object.values(manifest.bin ?? {})[0];
  return path.resolve(path.dirname(manifestPath), bin ?? 'dist/index.js');
}

/**
 * An official server as the build bundled it from its installed package (`scripts/bundle.mjs`):
 * the package's own code in one file, which starts in about half the time of its ~300 modules.
 */
function officialServerBundle(name: 'filesystem' | 'memory'): string {
  return path.join(bundledServersDir(), 'official', `server-${name}.js`);
}

function node(script: string, args: string[], env: Record<string, string> = {}): StdioServerConfig {
  return { transport: 'stdio', command: process.execPath, args: [script, ...args], env };
}

/**
 * The built-in servers for `workspace`, all launched with the running Node from installed
 * packages (never a network download): the official filesystem and memory servers (bundled at
 * build) and sequential-thinking, and the bundled ripgrep, dependency_graph and pyrepl (whose
 * interpreter starts on its first `execute`).
 */
export function createDefaultServers(workspace: string): McpServersConfig {
  const root = path.resolve(workspace);
  const bundled = (folder: string): StdioServerConfig =>
    node(path.join(bundledServersDir(), folder, 'main.js'), ['--root', root]);
  return {
    filesystem: node(officialServerBundle('filesystem'), [root]),
    memory: node(officialServerBundle('memory'), [], {
      MEMORY_FILE_PATH: path.join(root, '.mcp-orchestrator', 'memory.jsonl'),
    }),
    'sequential-thinking': node(
      officialServerScript('@modelcontextprotocol/server-sequential-thinking'),
      [],
      { DISABLE_THOUGHT_LOGGING: 'true' },
    ),
    ripgrep: bundled('ripgrep'),
    dependency_graph: bundled('dependency-graph'),
    pyrepl: bundled('pyrepl'),
  };
}
