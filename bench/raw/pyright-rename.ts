/**
 * The raw floor for Python: pyright's language server alone, as an editor would use it — start
 * it on the repository, open the file, ask `textDocument/references` (which reads unopened files
 * at once) and `textDocument/rename` until rename returns every file references found (cold),
 * then rename again after a change to the open file (warm). Run as its own process:
 * `node pyright-rename.js <root> <file> <line> <column> <newName>`; prints one JSON line.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node.js';

const [root = '.', file = '', line = '1', column = '1', newName = 'renamed'] =
  process.argv.slice(2);
const langserver = createRequire(import.meta.url).resolve('pyright/langserver.index.js');
const child = spawn(process.execPath, [langserver, '--stdio'], {
  cwd: root,
  stdio: ['pipe', 'pipe', 'ignore'],
});
const connection = createMessageConnection(
  new StreamMessageReader(child.stdout),
  new StreamMessageWriter(child.stdin),
);
connection.onRequest((method: string, params: unknown) =>
  method === 'workspace/configuration'
    ? ((params as { items?: unknown[] } | undefined)?.items ?? []).map(() => ({
        diagnosticMode: 'openFilesOnly',
        pythonPath: 'python3',
      }))
    : null,
);
connection.listen();
const rootUri = pathToFileURL(path.resolve(root)).href;
await connection.sendRequest('initialize', {
  processId: process.pid,
  rootUri,
  workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
  capabilities: {
    workspace: { configuration: true, workspaceFolders: true },
    textDocument: { rename: {}, references: {} },
  },
});
await connection.sendNotification('initialized', {});
const uri = pathToFileURL(path.resolve(root, file)).href;
const text = readFileSync(path.resolve(root, file), 'utf8');
await connection.sendNotification('textDocument/didOpen', {
  textDocument: { uri, languageId: 'python', version: 1, text },
});
const position = { line: Number(line) - 1, character: Number(column) - 1 };

type Edit = {
  changes?: Record<string, unknown[]>;
  documentChanges?: Array<{ textDocument: { uri: string }; edits: unknown[] }>;
};
const editCount = (edit: Edit | null): { files: number; edits: number } => {
  if (edit === null) return { files: 0, edits: 0 };
  if (edit.documentChanges)
    return {
      files: edit.documentChanges.length,
      edits: edit.documentChanges.reduce((n, c) => n + c.edits.length, 0),
    };
  const lists = Object.values(edit.changes ?? {});
  return { files: lists.length, edits: lists.reduce((n, l) => n + l.length, 0) };
};

const references = (await connection.sendRequest('textDocument/references', {
  textDocument: { uri },
  position,
  context: { includeDeclaration: true },
})) as Array<{ uri: string }> | null;
const referenceFiles = new Set((references ?? []).map((r) => r.uri)).size;
let renamed = { files: 0, edits: 0 };
const deadline = performance.now() + 120_000;
for (;;) {
  renamed = editCount(
    (await connection.sendRequest('textDocument/rename', {
      textDocument: { uri },
      position,
      newName,
    })) as Edit | null,
  );
  if (renamed.files >= referenceFiles || performance.now() > deadline) break;
  await new Promise((resolve) => setTimeout(resolve, 50));
}
// performance.now() counts from the process start: Node's own start-up is included.
const coldMs = performance.now();
await connection.sendNotification('textDocument/didChange', {
  textDocument: { uri, version: 2 },
  contentChanges: [{ text: `${text}\n` }],
});
const warmStarted = performance.now();
await connection.sendRequest('textDocument/rename', { textDocument: { uri }, position, newName });
const warmMs = performance.now() - warmStarted;
process.stdout.write(
  `${JSON.stringify({ coldMs, warmMs, locations: renamed.edits, files: renamed.files, references: references?.length ?? 0 })}\n`,
);
await connection.sendRequest('shutdown').catch(() => {});
await connection.sendNotification('exit').catch(() => {});
connection.dispose();
child.kill();
