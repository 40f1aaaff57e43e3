import { existsSync, realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FileChangeType, type Position } from 'vscode-languageserver-protocol';
import { OrchestratorError } from '../../../core/errors.js';
import type { SourcePosition } from '../../../core/source-types.js';
import { filesContainingText } from './files-containing.js';
import { listPythonFiles } from './list-python-files.js';
import { toFileUri, toLspPosition } from './lsp-locations.js';
import { createMemoStore } from './memo-store.js';
import {
  createPyrightSession,
  type DiagnosticMode,
  type PyrightSession,
} from './pyright-session.js';
import { raceAbort } from './race-abort.js';
import { resolvePythonPath } from './resolve-python-path.js';
import { resolveScriptInterpreter } from './resolve-script-interpreter.js';
import { runPythonScript } from './run-python-script.js';
import { createFileChangeTracker } from './track-file-changes.js';

/** Longest wait for pyright to list the workspace again after files were added or deleted. */
const RESCAN_TIMEOUT_MS = 15_000;

/** What every analysis needs: the root, the interpreter, pyright, and the file list. */
export interface PythonWorkspace {
  /** Absolute, real path of the workspace. */
  readonly root: string;
  readonly pythonPath: string;
  readonly session: PyrightSession;
  /** Workspace `.py` files, sorted (see {@link listPythonFiles}). */
  listFiles(signal?: AbortSignal): Promise<string[]>;
  /** Workspace `.py` files whose text contains `text`, sorted. */
  filesContaining(text: string, signal?: AbortSignal): Promise<string[]>;
  /** True when the workspace holds at least one `.py` file (then pyright may be started). */
  hasPythonFiles(signal?: AbortSignal): Promise<boolean>;
  /**
   * The executable analysis scripts run with: `pythonPath` resolved once (a version manager's
   * shim costs ~0.3 s per start; see resolve-script-interpreter.ts).
   */
  scriptInterpreter(signal?: AbortSignal): Promise<string>;
  /** Runs an embedded analysis script with the workspace's interpreter. */
  runScript<T>(script: string, input: unknown, signal?: AbortSignal): Promise<T>;
  /** Validates `at`, tells pyright the file's current text, and returns LSP coordinates. */
  openPosition(
    at: SourcePosition,
    signal?: AbortSignal,
  ): Promise<{ textDocument: { uri: string }; position: Position }>;
  /** `at` with its file checked to be a workspace `.py` file and made workspace-relative. */
  resolvePosition(at: SourcePosition): SourcePosition;
  /** Validates `file` and tells pyright its current text; returns its URI. */
  openFile(file: string, signal?: AbortSignal): Promise<string>;
  /**
   * Tells a running pyright what changed on disk since the last call (it does not watch files
   * over stdio). Walks the workspace's files: call it once per request, not per file.
   */
  syncWithDisk(signal?: AbortSignal): Promise<void>;
  /**
   * Runs `body` as if the files in `overlay` held the given text (`null`: deleted — pyright
   * then sees an empty module), for pyright and the analysis scripts alike; afterwards pyright
   * reads those files from disk again. Calls must not interleave with other queries.
   */
  withOverlay<T>(overlay: ReadonlyMap<string, string | null>, body: () => Promise<T>): Promise<T>;
  /** The overlay's files that are not on disk (files a change creates), sorted. */
  createdInOverlay(): string[];
  /** The text pyright sees for a workspace file: the overlay's, else the file on disk. */
  readText(file: string): Promise<string>;
  /**
   * Forgets what it knows of `files` (workspace-relative): pyright is told they changed before
   * the next query, even when their size and modification time are the same.
   */
  invalidate(files: readonly string[]): void;
  /**
   * `compute()`'s result, shared by calls with the same `key` until a workspace file changes
   * or pyright restarts; at most {@link MEMO_LIMIT} kept (a long-lived server drops the oldest).
   * Failures are not kept, and a caller that shared another's failed computation (cancelled
   * by that caller's signal, say) runs its own `compute` once.
   */
  memo<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /**
   * Like {@link memo}, for an answer read from files on disk whose `key` names their sizes and
   * modification times: kept across pyright restarts and file changes (the key changes with the
   * files), computed afresh under an overlay (its text is not on disk).
   */
  memoOfFiles<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

/** Options for {@link createPythonWorkspace}. */
export interface PythonWorkspaceOptions {
  root: string;
  pythonPath?: string;
  diagnosticMode?: DiagnosticMode;
}

/** How many memoised answers a workspace keeps at most. */
export const MEMO_LIMIT = 256;

/** Resolves the root and interpreter; nothing is spawned until a method needs pyright. */
export function createPythonWorkspace(options: PythonWorkspaceOptions): PythonWorkspace {
  const root = realRoot(options.root);
  const pythonPath = resolvePythonPath(root, options.pythonPath);
  const tracker = createFileChangeTracker(root);
  const memos = createMemoStore(MEMO_LIMIT);
  // Answers keyed by the files' sizes and modification times: right whatever pyright does.
  const fileMemos = createMemoStore(MEMO_LIMIT);
  const session = createPyrightSession({
    root,
    pythonPath,
    beforeStart: (signal) => {
      memos.clear();
      return tracker.reset(signal);
    },
    ...(options.diagnosticMode === undefined ? {} : { diagnosticMode: options.diagnosticMode }),
  });
  let refreshing: Promise<void> = Promise.resolve();
  // pyright does not watch files over stdio: report what changed on disk since the last call.
  const refresh = (signal?: AbortSignal): Promise<void> => {
    refreshing = refreshing
      .catch(() => {})
      .then(async () => {
        if (session.state !== 'ready') return;
        const changes = await tracker.changes(signal);
        if (changes.length === 0) return;
        memos.clear();
        await session.closeDocuments(changes.map((change) => change.uri));
        const added = changes.some((change) => change.type !== FileChangeType.Changed);
        const listed = added ? session.nextFileListing() : undefined;
        await session.notifyIfRunning('workspace/didChangeWatchedFiles', { changes });
        // A created or deleted file makes pyright list the workspace again; wait for that.
        const deadline = AbortSignal.timeout(RESCAN_TIMEOUT_MS);
        await raceAbort(
          listed ?? Promise.resolve(),
          signal === undefined ? deadline : AbortSignal.any([signal, deadline]),
        ).catch((error: unknown) => {
          if (signal?.aborted === true) throw error;
        });
      });
    return refreshing;
  };
  let knownToHaveFiles = false;
  let resolvedInterpreter: Promise<string> | undefined;
  const scriptInterpreter = (signal?: AbortSignal): Promise<string> => {
    resolvedInterpreter ??= resolveScriptInterpreter(pythonPath, root);
    return raceAbort(resolvedInterpreter, signal);
  };

  // The overlay in force (workspace-relative → text, or null for a deleted file).
  let overlay: ReadonlyMap<string, string | null> = new Map();

  const openFile = async (file: string, signal?: AbortSignal): Promise<string> => {
    const relative = toWorkspaceFile(root, file);
    let text: string;
    try {
      text = overlay.has(relative)
        ? (overlay.get(relative) ?? '')
        : await readFile(path.join(root, ...relative.split('/')), 'utf8');
    } catch (error) {
      throw new OrchestratorError(
        'BAD_INPUT',
        `No readable Python file ${JSON.stringify(file)} in ${root}. Pass a workspace-relative .py path.`,
        { cause: error, data: { file, root } },
      );
    }
    const uri = toFileUri(root, relative);
    await session.syncDocument(uri, text, signal);
    return uri;
  };

  const memo = <T>(key: string, compute: () => Promise<T>): Promise<T> => memos.get(key, compute);

  return {
    root,
    pythonPath,
    session,
    invalidate(files) {
      tracker.invalidate(files);
      memos.clear();
      fileMemos.clear();
    },
    listFiles: (signal) => listPythonFiles(root, signal === undefined ? {} : { signal }),
    filesContaining(text, signal) {
      const search = async () =>
        filesContainingText(
          root,
          await listPythonFiles(root, signal === undefined ? {} : { signal }),
          text,
          signal,
        );
      // Kept while nothing changes — which only a running pyright's session notices (a rename
      // searches for its name up to three times: its declarations twice, its module's uses).
      return session.state === 'ready' ? memo(`contains:${text}`, search) : search();
    },
    async hasPythonFiles(signal) {
      if (!knownToHaveFiles) {
        const files = await listPythonFiles(root, signal === undefined ? {} : { signal });
        knownToHaveFiles = files.length > 0;
      }
      return knownToHaveFiles;
    },
    scriptInterpreter,
    async runScript(script, input, signal) {
      const withOverlay =
        overlay.size === 0 ? input : { ...(input as object), overlay: Object.fromEntries(overlay) };
      return runPythonScript(script, withOverlay, {
        pythonPath: await scriptInterpreter(signal),
        cwd: root,
        ...(signal === undefined ? {} : { signal }),
      });
    },
    async withOverlay(entries, body) {
      if (overlay.size > 0) {
        throw new OrchestratorError('INTERNAL', 'A Python overlay is already in place.');
      }
      overlay = new Map(entries);
      memos.clear();
      const uris = [...entries.keys()].map((file) => toFileUri(root, file));
      try {
        for (const file of entries.keys()) {
          if (/\.pyi?$/.test(file)) await openFile(file);
        }
        return await body();
      } finally {
        overlay = new Map();
        memos.clear();
        await session.closeDocuments(uris);
      }
    },
    createdInOverlay() {
      return [...overlay]
        .filter(([file, text]) => text !== null && !existsSync(path.join(root, ...file.split('/'))))
        .map(([file]) => file)
        .sort();
    },
    async readText(file) {
      const relative = toWorkspaceFile(root, file);
      return overlay.has(relative)
        ? (overlay.get(relative) ?? '')
        : readFile(path.join(root, ...relative.split('/')), 'utf8');
    },
    resolvePosition(at) {
      validatePosition(at);
      return { file: toWorkspaceFile(root, at.file), line: at.line, column: at.column };
    },
    async openPosition(at, signal) {
      validatePosition(at);
      const uri = await openFile(at.file, signal);
      return { textDocument: { uri }, position: toLspPosition(at) };
    },
    openFile,
    syncWithDisk: refresh,
    memo,
    memoOfFiles: (key, compute) => (overlay.size > 0 ? compute() : fileMemos.get(key, compute)),
  };
}

/** The workspace-relative POSIX path of a `.py`/`.pyi` file inside `root`, or a typed error. */
export function toWorkspaceFile(root: string, file: string): string {
  const relative = path.relative(root, path.resolve(root, file));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new OrchestratorError(
      'PATH_OUTSIDE_WORKSPACE',
      `Path ${JSON.stringify(file)} is outside the workspace ${root}. Pass a path inside it.`,
      { data: { file, root } },
    );
  }
  if (!/\.pyi?$/.test(relative)) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `${JSON.stringify(file)} is not a Python file. Pass a .py file.`,
      { data: { file } },
    );
  }
  return relative.split(path.sep).join('/');
}

function validatePosition(at: SourcePosition): void {
  if (!Number.isInteger(at.line) || at.line < 1 || !Number.isInteger(at.column) || at.column < 1) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `Invalid position ${at.file}:${at.line}:${at.column}. Lines and columns are 1-based integers.`,
      { data: { ...at } },
    );
  }
}

function realRoot(root: string): string {
  try {
    return realpathSync(root);
  } catch (error) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `Workspace root ${root} does not exist. Pass an existing directory.`,
      { cause: error, data: { root } },
    );
  }
}
