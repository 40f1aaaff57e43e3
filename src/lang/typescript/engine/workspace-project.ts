import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { OrchestratorError } from '../../../core/errors.js';
import ts from '../typescript.js';
import { loadWorkspaceConfig } from './compiler-options.js';
import { isIncludedRelativePath, loadWorkspaceFiles } from './workspace-files.js';

/** A workspace loaded into one long-lived TypeScript LanguageService. */
export interface WorkspaceProject {
  /** Absolute, real path of the workspace. */
  readonly root: string;
  readonly service: ts.LanguageService;
  /** The parsed files every service on this project shares (parse and bind once). */
  readonly registry: ts.DocumentRegistry;
  /** Re-reads the file list and the changed files from disk (cheap when nothing changed). */
  refresh(options?: { signal?: AbortSignal }): Promise<void>;
  /**
   * Forgets what it knows of `files` (workspace-relative), so the next `refresh` rereads them as
   * changed even when their size and modification time are the same.
   */
  invalidate(files: readonly string[]): void;
  /** The current program; built on first use, then reused until a file changes. */
  program(): ts.Program;
  /** True for a source file inside the workspace and outside the excluded folders. */
  isWorkspaceFile(fileName: string): boolean;
  /** The workspace-relative POSIX path of an absolute file name. */
  toRelative(fileName: string): string;
  /**
   * `compute()`'s value, kept until a file changes on disk (answers that depend only on the
   * program, e.g. rename sites asked for twice by `check_rename` and `rename_locations`).
   */
  memo<T>(key: string, compute: () => T): T;
  /** The program's source file for a workspace-relative path; throws `BAD_INPUT` if it has none. */
  sourceFile(relative: string): ts.SourceFile;
  /**
   * Runs `body` as if the files in `overlay` (workspace-relative) held the given text (`null`:
   * deleted), then goes back to the files on disk. Calls must not interleave (the adapter
   * runs them one at a time).
   */
  withOverlay<T>(
    overlay: ReadonlyMap<string, string | null>,
    body: () => T | Promise<T>,
  ): Promise<T>;
  /** How every host built on this project reads files: the overlay first, then the disk. */
  readonly files: ProjectFileSource;
  dispose(): void;
}

/** The files a LanguageService host reads, with the overlay applied. */
export interface ProjectFileSource {
  snapshot(fileName: string): ts.IScriptSnapshot | undefined;
  version(fileName: string): string;
  fileExists(fileName: string): boolean;
  readFile(fileName: string): string | undefined;
  /** Files the overlay creates (absolute), sorted. */
  created(): string[];
  /** Files the overlay deletes (absolute). */
  deleted(): ReadonlySet<string>;
  /** Changes whenever a file or the overlay changes. */
  generation(): number;
}

interface CachedScript {
  version: string;
  mtimeMs: number;
  sizeBytes: number;
  snapshot?: ts.IScriptSnapshot;
}

/** Creates the project for `root` (a real, absolute path). Call `refresh()` before each query. */
export function createWorkspaceProject(root: string): WorkspaceProject {
  const scripts = new Map<string, CachedScript>();
  const externalSnapshots = new Map<string, ts.IScriptSnapshot | undefined>();
  let config = loadWorkspaceConfig(root);
  let configStamp = stampOf(`${root}/tsconfig.json`);
  let scriptFileNames: string[] = [];
  let projectVersion = 0;
  let nextScriptVersion = 1;
  const memos = new Map<string, unknown>();
  // The overlay, by absolute file name; `null` marks a deleted file.
  let overlay = new Map<string, string | null>();
  let overlayGeneration = 0;

  const files: ProjectFileSource = {
    snapshot(fileName) {
      if (overlay.has(fileName)) {
        const text = overlay.get(fileName);
        return text === null || text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
      }
      const cached = scripts.get(fileName);
      if (cached !== undefined) {
        cached.snapshot ??= readSnapshot(fileName);
        return cached.snapshot;
      }
      if (!externalSnapshots.has(fileName)) externalSnapshots.set(fileName, readSnapshot(fileName));
      return externalSnapshots.get(fileName);
    },
    version: (fileName) =>
      overlay.has(fileName)
        ? `overlay-${overlayGeneration}`
        : (scripts.get(fileName)?.version ?? '0'),
    fileExists: (fileName) =>
      overlay.has(fileName) ? overlay.get(fileName) !== null : ts.sys.fileExists(fileName),
    readFile: (fileName, encoding?: string) =>
      overlay.has(fileName)
        ? (overlay.get(fileName) ?? undefined)
        : ts.sys.readFile(fileName, encoding),
    created: () =>
      [...overlay]
        .filter(([fileName, text]) => text !== null && !scripts.has(fileName))
        .map(([fileName]) => fileName)
        .sort(),
    deleted: () => new Set([...overlay].filter(([, text]) => text === null).map(([f]) => f)),
    generation: () => projectVersion,
  };

  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => config.options,
    getProjectVersion: () => String(projectVersion),
    getScriptFileNames: () => {
      if (overlay.size === 0) return scriptFileNames;
      const deleted = files.deleted();
      return [...scriptFileNames.filter((f) => !deleted.has(f)), ...files.created()];
    },
    getScriptVersion: (fileName) => files.version(fileName),
    getScriptSnapshot: (fileName) => files.snapshot(fileName),
    getCurrentDirectory: () => root,
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: files.fileExists,
    readFile: files.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
    realpath: ts.sys.realpath,
    useCaseSensitiveFileNames: () => ts.sys.useCaseSensitiveFileNames,
  };
  const registry = ts.createDocumentRegistry();
  const service = ts.createLanguageService(host, registry);

  const isWorkspaceFile = (fileName: string): boolean =>
    fileName.startsWith(`${root}/`) && isIncludedRelativePath(fileName.slice(root.length + 1));

  return {
    root,
    service,
    registry,
    files,
    async withOverlay(entries, body) {
      if (overlay.size > 0) {
        throw new OrchestratorError('INTERNAL', 'A TypeScript overlay is already in place.');
      }
      overlay = new Map([...entries].map(([file, text]) => [`${root}/${file}`, text]));
      overlayGeneration += 1;
      projectVersion++;
      memos.clear();
      try {
        return await body();
      } finally {
        overlay = new Map();
        projectVersion++;
        memos.clear();
      }
    },
    async refresh(options = {}) {
      let changed = false;
      const stamp = stampOf(`${root}/tsconfig.json`);
      if (stamp !== configStamp) {
        configStamp = stamp;
        config = loadWorkspaceConfig(root);
        changed = true;
      }
      const onDisk = await loadWorkspaceFiles(root, options);
      const seen = new Set<string>();
      for (const file of onDisk) {
        seen.add(file.fileName);
        const cached = scripts.get(file.fileName);
        if (cached?.mtimeMs === file.mtimeMs && cached.sizeBytes === file.sizeBytes) continue;
        scripts.set(file.fileName, {
          version: String(nextScriptVersion++),
          mtimeMs: file.mtimeMs,
          sizeBytes: file.sizeBytes,
        });
        changed = true;
      }
      for (const fileName of scripts.keys()) {
        if (!seen.has(fileName)) {
          scripts.delete(fileName);
          changed = true;
        }
      }
      if (changed) {
        const names = new Set([...config.fileNames, ...seen]);
        scriptFileNames = [...names].sort();
        externalSnapshots.clear();
        memos.clear();
        projectVersion++;
      }
    },
    invalidate(relatives) {
      for (const relative of relatives) scripts.delete(`${root}/${relative}`);
      externalSnapshots.clear();
      memos.clear();
      projectVersion++;
    },
    program() {
      const program = service.getProgram();
      if (program === undefined) {
        throw new OrchestratorError('LANGUAGE_SERVER_FAILED', 'TypeScript built no program.');
      }
      return program;
    },
    memo<T>(key: string, compute: () => T): T {
      if (!memos.has(key)) memos.set(key, compute());
      return memos.get(key) as T;
    },
    isWorkspaceFile,
    toRelative: (fileName) => path.relative(root, fileName).split(path.sep).join('/'),
    sourceFile(relative) {
      const fileName = `${root}/${relative}`;
      const sourceFile = isWorkspaceFile(fileName)
        ? this.program().getSourceFile(fileName)
        : undefined;
      if (sourceFile === undefined) {
        throw new OrchestratorError(
          'BAD_INPUT',
          `${JSON.stringify(relative)} is not a JS/TS source file of the workspace ${root}. Pass a .ts/.tsx/.js file outside node_modules, dist and build.`,
          { data: { file: relative, root } },
        );
      }
      return sourceFile;
    },
    dispose() {
      service.dispose();
      memos.clear();
      scripts.clear();
      externalSnapshots.clear();
    },
  };
}

function readSnapshot(fileName: string): ts.IScriptSnapshot | undefined {
  try {
    return ts.ScriptSnapshot.fromString(readFileSync(fileName, 'utf8'));
  } catch {
    return undefined;
  }
}

function stampOf(fileName: string): string {
  try {
    const info = statSync(fileName);
    return `${info.mtimeMs}:${info.size}`;
  } catch {
    return 'missing';
  }
}
