import path from 'node:path';
import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import ts from '../../lang/typescript/typescript.js';

interface ParsedConfig {
  options: ts.CompilerOptions;
  fileNames: ReadonlySet<string>;
}

/**
 * The compiler options a file is built with: those of the nearest tsconfig.json (walking up to
 * the workspace root) whose files include it, else the workspace project's own.
 */
export function findCompilerOptions(
  project: WorkspaceProject,
  fileName: string,
): ts.CompilerOptions {
  let directory = path.posix.dirname(fileName);
  for (;;) {
    const config = readConfig(project, `${directory}/tsconfig.json`);
    if (config?.fileNames.has(fileName) === true) return config.options;
    if (directory === project.root || !directory.startsWith(`${project.root}/`)) {
      return project.program().getCompilerOptions();
    }
    directory = path.posix.dirname(directory);
  }
}

function readConfig(project: WorkspaceProject, configPath: string): ParsedConfig | undefined {
  return project.memo(`make-async:tsconfig:${configPath}`, () => {
    const text = project.files.readFile(configPath);
    if (text === undefined) return undefined;
    const read = ts.parseConfigFileTextToJson(configPath, text);
    if (read.error !== undefined) return undefined;
    const parsed = ts.parseJsonConfigFileContent(
      read.config,
      ts.sys,
      path.posix.dirname(configPath),
      undefined,
      configPath,
    );
    return {
      options: parsed.options,
      fileNames: new Set(parsed.fileNames.map((f) => f.replaceAll('\\', '/'))),
    };
  });
}
