import { setTimeout as sleep } from 'node:timers/promises';
import { OrchestratorError } from '../core/errors.js';
import type { ToolCaller } from '../core/services.js';
import type { FileServer } from '../files/index.js';
import type { ClientPool } from '../mcp/client-pool.js';

/** The server EXECUTE writes through. */
export const FILESYSTEM_SERVER = 'filesystem';

/** Tools of `@modelcontextprotocol/server-filesystem` the writes need. */
const NEEDED_TOOLS = [
  'edit_file',
  'write_file',
  'move_file',
  'create_directory',
  'list_allowed_directories',
] as const;

const DEFAULT_ROOTED_WITHIN_MS = 3_000;

/** Options for {@link createFilesystemWriter}. */
export interface FilesystemWriterOptions {
  pool: Pick<ClientPool, 'connect' | 'setRoots'>;
  /** Where the calls go (the run's counting caller, so `serverCalls` counts them). */
  tools: ToolCaller;
  /** `.mcp.json` replaces the built-in `filesystem` server. */
  fromConfig: boolean;
  /** How long the server may take to apply new roots, in ms. @default 3000 */
  rootedWithinMs?: number;
}

/**
 * The run's `filesystem` MCP server as a {@link FileServer}. Opening it waits for the server
 * (started in the background earlier), gives it the folder as its only MCP root and waits until
 * `list_allowed_directories` reports exactly that folder: from then on the server's allow-list
 * is the write boundary. A server that lacks the tools, or keeps other directories (one that
 * ignores roots), is refused before anything is written.
 */
export function createFilesystemWriter(options: FilesystemWriterOptions): FileServer {
  const { tools } = options;
  const rootedWithinMs = options.rootedWithinMs ?? DEFAULT_ROOTED_WITHIN_MS;
  const which = options.fromConfig
    ? 'the filesystem server that .mcp.json configures'
    : 'the built-in filesystem server';
  const Which = `T${which.slice(1)}`;
  let opened: Promise<void> | undefined;
  const call = async (tool: string, args: Record<string, unknown>, signal?: AbortSignal) =>
    tools.callTool(FILESYSTEM_SERVER, tool, args, signal ? { signal } : {});
  return {
    open(root, openOptions = {}) {
      opened ??= openAt(root, openOptions.signal);
      return opened;
    },
    async editFile(absolute, edit) {
      await call('edit_file', { path: absolute, edits: [edit] });
    },
    async writeFile(absolute, text) {
      await call('write_file', { path: absolute, content: text });
    },
    async createDirectory(absolute) {
      await call('create_directory', { path: absolute });
    },
    async moveFile(source, destination) {
      await call('move_file', { source, destination });
    },
  };

  async function openAt(root: string, signal: AbortSignal | undefined): Promise<void> {
    const [status] = await options.pool.connect([FILESYSTEM_SERVER], signal ? { signal } : {});
    if (status === undefined || status.state !== 'ready') {
      throw new OrchestratorError(
        'MCP_SERVER_UNAVAILABLE',
        `EXECUTE writes the change through ${which}, which is not running (${status?.error ?? 'not started'}); nothing was written. Run "mcp-orchestrator servers" to see why.`,
        // Not retried: a retried EXECUTE would make a second worktree.
        { data: { server: FILESYSTEM_SERVER } },
      );
    }
    const missing = NEEDED_TOOLS.filter((tool) => !status.tools.includes(tool));
    if (missing.length > 0) {
      throw refuse(
        `${Which} has no ${missing.join(', ')} tool${missing.length === 1 ? '' : 's'}; EXECUTE writes through edit_file, write_file, move_file and create_directory and checks the server's allow-list with list_allowed_directories`,
        { missing },
      );
    }
    await options.pool.setRoots(FILESYSTEM_SERVER, [root]);
    const deadline = performance.now() + rootedWithinMs;
    let allowed: string[] = [];
    for (let waitMs = 2; ; waitMs = Math.min(waitMs * 2, 100)) {
      allowed = await listAllowed(signal);
      if (allowed.length === 1 && allowed[0] === root) return;
      if (performance.now() > deadline) break;
      await sleep(waitMs, undefined, signal ? { signal } : {});
    }
    throw refuse(
      `${Which} did not take the run's worktree ${root} as its only allowed directory through MCP roots within ${rootedWithinMs} ms (it allows ${allowed.join(', ') || 'nothing'})`,
      { root, allowed },
    );
  }

  async function listAllowed(signal: AbortSignal | undefined): Promise<string[]> {
    const reply = (await call('list_allowed_directories', {}, signal)) as {
      content?: unknown;
      text?: unknown;
    };
    const text = typeof reply.content === 'string' ? reply.content : String(reply.text ?? '');
    // "Allowed directories:\n/a\n/b"
    return text
      .split('\n')
      .slice(1)
      .map((line) => line.trim())
      .filter((line) => line !== '');
  }

  function refuse(what: string, data: Record<string, unknown>): OrchestratorError {
    const fix = options.fromConfig
      ? 'Point "filesystem" in .mcp.json at @modelcontextprotocol/server-filesystem (it follows MCP roots), or remove it to use the built-in'
      : 'Reinstall mcp-orchestrator: its @modelcontextprotocol/server-filesystem does not behave as expected';
    return new OrchestratorError(
      options.fromConfig ? 'MCP_CONFIG_INVALID' : 'MCP_SERVER_UNAVAILABLE',
      `${what}, so nothing was written. ${fix}.`,
      { data: { server: FILESYSTEM_SERVER, ...data } },
    );
  }
}
