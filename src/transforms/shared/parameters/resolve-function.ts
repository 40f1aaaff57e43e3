import type { SymbolDefinition } from '../../../core/source-types.js';
import type { AnalysisContext } from '../../transform.js';
import { resolveSymbol, type SymbolQuery } from '../resolve-symbol.js';

/** Declarations whose parameters may change: functions, methods, and names holding a function. */
const CALLABLE = ['function', 'method', 'variable', 'constant', 'property'] as const;

/**
 * The one function or method a signature change names: `name`, or `Class.name` narrowed by its
 * class. `SYMBOL_NOT_FOUND` (with close matches) or `SYMBOL_AMBIGUOUS` (listing them) otherwise.
 */
export async function resolveFunction(
  written: string,
  context: AnalysisContext,
): Promise<SymbolDefinition> {
  const query = toFunctionQuery(written);
  const declared =
    context.map.definitions[query.name] ??
    (await context.graph.definitions(query.name, { signal: context.signal }));
  const definitions = declared.filter((d) => context.tracked.has(d.file));
  return resolveSymbol(query, definitions, context);
}

/** The symbol a signature change names: `name`, or `Class.name` (a method of that class). */
export function toFunctionQuery(written: string): SymbolQuery {
  const dot = written.lastIndexOf('.');
  const name = dot === -1 ? written : written.slice(dot + 1);
  const container = dot === -1 ? undefined : written.slice(0, dot);
  return {
    name,
    kinds: CALLABLE,
    kindWord: container ? 'method' : 'function',
    ...(container ? { container } : {}),
  };
}

/** `Class.name` or `name`, as the function field is written. */
export const FUNCTION_NAME = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)?$/;
