import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { OrchestratorError } from '../core/errors.js';
import { listRuns, readRun } from '../orchestrator.js';
import { type ServeContext, toRunFileUri } from './serve-context.js';

/** The files of a run served as resources, with their MIME types. */
const SERVED: Readonly<Record<string, string>> = {
  'plan.json': 'application/json',
  'result.json': 'application/json',
  'diff.patch': 'text/x-diff',
};

/** Most runs listed per repository in `resources/list`. */
const LISTED_RUNS = 50;

/**
 * Registers `mcp-orchestrator://runs/{runId}/{file}`: each run's plan.json, result.json and
 * diff.patch, listed for the repositories this server has run in (and its default workspace).
 */
export function registerRunResources(server: McpServer, context: ServeContext): void {
  const template = new ResourceTemplate('mcp-orchestrator://runs/{runId}/{file}', {
    list: async () => {
      const roots = await knownRoots(context);
      const listed = await Promise.all(
        roots.map((root) => listRuns(root, { limit: LISTED_RUNS }).catch(() => undefined)),
      );
      return {
        resources: listed.flatMap((found) =>
          (found?.runs ?? []).flatMap((run) =>
            run.files
              .filter((file) => SERVED[file] !== undefined)
              .map((file) => ({
                uri: toRunFileUri(run.runId, file),
                name: `${run.runId}/${file}`,
                title: `${file} of ${run.command ?? run.runId}`,
                mimeType: SERVED[file],
              })),
          ),
        ),
      };
    },
    complete: { file: () => Object.keys(SERVED) },
  });
  server.registerResource(
    'run-file',
    template,
    {
      title: "A run's plan.json, result.json or diff.patch",
      description: 'The files a run leaves in .mcp-orchestrator/runs/<runId>/.',
    },
    async (uri, variables) => {
      const runId = String(variables.runId);
      const file = String(variables.file);
      const mimeType = SERVED[file];
      if (mimeType === undefined) {
        throw new OrchestratorError(
          'BAD_INPUT',
          `${uri.href}: a run serves ${Object.keys(SERVED).join(', ')}, not ${JSON.stringify(file)}.`,
        );
      }
      const runDir = await findRun(context, runId);
      const text = await readFile(path.join(runDir, file), 'utf8').catch(() => {
        throw new OrchestratorError('BAD_INPUT', `Run ${runId} has no ${file} (yet).`);
      });
      return { contents: [{ uri: uri.href, mimeType, text }] };
    },
  );
}

/** The run folder of `runId` in one of the known repositories. */
async function findRun(context: ServeContext, runId: string): Promise<string> {
  for (const root of await knownRoots(context)) {
    const run = await readRun(root, runId).catch(() => undefined);
    if (run !== undefined) return run.runDir;
  }
  throw new OrchestratorError(
    'BAD_INPUT',
    `No run ${runId} in ${[...context.roots].join(', ') || context.defaultWorkspace}. Take a run id from list_runs.`,
  );
}

/** The roots runs were made in, plus the default workspace's repository (when it is one). */
async function knownRoots(context: ServeContext): Promise<string[]> {
  if (context.roots.size === 0) {
    const found = await listRuns(context.defaultWorkspace, { limit: 1 }).catch(() => undefined);
    if (found !== undefined) context.roots.add(found.root);
  }
  return [...context.roots];
}
