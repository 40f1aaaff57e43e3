import { existsSync } from 'node:fs';
import ts from '../typescript.js';

/** Compiler options and root files from a workspace's `tsconfig.json`, if it has one. */
export interface WorkspaceConfig {
  options: ts.CompilerOptions;
  /** Absolute file names the tsconfig lists (may be empty). */
  fileNames: string[];
}

const DEFAULT_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.Preserve,
  resolveJsonModule: true,
  allowImportingTsExtensions: true,
  esModuleInterop: true,
  skipLibCheck: true,
};

/** Settings every analysis needs, whatever the tsconfig says. */
const FORCED_OPTIONS: ts.CompilerOptions = { allowJs: true, noEmit: true };

/**
 * Reads `<root>/tsconfig.json` when present (extends and all) and forces `allowJs` and `noEmit`;
 * without one, uses bundler-style resolution, which accepts extensionless imports and `require`.
 */
export function loadWorkspaceConfig(root: string): WorkspaceConfig {
  const configPath = `${root}/tsconfig.json`;
  if (!existsSync(configPath)) {
    return { options: { ...DEFAULT_OPTIONS, ...FORCED_OPTIONS }, fileNames: [] };
  }
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error !== undefined) {
    return { options: { ...DEFAULT_OPTIONS, ...FORCED_OPTIONS }, fileNames: [] };
  }
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root, undefined, configPath);
  return {
    options: { ...parsed.options, ...FORCED_OPTIONS },
    fileNames: parsed.fileNames.map((fileName) => fileName.replaceAll('\\', '/')),
  };
}
