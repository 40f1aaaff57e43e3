import { OrchestratorError } from '../../core/errors.js';
import { isTestFile } from '../../core/test-files.js';
import { compareText } from '../../core/whole-word.js';

/** Files make_async can convert: Python and JS/TS sources. */
const SOURCE = /\.(?:py|pyi|[cm]?[jt]sx?)$/;
/** Names a folder's module file may have (a package's face). */
const INDEX = /^(?:__init__|index)$/;

/** Lower-case words of a path or a phrase: `src/risk-management/index.ts` → src, risk, management. */
export function toWords(text: string): string[] {
  return text
    .replace(SOURCE, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .map((word) => word.toLowerCase())
    .filter((word) => word !== '');
}

/** A module a phrase may name: its files, and the path people know it by. */
export interface ModuleMatch {
  /** `risk/management.py`, or the folder of a package: `src/risk_management`. */
  path: string;
  files: string[];
}

/**
 * The modules whose path ends with the phrase's words (`risk management` → `risk_management.py`,
 * `risk/management.py`, `src/risk-management/index.ts`, `riskManagement.ts`): a module file,
 * or a package folder (all its sources) when its `__init__.py` / `index.*` matches.
 */
export function findModules(
  words: readonly string[],
  trackedFiles: readonly string[],
): ModuleMatch[] {
  const matches = new Map<string, ModuleMatch>();
  // Tests are not the module a phrase names, unless it says so.
  const tests = words.includes('test') || words.includes('tests');
  for (const file of trackedFiles) {
    if (!SOURCE.test(file) || (!tests && isTestFile(file))) continue;
    const parts = file.split('/');
    const base = (parts.at(-1) as string).replace(SOURCE, '');
    const isIndex = INDEX.test(base);
    const modulePath = isIndex ? parts.slice(0, -1).join('/') : file;
    const moduleWords = toWords(isIndex ? modulePath : file);
    if (moduleWords.length < words.length) continue;
    const tail = moduleWords.slice(moduleWords.length - words.length);
    if (tail.some((word, i) => word !== words[i])) continue;
    const files = isIndex
      ? trackedFiles.filter((f) => SOURCE.test(f) && f.startsWith(`${modulePath}/`))
      : [file];
    matches.set(modulePath, { path: modulePath, files: [...files].sort(compareText) });
  }
  return [...matches.values()].sort((a, b) => compareText(a.path, b.path));
}

/** The one module a phrase names; `BAD_INPUT` listing several, or the closest when none. */
export function resolveModule(phrase: string, trackedFiles: readonly string[]): ModuleMatch {
  const words = toWords(phrase);
  const found = findModules(words, trackedFiles);
  if (found.length === 1) return found[0] as ModuleMatch;
  if (found.length > 1) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `"${phrase}" names ${found.length} modules:\n  ${found.map((m) => m.path).join('\n  ')}\nSay which with "make module <path> async".`,
      { data: { phrase, modules: found.map((m) => m.path) } },
    );
  }
  const closest = closestModules(words, trackedFiles);
  throw new OrchestratorError(
    'BAD_INPUT',
    `No module matches "${phrase}".${closest.length > 0 ? ` The closest: ${closest.join(', ')}.` : ''} Name it with "make module <path> async".`,
    { data: { phrase, closest } },
  );
}

/** The module files sharing the most words with the phrase (at most three). */
function closestModules(words: readonly string[], trackedFiles: readonly string[]): string[] {
  const wanted = new Set(words);
  return trackedFiles
    .filter((file) => SOURCE.test(file))
    .map((file) => ({ file, shared: toWords(file).filter((w) => wanted.has(w)).length }))
    .filter((entry) => entry.shared > 0)
    .sort((a, b) => b.shared - a.shared || compareText(a.file, b.file))
    .slice(0, 3)
    .map((entry) => entry.file);
}

/** The files a path names: the tracked source file, or every tracked source under a folder. */
export function resolvePath(target: string, trackedFiles: readonly string[]): ModuleMatch {
  const path = target.replace(/^\.\//, '').replace(/\/$/, '');
  if (trackedFiles.includes(path) && SOURCE.test(path)) return { path, files: [path] };
  const files = trackedFiles.filter((f) => SOURCE.test(f) && f.startsWith(`${path}/`));
  if (files.length > 0) return { path, files: [...files].sort(compareText) };
  const closest = closestModules(toWords(path), trackedFiles);
  throw new OrchestratorError(
    'BAD_INPUT',
    `${path} is not a Python or JS/TS file or folder tracked in this repository.${closest.length > 0 ? ` The closest: ${closest.join(', ')}.` : ''}`,
    { data: { path, closest } },
  );
}
