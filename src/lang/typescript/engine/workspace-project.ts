import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { OrchestratorError } from '../../../core/errors.js';
import { loadWorkspaceConfig } from './compiler-options.js';
import { isIncludedRelativePath, loadWorkspaceFiles } from './workspace-files.js';

/** A workspace loaded into one long-lived TypeScript LanguageService. */
export interface WorkspaceProject {
  /** Absolute, real path of the workspace. */
  readonly root: string;
  readonly service: ts.LanguageService;
  /** Re-reads the file list and the changed files from disk (cheap when nothing changed). */
  refresh(options?: { signal?: AbortSignal }): Promise<void>;
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
  dispose(): void;
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

  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => config.options,
    getProjectVersion: () => String(projectVersion),
    getScriptFileNames: () => scriptFileNames,
    getScriptVersion: (fileName) => scripts.get(fileName)?.version ?? '0',
    getScriptSnapshot: (fileName) => {
      const cached = scripts.get(fileName);
      if (cached !== undefined) {
        cached.snapshot ??= readSnapshot(fileName);
        return cached.snapshot;
      }
      if (!externalSnapshots.has(fileName)) externalSnapshots.set(fileName, readSnapshot(fileName));
      return externalSnapshots.get(fileName);
    },
    getCurrentDirectory: () => root,
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
    realpath: ts.sys.realpath,
    useCaseSensitiveFileNames: () => ts.sys.useCaseSensitiveFileNames,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());

  const isWorkspaceFile = (fileName: string): boolean =>
    fileName.startsWith(`${root}/`) && isIncludedRelativePath(fileName.slice(root.length + 1));

  return {
    root,
    service,
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
