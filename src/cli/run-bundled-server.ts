import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { OrchestratorError } from '../core/errors.js';

const FOLDERS: Record<string, string> = {
  ripgrep: 'ripgrep',
  dependency_graph: 'dependency-graph',
  'dependency-graph': 'dependency-graph',
  duckdb: 'duckdb',
  pyrepl: 'pyrepl',
};

/** Runs a bundled MCP server in this process on stdio, rooted at `workspace`. */
export async function runBundledServer(name: string, workspace: string): Promise<void> {
  const folder = FOLDERS[name];
  if (folder === undefined) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `There is no bundled server "${name}". Bundled servers: ripgrep, dependency_graph, duckdb, pyrepl.`,
      { data: { name } },
    );
  }
  const root = path.resolve(workspace);
  if (!existsSync(root)) {
    throw new OrchestratorError('BAD_INPUT', `Workspace ${root} does not exist.`, {
      data: { workspace: root },
    });
  }
  const entry = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '..',
    'servers',
    folder,
    'main.js',
  );
  process.argv = [process.argv[0] as string, entry, '--root', realpathSync(root)];
  await import(pathToFileURL(entry).href);
}
