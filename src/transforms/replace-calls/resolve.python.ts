import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Location, LocationLink } from 'vscode-languageserver-protocol';
import type { SourcePosition } from '../../core/source-types.js';
import { toFileUri } from '../../lang/python/engine/lsp-locations.js';
import type { PythonWorkspace } from '../../lang/python/engine/python-workspace.js';
import type { PythonParameter } from './bind-python-arguments.js';
import type { ReplaceCallsArgs, ResolvedFunction } from './contract.js';
import { SIGNATURES_SCRIPT } from './signatures-script.python.js';
import { splitDotted } from './split-dotted.js';

/**
 * A scratch module shown to pyright only (never written), through which library names are
 * resolved as a workspace module would import them: `import time` then `time.sleep`.
 */
export const PYTHON_PROBE_FILE = '__mcp_orchestrator_replace_calls_probe__.py';

/** One role's use in the probe. */
export type PythonProbe = {
  text: string;
  positions: Partial<Record<'from' | 'to', SourcePosition>>;
};

/** A function the command names, resolved by pyright and read by Python's `ast`. */
export interface PythonFunction {
  role: 'from' | 'to';
  /** Where pyright is asked for its references: its declaration, or its use in the probe. */
  at: SourcePosition;
  name: string;
  /** The module a file imports it from: `ledger.posting`, `asyncio`; undefined for a builtin. */
  module?: string;
  /** The workspace file that declares it. */
  file?: string;
  kind: 'function' | 'class';
  isAsync: boolean;
  /** One parameter list per overload. */
  overloads: PythonParameter[][];
  facts: ResolvedFunction;
}

interface SignatureEntry {
  path: string;
  line: number;
  found: boolean;
  kind?: 'function' | 'class';
  isAsync?: boolean;
  params?: PythonParameter[];
  text?: string;
}

/** The probe for the roles the workspace does not declare, or undefined when both are declared. */
export function toPythonProbe(args: ReplaceCallsArgs): PythonProbe | undefined {
  const lines: string[] = [];
  const positions: PythonProbe['positions'] = {};
  for (const role of ['from', 'to'] as const) {
    const ref = args[role];
    if (ref.at !== undefined) continue;
    const { qualifier, name } = splitDotted(ref.name);
    if (qualifier !== undefined) lines.push(`import ${qualifier}`);
    lines.push(ref.name);
    positions[role] = {
      file: PYTHON_PROBE_FILE,
      line: lines.length,
      column: ref.name.length - name.length + 1,
    };
  }
  return lines.length === 0 ? undefined : { text: `${lines.join('\n')}\n`, positions };
}

/** The dotted module a workspace file is imported as (`src/` dropped when it is not a package). */
export function toModuleName(root: string, file: string): string {
  const parts = file.replace(/\.pyi?$/, '').split('/');
  if (parts.at(-1) === '__init__') parts.pop();
  if (
    parts.length > 1 &&
    parts[0] === 'src' &&
    !existsSync(path.join(root, 'src', '__init__.py'))
  ) {
    parts.shift();
  }
  return parts.join('.');
}

/**
 * Resolves one role: its workspace declaration, or pyright's definition of its use in the
 * probe (a library stub preferred); then its parameters. A reason instead when it is not a
 * function or class pyright can find.
 */
export async function resolvePythonFunction(
  workspace: PythonWorkspace,
  args: ReplaceCallsArgs,
  role: 'from' | 'to',
  probe: PythonProbe | undefined,
  signal?: AbortSignal,
): Promise<PythonFunction | { reason: string; kind: 'missing' | 'not-callable' }> {
  const ref = args[role];
  const { qualifier, name } = splitDotted(ref.name);
  const at = ref.at ?? probe?.positions[role];
  if (at === undefined) return { reason: `"${ref.name}" could not be looked up`, kind: 'missing' };
  let defs: Array<{ path: string; line: number; column: number }>;
  if (ref.at !== undefined) {
    defs = [{ path: ref.at.file, line: ref.at.line, column: ref.at.column }];
  } else {
    const uri = await workspace.openFile(PYTHON_PROBE_FILE, signal);
    const found = await workspace.session.request<Location | Location[] | LocationLink[] | null>(
      'textDocument/definition',
      { textDocument: { uri }, position: { line: at.line - 1, character: at.column - 1 } },
      signal,
    );
    defs = toDefinitionPaths(workspace.root, found);
    if (defs.length === 0) {
      return {
        kind: 'missing',
        reason: qualifier
          ? `pyright finds no "${name}" in the module "${qualifier}" (is the module installed for this interpreter?)`
          : `"${ref.name}" is not declared in the workspace nor a builtin`,
      };
    }
  }
  const { defs: read } = await workspace.runScript<{ defs: SignatureEntry[] }>(
    SIGNATURES_SCRIPT,
    { root: workspace.root, defs: defs.map((d) => ({ path: d.path, line: d.line, name })) },
    signal,
  );
  const entries = read.filter((entry) => entry.found && entry.params !== undefined);
  const first = entries[0];
  if (first === undefined) {
    return { reason: `"${ref.name}" is not a function or a class`, kind: 'not-callable' };
  }
  const declared = ref.at;
  const inWorkspace = declared !== undefined;
  const module = declared !== undefined ? toModuleName(workspace.root, declared.file) : qualifier;
  const column = defs[0]?.column ?? 1;
  return {
    role,
    at,
    name,
    ...(module !== undefined ? { module } : {}),
    ...(declared !== undefined ? { file: declared.file } : {}),
    kind: first.kind ?? 'function',
    isAsync: entries.some((entry) => entry.isAsync === true),
    overloads: entries.map((entry) => entry.params as PythonParameter[]),
    facts: {
      name: ref.name,
      file: toShownPath(first.path),
      line: first.line,
      column,
      inWorkspace,
      signatures: entries.map((entry) => `${entry.isAsync ? 'async ' : ''}${entry.text ?? name}`),
      ...(module !== undefined ? { module } : {}),
    },
  };
}

/** Definition locations as file paths: stubs (`.pyi`) when there are any, else the sources. */
function toDefinitionPaths(
  root: string,
  found: Location | Location[] | LocationLink[] | null,
): Array<{ path: string; line: number; column: number }> {
  const list = found === null ? [] : Array.isArray(found) ? found : [found];
  const paths = list.flatMap((item) => {
    const uri = 'targetUri' in item ? item.targetUri : item.uri;
    const range = 'targetSelectionRange' in item ? item.targetSelectionRange : item.range;
    if (!uri.startsWith('file:') || uri === toFileUri(root, PYTHON_PROBE_FILE)) return [];
    const file = fileURLToPath(uri);
    const relative = path.relative(root, file);
    const outside = relative.startsWith('..') || path.isAbsolute(relative);
    const shown = outside ? file : relative.split(path.sep).join('/');
    return [{ path: shown, line: range.start.line + 1, column: range.start.character + 1 }];
  });
  const stubs = paths.filter((p) => p.path.endsWith('.pyi'));
  return stubs.length > 0 ? stubs : paths;
}

/** A library path as people know it: `typeshed/stdlib/time.pyi`, `site-packages/x/y.py`. */
function toShownPath(file: string): string {
  const match = /(?:typeshed-fallback|site-packages|dist-packages)\/.*$/.exec(file);
  return match === null ? file : match[0].replace(/^typeshed-fallback/, 'typeshed');
}
