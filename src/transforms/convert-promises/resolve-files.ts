import { OrchestratorError } from '../../core/errors.js';
import { compareText } from '../../core/whole-word.js';
import { pythonPathError } from './validate-intent.js';

/** JS/TS sources TypeScript loads (declaration files hold no function bodies). */
const SOURCE = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const DECLARATION = /\.d\.[cm]?ts$/;
const PYTHON = /\.pyi?$/;
/** Folders the TypeScript half never loads (as `lang/typescript` skips them). */
const EXCLUDED = new Set([
  'node_modules',
  'dist',
  'build',
  'coverage',
  '.git',
  '.mcp-orchestrator',
]);

function isConvertible(file: string): boolean {
  return (
    SOURCE.test(file) &&
    !DECLARATION.test(file) &&
    file
      .split('/')
      .slice(0, -1)
      .every((segment) => !EXCLUDED.has(segment))
  );
}

/**
 * The files a path names: the tracked JS/TS file, or every tracked JS/TS file under a folder
 * (`.`: the whole repository), sorted. `BAD_INPUT` for a Python path, a folder with only Python
 * (or no source) files, a file that is not JS/TS, and a path nothing tracked is at.
 */
export function resolveFiles(path: string, trackedFiles: readonly string[]): string[] {
  if (trackedFiles.includes(path)) {
    if (PYTHON.test(path)) throw pythonPathError(path);
    if (!isConvertible(path)) {
      throw new OrchestratorError(
        'BAD_INPUT',
        `${path} is not a JavaScript or TypeScript source file, so it has no promise chains to convert. Name a .ts/.tsx/.js/.jsx/.mjs/.cjs file or a folder.`,
        { data: { path } },
      );
    }
    return [path];
  }
  const under = trackedFiles.filter((f) => path === '.' || f.startsWith(`${path}/`));
  const files = under.filter(isConvertible).sort(compareText);
  if (files.length > 0) return files;
  if (under.some((f) => PYTHON.test(f))) throw pythonPathError(`${path}/`);
  throw new OrchestratorError(
    'BAD_INPUT',
    under.length > 0
      ? `${path}/ holds no JavaScript or TypeScript source file (outside node_modules, dist and build), so there are no promise chains to convert.`
      : `Nothing tracked in this repository is at ${path}: name a file or folder relative to the repository root (e.g. src/api.ts or src/).`,
    { data: { path } },
  );
}
