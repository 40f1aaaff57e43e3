import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ripgrepFilesContract, ripgrepSearchContract } from '../../contracts/ripgrep.js';
import { DEFAULT_MAX_REPLY_BYTES } from '../shared/reply-cap.js';
import { runTool } from '../shared/tool-result.js';
import { resolveRgPath } from './resolve-rg-path.js';
import { runListFiles, runSearch } from './run-search.js';

/** Options for {@link createRipgrepServer}. */
export interface RipgrepServerOptions {
  /** Workspace root (a real path); every search stays inside it. */
  root: string;
  /** The rg binary. @default RIPGREP_PATH, else the binary in `@vscode/ripgrep` */
  rgPath?: string;
  /** Most matches one search returns before it says `truncated`. @default 10000 */
  maxMatches?: number;
  /** Cap on one reply's JSON, in bytes; a cut reply says `truncated` and `replyCut`. @default 4 MiB */
  maxReplyBytes?: number;
  /** Environment to read `RIPGREP_PATH` from. @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
}

/** The ripgrep MCP server and its tear-down. */
export interface RipgrepServer {
  server: McpServer;
  /** Cancels running searches (killing rg) and closes the server. Safe to call twice. */
  close(): Promise<void>;
}

/** Default cap on matches per search. */
export const DEFAULT_MAX_MATCHES = 10_000;

/**
 * Creates the `ripgrep` MCP server with two tools: `search` (rg `--json`, matches sorted by
 * file, line, column) and `files` (the files a search would read). The binary is looked up on
 * the first call, so a bad `RIPGREP_PATH` comes back as a clear tool error.
 */
export function createRipgrepServer(options: RipgrepServerOptions): RipgrepServer {
  const server = new McpServer({ name: 'ripgrep', version: '0.1.0' });
  const maxMatches = options.maxMatches ?? DEFAULT_MAX_MATCHES;
  const replyLimits = { maxReplyBytes: options.maxReplyBytes ?? DEFAULT_MAX_REPLY_BYTES };
  const closing = new AbortController();
  let rgPathPromise: Promise<string> | undefined;
  const rgPath = (): Promise<string> => {
    rgPathPromise ??= resolveRgPath({
      ...(options.rgPath === undefined ? {} : { rgPath: options.rgPath }),
      ...(options.env === undefined ? {} : { env: options.env }),
    });
    return rgPathPromise;
  };
  const contextFor = async (signal: AbortSignal) => ({
    rgPath: await rgPath(),
    root: options.root,
    signal: AbortSignal.any([signal, closing.signal]),
  });

  server.registerTool(
    ripgrepSearchContract.tool,
    {
      description: ripgrepSearchContract.description,
      inputSchema: ripgrepSearchContract.input,
      outputSchema: ripgrepSearchContract.output,
    },
    (input, extra) =>
      runTool(
        async () => ({ ...(await runSearch(await contextFor(extra.signal), input, maxMatches)) }),
        ripgrepSearchContract.output,
        replyLimits,
      ),
  );

  server.registerTool(
    ripgrepFilesContract.tool,
    {
      description: ripgrepFilesContract.description,
      inputSchema: ripgrepFilesContract.input,
      outputSchema: ripgrepFilesContract.output,
    },
    (input, extra) =>
      runTool(
        async () => ({ ...(await runListFiles(await contextFor(extra.signal), input)) }),
        ripgrepFilesContract.output,
        replyLimits,
      ),
  );

  let closed: Promise<void> | undefined;
  return {
    server,
    close() {
      closed ??= (async () => {
        closing.abort();
        await server.close();
      })();
      return closed;
    },
  };
}
