import { OrchestratorError } from '../orchestrator.js';
import { startMcpServer } from '../serve/run-mcp-server.js';

/** Flags of `mcp-orchestrator mcp`. */
export interface McpFlags {
  workspace: string;
  http?: string;
  token?: string;
  idleTimeout: string;
}

/**
 * Serves the orchestrator over MCP until the client hangs up (stdio) or SIGINT/SIGTERM
 * arrives; then runs under way roll back and every server started for them stops.
 */
export async function runMcpCommand(flags: McpFlags): Promise<void> {
  const idleSeconds = Number(flags.idleTimeout);
  if (!(Number.isFinite(idleSeconds) && idleSeconds > 0)) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `--idle-timeout ${JSON.stringify(flags.idleTimeout)} is not a positive number of seconds. Give e.g. --idle-timeout 600.`,
      { data: { flag: '--idle-timeout', value: flags.idleTimeout } },
    );
  }
  const server = await startMcpServer({
    workspace: flags.workspace,
    ...(flags.http !== undefined ? { http: flags.http } : {}),
    ...(flags.token !== undefined ? { token: flags.token } : {}),
    idleTimeoutMs: Math.round(idleSeconds * 1000),
    // stdout belongs to the protocol on stdio: say where we listen on stderr.
    onListening: (where) =>
      process.stderr.write(`mcp-orchestrator MCP server listening on ${where}\n`),
  });
  const stopped = new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  const why = await Promise.race([server.done.then(() => 'the client hung up'), stopped]);
  process.stderr.write(`mcp-orchestrator MCP server stopping (${why})\n`);
  for (const message of await server.close()) process.stderr.write(`shutdown: ${message}\n`);
}
