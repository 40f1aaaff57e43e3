import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  type MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node.js';
import type { ConfigurationParams, InitializeParams } from 'vscode-languageserver-protocol';
import { codeCachePreloadFile } from '../../../process/code-cache.js';
import { type ManagedProcess, spawnProcess } from '../../../process/index.js';
import { type PyrightSettings, readWorkspaceConfiguration } from './pyright-configuration.js';

/** pyright logs this once it has enumerated the workspace; requests before it see one file. */
const FILE_LISTING_LOG = /^(Found \d+ source files?|No source files found)/;

const require = createRequire(import.meta.url);

/** The absolute path of pyright's language server entry (installed package, never npx). */
export function resolvePyrightLangserver(): string {
  return require.resolve('pyright/langserver.index.js');
}

/** Node's flags that make pyright compile from the build's code caches (none if not built). */
function codeCacheFlags(): string[] {
  const preload = codeCachePreloadFile();
  return existsSync(preload) ? ['--import', pathToFileURL(preload).href] : [];
}

/** A pyright process and its (listening) LSP connection. */
export interface SpawnedPyright {
  process: ManagedProcess;
  connection: MessageConnection;
  /** The last 2,000 characters pyright wrote to stderr. */
  stderrTail(): string;
}

/** Options for {@link spawnPyright}. */
export interface SpawnPyrightOptions {
  root: string;
  settings: PyrightSettings;
  /** Called each time pyright reports it has listed the workspace's files. */
  onFileListing: () => void;
}

/**
 * Spawns `node pyright/langserver.index.js --stdio` with the running Node (through the process
 * module: own process group, exit hook, stop in steps), answers its
 * `workspace/configuration` requests from `settings` (null for other server requests), and
 * watches its log for file listings. The caller sends `initialize`.
 */
export function spawnPyright(options: SpawnPyrightOptions): SpawnedPyright {
  const child = spawnProcess(
    [process.execPath, ...codeCacheFlags(), resolvePyrightLangserver(), '--stdio'],
    { cwd: options.root },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-2000);
  });
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin as NonNullable<typeof child.stdin>),
  );
  connection.onRequest((method: string, params: unknown) =>
    method === 'workspace/configuration'
      ? readWorkspaceConfiguration(params as ConfigurationParams, options.settings)
      : null,
  );
  connection.onNotification('window/logMessage', (params: { message?: string }) => {
    if (typeof params.message === 'string' && FILE_LISTING_LOG.test(params.message)) {
      options.onFileListing();
    }
  });
  connection.onError(() => {});
  connection.listen();
  return { process: child, connection, stderrTail: () => stderr };
}

/** `initialize` params: one workspace folder, the capabilities the adapter uses. */
export function createInitializeParams(root: string): InitializeParams {
  const rootUri = pathToFileURL(root).href;
  return {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
    capabilities: {
      workspace: {
        configuration: true,
        workspaceFolders: true,
        // Lets us report file changes; pyright then re-lists the workspace for added files.
        didChangeWatchedFiles: { dynamicRegistration: true },
      },
      textDocument: {
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        rename: { prepareSupport: true },
        references: {},
        callHierarchy: {},
        // Lets us pull a file's diagnostics (pyright registers the capability dynamically).
        diagnostic: { dynamicRegistration: true },
      },
    },
  };
}
