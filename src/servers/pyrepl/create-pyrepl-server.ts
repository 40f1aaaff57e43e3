import { realpathSync } from 'node:fs';
import path from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { pyreplExecuteContract, pyreplRestartContract } from '../../contracts/pyrepl.js';
import { OrchestratorError } from '../../core/errors.js';
import { resolvePythonPath } from '../../lang/python/engine/resolve-python-path.js';
import { runTool } from '../shared/tool-result.js';
import { PythonSession } from './python-session.js';

/** Options for {@link createPyreplServer}. */
export interface PyreplServerOptions {
  /** Server root (a real path): every workspace is this folder or one inside it. */
  root: string;
  /** Interpreter for every workspace. @default the workspace's .venv/venv, then the root's, then `python3` */
  python?: string;
  /** Interpreters kept at once; the least recently used is ended past it. @default 4 */
  maxSessions?: number;
  /** Time limit when a call gives none, in ms. @default 10000 */
  defaultTimeoutMs?: number;
}

/** The pyrepl MCP server and its tear-down. */
export interface PyreplServer {
  server: McpServer;
  /** Ends every interpreter and closes the server. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Creates the `pyrepl` MCP server: `execute` (code in a persistent interpreter per workspace,
 * with a time and output limit, confined to the workspace) and `restart`.
 */
export function createPyreplServer(options: PyreplServerOptions): PyreplServer {
  const server = new McpServer({ name: 'pyrepl', version: '0.1.0' });
  const sessions = new Map<string, PythonSession>();
  const maxSessions = options.maxSessions ?? 4;

  const workspaceOf = (relative: string | undefined): string => {
    const wanted = path.resolve(options.root, relative ?? '.');
    let real: string;
    try {
      real = realpathSync(wanted);
    } catch {
      throw new OrchestratorError('BAD_INPUT', `Workspace ${wanted} does not exist.`, {
        data: { workspace: relative },
      });
    }
    const inside = path.relative(options.root, real);
    if (inside.startsWith('..') || path.isAbsolute(inside)) {
      throw new OrchestratorError(
        'PATH_OUTSIDE_WORKSPACE',
        `Workspace ${relative} is outside the pyrepl root ${options.root}.`,
        { data: { workspace: relative, root: options.root } },
      );
    }
    return real;
  };

  const sessionFor = (workspace: string): PythonSession => {
    let session = sessions.get(workspace);
    if (session) {
      sessions.delete(workspace);
    } else {
      const python =
        options.python ??
        [resolvePythonPath(workspace), resolvePythonPath(options.root)].find(
          (candidate) => candidate !== 'python3',
        ) ??
        'python3';
      session = new PythonSession(workspace, python);
    }
    sessions.set(workspace, session);
    for (const [key, old] of sessions) {
      if (sessions.size <= maxSessions) break;
      sessions.delete(key);
      void old.close();
    }
    return session;
  };

  server.registerTool(
    pyreplExecuteContract.tool,
    {
      description: pyreplExecuteContract.description,
      inputSchema: pyreplExecuteContract.input,
      outputSchema: pyreplExecuteContract.output,
    },
    (input, extra) =>
      runTool(async () => {
        const session = sessionFor(workspaceOf(input.workspace));
        const result = await session.execute(input.code, {
          timeoutMs: input.timeoutMs ?? options.defaultTimeoutMs ?? 10_000,
          maxOutputChars: input.maxOutputChars ?? 65_536,
          signal: extra.signal,
        });
        return { ...result, python: session.python };
      }, pyreplExecuteContract.output),
  );

  server.registerTool(
    pyreplRestartContract.tool,
    {
      description: pyreplRestartContract.description,
      inputSchema: pyreplRestartContract.input,
      outputSchema: pyreplRestartContract.output,
    },
    (input) =>
      runTool(async () => {
        const session = sessions.get(workspaceOf(input.workspace));
        const running = session?.state === 'running';
        await session?.restart();
        return { restarted: running };
      }, pyreplRestartContract.output),
  );

  let closed: Promise<void> | undefined;
  return {
    server,
    close() {
      closed ??= (async () => {
        await Promise.allSettled([...sessions.values()].map((session) => session.close()));
        sessions.clear();
        await server.close();
      })();
      return closed;
    },
  };
}
