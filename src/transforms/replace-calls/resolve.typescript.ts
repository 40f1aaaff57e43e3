import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import {
  findNameNodeAt,
  findTokenAt,
  toLineColumn,
  toProgramLocation,
} from '../../lang/typescript/queries/positions.js';
import ts from '../../lang/typescript/typescript.js';
import type { ReplaceCallsArgs, ResolvedFunction } from './contract.js';
import { splitDotted } from './split-dotted.js';

/**
 * A scratch file, shown to the LanguageService only (never written), through which library
 * names are resolved the way a workspace file would resolve them: `fs.readFileSync` as the
 * export of `fs` (or `node:fs`), `structuredClone` as a global.
 */
export const PROBE_FILE = '__mcp_orchestrator_replace_calls_probe__.ts';

/** The probe's text, and where each role's name sits in it (offsets, one per way of reading it). */
export interface Probe {
  text: string;
  positions: Record<'from' | 'to', Array<{ offset: number; module?: string }>>;
}

/** A function the command names, resolved in the program. */
export interface TsFunction {
  role: 'from' | 'to';
  /** The function's own symbol (aliases followed). */
  symbol: ts.Symbol;
  /** A node where it is named (its declaration, or the probe's use). */
  node: ts.Node;
  type: ts.Type;
  /** Global functions are called by their written name and need no import. */
  global: boolean;
  /** For a library function: the module it was found in and the path below it (`promises.readFile`). */
  library?: { module: string; path: string[] };
  facts: ResolvedFunction;
}

/** Builds the probe for the roles the workspace does not declare (undefined when none). */
export function toProbe(args: ReplaceCallsArgs): Probe | undefined {
  let text = '';
  const positions: Probe['positions'] = { from: [], to: [] };
  for (const role of ['from', 'to'] as const) {
    const ref = args[role];
    if (ref.at !== undefined) continue;
    const parts = ref.name.split('.');
    const last = parts.at(-1) as string;
    const use = (expression: string, module?: string): void => {
      const line = `void ${expression};`;
      positions[role].push({
        offset: text.length + line.length - 1 - last.length,
        ...(module ? { module } : {}),
      });
      text += `${line}\n`;
    };
    use(ref.name);
    if (parts.length < 2) continue;
    const [module, ...path] = parts as [string, ...string[]];
    for (const [index, specifier] of [module, `node:${module}`].entries()) {
      const local = `__probe_${role}_${index}`;
      text += `import * as ${local} from '${specifier}';\n`;
      use(`${local}.${path.join('.')}`, specifier);
    }
  }
  return text === '' ? undefined : { text, positions };
}

/**
 * Resolves one role: at its workspace declaration, or through the probe. Undefined with a
 * reason when nothing there can be called.
 */
export function resolveFunction(
  project: WorkspaceProject,
  args: ReplaceCallsArgs,
  role: 'from' | 'to',
  probe: Probe | undefined,
): TsFunction | { reason: string; kind: 'missing' | 'not-callable' } {
  const checker = project.program().getTypeChecker();
  const ref = args[role];
  const candidates: Array<{ node: ts.Node; module?: string }> = [];
  if (ref.at !== undefined) {
    const { sourceFile, offset } = toProgramLocation(project, ref.at);
    const node = findNameNodeAt(sourceFile, offset) ?? findTokenAt(sourceFile, offset);
    if (node !== undefined) candidates.push({ node });
  } else {
    const probeFile = project.program().getSourceFile(`${project.root}/${PROBE_FILE}`);
    for (const position of probe?.positions[role] ?? []) {
      const node = probeFile && findNameNodeAt(probeFile, position.offset);
      if (node !== undefined)
        candidates.push({ node, ...(position.module ? { module: position.module } : {}) });
    }
  }
  let reason = `"${ref.name}" is not declared in the workspace nor found in a module it can import`;
  let kind: 'missing' | 'not-callable' = 'missing';
  for (const { node, module } of candidates) {
    const found = checker.getSymbolAtLocation(node);
    if (found === undefined) continue;
    const symbol = found.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(found) : found;
    const type = checker.getTypeOfSymbolAtLocation(symbol, node);
    const signatures = type.getCallSignatures();
    if (signatures.length === 0) {
      kind = 'not-callable';
      reason =
        type.getConstructSignatures().length > 0
          ? `"${ref.name}" is a class: its calls need \`new\`, so it cannot replace or be replaced by a function`
          : `"${ref.name}" is not a function (${checker.typeToString(type)})`;
      continue;
    }
    const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
    const declaredIn = declaration?.getSourceFile();
    const inWorkspace =
      declaredIn !== undefined &&
      project.isWorkspaceFile(declaredIn.fileName) &&
      !declaredIn.fileName.endsWith(`/${PROBE_FILE}`);
    const name = splitDotted(ref.name).name;
    const at =
      declaration !== undefined && declaredIn !== undefined
        ? toLineColumn(declaredIn, (ts.getNameOfDeclaration(declaration) ?? declaration).getStart())
        : { line: 1, column: 1 };
    const parts = ref.name.split('.');
    return {
      role,
      symbol,
      node,
      type,
      global: ref.at === undefined && module === undefined,
      ...(module ? { library: { module, path: parts.slice(1) } } : {}),
      facts: {
        name: ref.name,
        file:
          declaredIn === undefined
            ? '(unknown)'
            : inWorkspace
              ? project.toRelative(declaredIn.fileName)
              : declaredIn.fileName.replace(/^.*\/node_modules\//, ''),
        ...at,
        inWorkspace,
        signatures: signatures.map((s) => `${name}${checker.signatureToString(s)}`),
        ...(module ? { module } : {}),
      },
    };
  }
  return { reason, kind };
}
