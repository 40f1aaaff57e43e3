import { OrchestratorError } from '../../core/errors.js';
import type { SymbolDefinition } from '../../core/source-types.js';
import { type ResolveServices, resolveSymbol } from '../shared/resolve-symbol.js';
import type { AnalysisContext } from '../transform.js';
import type { MakeAsyncIntent } from './intent.js';
import { toTargetNames } from './target-names.js';

/** Declarations that may be converted: functions, methods, and variables holding a function. */
const CONVERTIBLE = ['function', 'method', 'variable', 'constant', 'property'] as const;

/**
 * The functions the function form names, one declaration each (`Class.name` narrows by its
 * class, `in <path>` by where it is declared); refused together: a name that is not found
 * (close matches), or that means several symbols.
 */
export async function resolveRoots(
  intent: MakeAsyncIntent,
  context: AnalysisContext & Pick<ResolveServices, 'onChoice'>,
): Promise<SymbolDefinition[]> {
  const roots: SymbolDefinition[] = [];
  for (const written of toTargetNames(intent.target)) {
    const dot = written.lastIndexOf('.');
    const name = dot === -1 ? written : written.slice(dot + 1);
    const container = dot === -1 ? undefined : written.slice(0, dot);
    const declared =
      context.map.definitions[name] ??
      (await context.graph.definitions(name, { signal: context.signal }));
    const definitions = declared.filter((d) => context.tracked.has(d.file));
    roots.push(
      await resolveSymbol(
        {
          name,
          kinds: CONVERTIBLE,
          kindWord: container ? 'method' : 'function',
          ...(container ? { container } : {}),
          ...(intent.scope ? { scope: intent.scope } : {}),
        },
        definitions,
        context,
      ),
    );
  }
  const languages = new Set(roots.map((root) => root.language));
  if (languages.size > 1) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `The functions are in ${[...languages].join(' and ')} files; convert one language at a time.`,
      { data: { roots: roots.map((r) => `${r.file}:${r.line}`) } },
    );
  }
  return roots;
}
