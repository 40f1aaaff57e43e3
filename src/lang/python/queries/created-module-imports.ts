import path from 'node:path';

/**
 * pyright resolves imports from disk, so a module that exists only in an overlay (a file the
 * change creates, or the new path of a moved one) is "not resolved" by every importer. This
 * tells those findings apart, so a compile check of the changed tree does not fail on them:
 *
 * - `Import "pkg.new" could not be resolved` / `Import ".new" could not be resolved`;
 * - `"new" is unknown import symbol` at `from pkg import new`;
 * - `"new" is not a known attribute of module "pkg"`.
 *
 * Each names a module; it is a created module when that module's file (`pkg/new.py`,
 * `pkg/new/__init__.py`, under any folder of the workspace for an absolute name, next to the
 * importer for a relative one) is one of `created`. `"x" is unknown import symbol` at
 * `from pkg import x` is also left out when `pkg` itself imports `x` from a created module
 * (a package's `__init__.py` re-exporting what moved), through up to three such modules.
 */
export async function isImportOfCreatedModule(
  finding: { code: string; message: string; line: number; column: number },
  importer: string,
  importerText: string,
  created: readonly string[],
  files: ModuleFiles,
): Promise<boolean> {
  const modules = namedModules(finding, importerText);
  if (modules.some((module) => isCreatedModule(module, importer, created))) return true;
  const symbol = /^"(\w+)" is unknown import symbol/.exec(finding.message)?.[1];
  const from = fromModuleBefore(importerText, finding.line, finding.column);
  if (symbol === undefined || from === undefined) return false;
  return reExportsFromCreated(from, symbol, importer, created, files, 3);
}

/** How the check reads the workspace: its Python files, and a file's text as pyright sees it. */
export interface ModuleFiles {
  list(): Promise<readonly string[]>;
  read(file: string): Promise<string>;
}

async function reExportsFromCreated(
  module: string,
  symbol: string,
  importer: string,
  created: readonly string[],
  files: ModuleFiles,
  depth: number,
): Promise<boolean> {
  if (depth === 0) return false;
  const file = fileOfModule(module, importer, await files.list());
  if (file === undefined) return false;
  const text = await files.read(file);
  for (const statement of text.matchAll(/^from\s+(\.*[\w.]*)\s+import\s+(\([^)]*\)|[^\n]*)/gm)) {
    const source = statement[1] as string;
    const names = (statement[2] as string).replace(/[()]/g, '').split(',');
    const binds = names.some((entry) => {
      const [name, alias] = entry.trim().split(/\s+as\s+/);
      return (alias ?? name)?.trim() === symbol;
    });
    if (!binds) continue;
    if (isCreatedModule(source, file, created)) return true;
    if (await reExportsFromCreated(source, symbol, file, created, files, depth - 1)) return true;
  }
  return false;
}

/** The workspace file of `module` as imported from `importer`, or undefined. */
function fileOfModule(
  module: string,
  importer: string,
  files: readonly string[],
): string | undefined {
  const stem = candidateStems(module, importer)[0] as string;
  const names = [`${stem}.py`, `${stem}/__init__.py`];
  return (
    files.find((file) => names.includes(file)) ??
    (module.startsWith('.')
      ? undefined
      : files.find((file) => names.some((name) => file.endsWith(`/${name}`))))
  );
}

function candidateStems(module: string, importer: string): string[] {
  const dots = /^\.*/.exec(module)?.[0].length ?? 0;
  const rest = module.slice(dots).split('.').filter(Boolean);
  if (dots === 0) return [rest.join('/')];
  let base = path.posix.dirname(importer);
  for (let up = 1; up < dots; up += 1) base = path.posix.dirname(base);
  return [path.posix.join(base, ...rest)];
}

function namedModules(
  finding: { code: string; message: string; line: number; column: number },
  text: string,
): string[] {
  const missing = /^Import "([.\w]+)" could not be resolved/.exec(finding.message);
  if (missing?.[1] !== undefined) return [missing[1]];
  const attribute = /^"(\w+)" is not a known attribute of module "([.\w]+)"/.exec(finding.message);
  if (attribute?.[1] !== undefined && attribute[2] !== undefined)
    return [`${attribute[2]}.${attribute[1]}`];
  const symbol = /^"(\w+)" is unknown import symbol/.exec(finding.message);
  if (symbol?.[1] !== undefined) {
    const from = fromModuleBefore(text, finding.line, finding.column);
    if (from !== undefined)
      return [from.endsWith('.') ? `${from}${symbol[1]}` : `${from}.${symbol[1]}`];
  }
  return [];
}

/** The module of the nearest `from <module> import` before (line, column), 1-based. */
function fromModuleBefore(text: string, line: number, column: number): string | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  const before = [...lines.slice(0, line - 1), (lines[line - 1] ?? '').slice(0, column - 1)].join(
    '\n',
  );
  const matches = [...before.matchAll(/\bfrom\s+(\.*[\w.]*)\s+import\b/g)];
  return matches.at(-1)?.[1];
}

function isCreatedModule(module: string, importer: string, created: readonly string[]): boolean {
  const stem = candidateStems(module, importer)[0] as string;
  const anywhere = !module.startsWith('.');
  return created.some(
    (file) =>
      file === `${stem}.py` ||
      file === `${stem}/__init__.py` ||
      (anywhere && (file.endsWith(`/${stem}.py`) || file.endsWith(`/${stem}/__init__.py`))),
  );
}
