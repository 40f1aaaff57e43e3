import { OrchestratorError } from '../../core/errors.js';
import type { ReplaceCallsFacts } from './contract.js';
import type { ReplaceCallsIntent } from './intent.js';

/** At most this many lines of a list go into a message; the rest are counted. */
const SHOWN = 20;

/**
 * Refuses, before anything is written: a name that resolves to no function (`SYMBOL_NOT_FOUND`,
 * close names given) or to one it cannot use (a class, not exported), calls whose arguments the new function cannot take (each listed with why, and the
 * two signatures), names the new calls would capture, and no call to replace.
 */
export function refuseWhatCannotBeReplaced(
  intent: ReplaceCallsIntent,
  facts: ReplaceCallsFacts,
  suggestions: readonly string[],
): void {
  const [unresolved] = facts.unresolved;
  if (unresolved !== undefined) {
    const missing = unresolved.kind === 'missing';
    const hint =
      missing && suggestions.length > 0
        ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?`
        : '';
    throw new OrchestratorError(
      missing ? 'SYMBOL_NOT_FOUND' : 'TRANSFORM_REFUSED',
      `Cannot ${unresolved.role === 'to' ? `call "${intent.to}" instead` : `replace calls of "${intent.from}"`}: ${unresolved.detail}.${hint}`,
      { data: { symbol: unresolved.name, role: unresolved.role, suggestions: [...suggestions] } },
    );
  }
  if (facts.mismatches.length > 0) {
    const lines = facts.mismatches.flatMap((m) => [
      `${m.file}:${m.line}: ${m.lineText.trim()}`,
      ...m.problems.map((p) => `    ${p}`),
    ]);
    const signatures = [
      `  ${intent.from}: ${(facts.from?.signatures ?? []).join(' | ') || 'unknown'}`,
      `  ${intent.to}: ${(facts.to?.signatures ?? []).join(' | ') || 'unknown'}`,
    ];
    throw new OrchestratorError(
      'TRANSFORM_REFUSED',
      `${facts.mismatches.length} call(s) of "${intent.from}" pass arguments "${intent.to}" cannot take:\n  ${shown(lines).join('\n  ')}\nThe signatures:\n${signatures.join('\n')}\nNothing was changed. Change those calls (or "${intent.to}") first, or pick a function that takes the same arguments.`,
      {
        data: {
          from: intent.from,
          to: intent.to,
          mismatches: facts.mismatches.map((m) => `${m.file}:${m.line}`),
        },
      },
    );
  }
  if (facts.collisions.length > 0) {
    const lines = facts.collisions.map((c) => `${c.file}:${c.line}: ${c.name} (${c.reason})`);
    throw new OrchestratorError(
      'NAME_COLLISION',
      `Calling "${intent.to}" would name something else at ${facts.collisions.length} call(s):\n  ${shown(lines).join('\n  ')}\nNothing was changed. Rename what holds the name there first.`,
      { data: { to: intent.to, collisions: lines } },
    );
  }
  if (facts.calls.length === 0) {
    const left = facts.leftAlone.map((l) => `${l.file}:${l.line} (${l.detail})`);
    throw new OrchestratorError(
      'NOTHING_TO_DO',
      `No call of "${intent.from}" to replace${left.length > 0 ? `; its ${left.length} other use(s) stay as they are:\n  ${shown(left).join('\n  ')}` : '.'}`,
      { data: { from: intent.from, leftAlone: left } },
    );
  }
}

function shown(lines: readonly string[]): string[] {
  return lines.length <= SHOWN
    ? [...lines]
    : [...lines.slice(0, SHOWN), `… and ${lines.length - SHOWN} more`];
}
