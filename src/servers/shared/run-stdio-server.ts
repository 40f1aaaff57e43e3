import { realpathSync } from 'node:fs';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';

/** Reads `--root <dir>` from argv, else `WORKSPACE_ROOT`, else the current directory. */
export function resolveServerRoot(argv: readonly string[] = process.argv.slice(2)): string {
  const index = argv.indexOf('--root');
  const fromArgv = index === -1 ? undefined : argv[index + 1];
  return realpathSync(fromArgv ?? process.env.WORKSPACE_ROOT ?? process.cwd());
}

/**
 * Serves `server` on stdio until stdin closes or SIGTERM/SIGINT arrives, then runs `onClose`
 * (ending language servers and other children) and exits.
 */
export async function runStdioServer(
  server: McpServer,
  onClose: () => Promise<void> = async () => {},
): Promise<void> {
  let closing = false;
  const shutdown = async (): Promise<void> => {
    if (closing) return;
    closing = true;
    await Promise.allSettled([onClose(), server.close()]);
    process.exit(0);
  };
  process.stdin.on('end', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
  await server.connect(new StdioServerTransport());
}
