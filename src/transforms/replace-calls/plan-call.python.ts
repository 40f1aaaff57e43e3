import type { RangeEdit } from '../../core/change/change-types.js';
import { bindPythonArguments } from './bind-python-arguments.js';
import type { PythonFunction } from './resolve.python.js';
import type { PythonFileSummary, PythonSite } from './sites.python.js';

/** An import a file needs so a call can name the new function. */
export type PythonImportNeed =
  | { kind: 'from'; module: string; name: string }
  | { kind: 'module'; module: string };

/** What replacing one call takes. */
export interface PythonCallPlan {
  site: PythonSite;
  /** The callee replacement (and, for `(await …)`, the closing parenthesis). */
  edits: RangeEdit[];
  replacement: string;
  /** The local name the call stops using (its import may go). */
  consumed?: string;
  need?: PythonImportNeed;
  problems: string[];
  unchecked?: string;
  collision?: string;
}

/**
 * How one call of the old function calls the new one: through the same module object when it
 * holds the new function (`core.old_fn` → `core.new_fn`), else by a name already bound to it,
 * else by a new import (`from m import new_fn` for a call by name, `import m` for a call
 * through a module) whose name is free there; with `await` when only the new one is a
 * coroutine function. Its arguments are bound to every overload of the new function.
 */
export function planPythonCall(
  site: PythonSite,
  summary: PythonFileSummary,
  from: PythonFunction,
  to: PythonFunction,
): PythonCallPlan {
  const problems: string[] = [];
  const shape = {
    positional: site.positional ?? 0,
    starred: site.starred ?? 0,
    keywords: site.keywords ?? [],
    doubleStarred: site.doubleStarred ?? 0,
  };
  const bound = to.overloads.map((parameters) => bindPythonArguments(parameters, shape));
  const fits = bound.find((b) => b.problems.length === 0);
  if (fits === undefined) {
    const fewest = [...bound].sort((a, b) => a.problems.length - b.problems.length)[0];
    problems.push(
      ...(fewest?.problems ?? []).map((p) => `${to.facts.signatures[0] ?? to.name} ${p}`),
    );
  }
  let prefix = '';
  if (to.isAsync && !from.isAsync) {
    if (site.inAsync === true) prefix = 'await ';
    else {
      problems.push(
        `${to.facts.name} is a coroutine function, but the call is in ${site.function ? `the synchronous function ${site.function}` : 'module-level code'}, where it could not be awaited; make ${site.function ?? 'it'} async first`,
      );
    }
  } else if (from.isAsync && !to.isAsync && site.awaited === true) {
    problems.push(`the call is awaited, but ${to.facts.name} is not a coroutine function`);
  }
  const choice = chooseName(site, summary, to);
  const replacement = choice.text;
  const edits: RangeEdit[] = [];
  if (site.calleeStart !== undefined && site.calleeEnd !== undefined && site.callee !== undefined) {
    const wrap = prefix !== '' && site.needsParens === true;
    edits.push({
      start: [site.calleeStart.line, site.calleeStart.column],
      end: [site.calleeEnd.line, site.calleeEnd.column],
      oldText: site.callee,
      newText: `${wrap ? '(' : ''}${prefix}${replacement}`,
      reason:
        prefix === ''
          ? 'call site'
          : 'call site (awaited: the new function is a coroutine function)',
    });
    if (wrap && site.callEnd !== undefined) {
      const at: [number, number] = [site.callEnd.line, site.callEnd.column];
      edits.push({ start: at, end: at, oldText: '', newText: ')', reason: 'call site (awaited)' });
    }
  }
  const consumed =
    site.role === 'call'
      ? site.name
      : replacement.startsWith(`${site.qualifier}.`)
        ? undefined
        : site.qualifierHead;
  return {
    site,
    edits,
    replacement,
    ...(consumed !== undefined ? { consumed } : {}),
    ...(choice.need !== undefined ? { need: choice.need } : {}),
    problems,
    ...(fits?.open === true
      ? { unchecked: 'passes *args or **kwargs: the compile check judges them' }
      : {}),
    ...(choice.collision !== undefined ? { collision: choice.collision } : {}),
  };
}

function chooseName(
  site: PythonSite,
  summary: PythonFileSummary,
  to: PythonFunction,
): { text: string; need?: PythonImportNeed; collision?: string } {
  const shadowed = new Set(site.shadowed ?? []);
  const module = to.module;
  // The same module object holds the new function.
  if (site.role === 'qualified-call' && module !== undefined && site.qualifierModule === module) {
    return { text: `${site.qualifier}.${to.name}` };
  }
  if (module === undefined) {
    return shadowed.has(to.name) || summary.bound.includes(to.name)
      ? { text: to.name, collision: `"${to.name}" is bound here, hiding the builtin` }
      : { text: to.name };
  }
  if (to.file !== undefined && site.file === to.file) {
    return shadowed.has(to.name)
      ? { text: to.name, collision: `"${to.name}" is bound in the function around the call` }
      : { text: to.name };
  }
  const existing = Object.entries(summary.bindings)
    .map(([local, binding]) =>
      binding.kind === 'from' && binding.module === module && binding.name === to.name
        ? local
        : binding.kind === 'module' && binding.module === module
          ? `${local}.${to.name}`
          : undefined,
    )
    .filter((text): text is string => text !== undefined)
    .sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const usable = existing.find((text) => !shadowed.has(text.split('.')[0] as string));
  if (usable !== undefined) return { text: usable };
  const head = module.split('.')[0] as string;
  const headFree =
    !shadowed.has(head) &&
    (!summary.bound.includes(head) ||
      (summary.bindings[head]?.kind === 'module' && summary.bindings[head]?.module === head));
  const nameFree = !shadowed.has(to.name) && !summary.bound.includes(to.name);
  const byModule = { text: `${module}.${to.name}`, need: { kind: 'module', module } as const };
  const byName = { text: to.name, need: { kind: 'from', module, name: to.name } as const };
  const order = site.role === 'qualified-call' ? [byModule, byName] : [byName, byModule];
  for (const option of order) {
    if (option === byModule ? headFree : nameFree) return option;
  }
  return {
    ...order[0],
    collision: `"${site.role === 'qualified-call' ? head : to.name}" already means something else here`,
  } as { text: string; need: PythonImportNeed; collision: string };
}
