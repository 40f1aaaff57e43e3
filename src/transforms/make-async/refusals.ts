import { OrchestratorError } from '../../core/errors.js';
import type { ConvertFacts, FunctionRef } from './contract.js';
import type { MakeAsyncIntent } from './intent.js';

const name = (f: { name: string; container?: string }) =>
  f.container ? `${f.container}.${f.name}` : f.name;

/**
 * Refuses, before anything is written: a boundary with no safe wrapping (naming its chain),
 * a generator root, a function form whose roots are all async already, a module with nothing
 * blocking.
 */
export function refuseWhatCannotBeConverted(
  intent: MakeAsyncIntent,
  facts: ConvertFacts,
  files: readonly string[],
): void {
  const refused = facts.boundaries.filter((b) => b.handling === 'refused');
  if (refused.length > 0) {
    const list = refused.map(
      (b) => `${b.chain.join(' ← ')} (${b.kind}, ${b.file}:${b.line}: ${b.detail})`,
    );
    throw new OrchestratorError(
      'TRANSFORM_REFUSED',
      `Making ${intent.target} async would reach code that must stay synchronous, with no safe way to wrap it:\n  ${list.join('\n  ')}\nNothing was changed. Convert a smaller part, or change that code first.`,
      { data: { boundaries: list } },
    );
  }
  if (facts.generators.length > 0) {
    throw new OrchestratorError(
      'TRANSFORM_REFUSED',
      `${facts.generators.map((g) => `${name(g)} (${g.file}:${g.line})`).join(', ')} ${facts.generators.length === 1 ? 'is a generator' : 'are generators'}: an async generator is another kind of function, so it is not converted. Nothing was changed.`,
      { data: { generators: facts.generators.map(where) } },
    );
  }
  if (intent.targetKind === 'symbol' && facts.roots.length === facts.alreadyAsync.length) {
    throw new OrchestratorError(
      'NOTHING_TO_DO',
      `${facts.alreadyAsync.map((f) => `${name(f)} (${f.file}:${f.line})`).join(', ')} ${facts.alreadyAsync.length === 1 ? 'is' : 'are'} async already: nothing to do.`,
      { data: { alreadyAsync: facts.alreadyAsync.map(where) } },
    );
  }
  if (intent.targetKind !== 'symbol' && facts.roots.length === 0) {
    throw new OrchestratorError(
      'NOTHING_TO_DO',
      `Nothing in ${files.join(', ')} blocks (no blocking call from the table, directly or through its own functions), so no function has a reason to become async. Name the functions instead: "make <name> async".`,
      { data: { files: [...files] } },
    );
  }
}

function where(f: FunctionRef): string {
  return `${f.file}:${f.line}`;
}
