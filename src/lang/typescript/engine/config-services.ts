import { statSync } from 'node:fs';
import path from 'node:path';
import ts from '../typescript.js';
import type { ProjectFileSource, WorkspaceProject } from './workspace-project.js';

/** A tsconfig and the LanguageService that checks files with its options. */
export interface ConfigService {
  /** Workspace-relative path of the tsconfig, or `(workspace defaults)` when none applies. */
  readonly name: string;
  readonly service: ts.LanguageService;
  /** True when the config lists the file (absolute) among its own files. */
  includes(fileName: string): boolean;
}

/** The services of every tsconfig in a workspace, made when first needed. */
export interface ConfigServices {
  /**
   * The service of the nearest tsconfig (walking up from the file to the root) whose own
   * files include `fileName`; the workspace project's own service when none does.
   */
  forFile(fileName: string): ConfigService;
  dispose(): void;
}

interface CachedConfig {
  stamp: string;
  config: ConfigService | undefined;
}

/** Creates the per-config services over a project's files (overlay included). */
export function createConfigServices(project: WorkspaceProject): ConfigServices {
  const byPath = new Map<string, CachedConfig>();
  const fallback: ConfigService = {
    name: '(workspace defaults)',
    service: project.service,
    includes: () => true,
  };
  const load = (configPath: string): ConfigService | undefined => {
    const stamp = stampOf(configPath);
    const cached = byPath.get(configPath);
    if (cached?.stamp === stamp) return cached.config;
    cached?.config?.service.dispose();
    const config = stamp === 'missing' ? undefined : createConfigService(project, configPath);
    byPath.set(configPath, { stamp, config });
    return config;
  };
  return {
    forFile(fileName) {
      let directory = path.posix.dirname(fileName);
      for (;;) {
        const config = load(`${directory}/tsconfig.json`);
        if (config?.includes(fileName)) return config;
        if (directory === project.root || !directory.startsWith(`${project.root}/`))
          return fallback;
        directory = path.posix.dirname(directory);
      }
    },
    dispose() {
      for (const { config } of byPath.values()) config?.service.dispose();
      byPath.clear();
    },
  };
}

function createConfigService(
  project: WorkspaceProject,
  configPath: string,
): ConfigService | undefined {
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error !== undefined) return undefined;
  const directory = path.posix.dirname(configPath);
  const parsed = ts.parseJsonConfigFileContent(
    read.config,
    ts.sys,
    directory,
    undefined,
    configPath,
  );
  const own = new Set(parsed.fileNames.map((f) => f.replaceAll('\\', '/')));
  const options: ts.CompilerOptions = { ...parsed.options, noEmit: true };
  const files: ProjectFileSource = project.files;
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getProjectVersion: () => String(files.generation()),
    getScriptFileNames: () => {
      const deleted = files.deleted();
      return [
        ...[...own].filter((f) => !deleted.has(f)),
        ...files.created().filter((f) => f.startsWith(`${directory}/`)),
      ];
    },
    getScriptVersion: (fileName) => files.version(fileName),
    getScriptSnapshot: (fileName) => files.snapshot(fileName),
    getCurrentDirectory: () => directory,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: files.fileExists,
    readFile: files.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
    realpath: ts.sys.realpath,
    useCaseSensitiveFileNames: () => ts.sys.useCaseSensitiveFileNames,
  };
  return {
    name: path.posix.relative(project.root, configPath),
    service: ts.createLanguageService(host, project.registry),
    includes: (fileName) =>
      own.has(fileName) ||
      (files.created().includes(fileName) && fileName.startsWith(`${directory}/`)),
  };
}

function stampOf(fileName: string): string {
  try {
    const info = statSync(fileName);
    return `${info.mtimeMs}:${info.size}`;
  } catch {
    return 'missing';
  }
}
