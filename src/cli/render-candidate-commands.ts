import type { SymbolDefinition } from '../core/source-types.js';
import type { Intent } from '../intent/all-intents.js';
import type { RunResult } from '../orchestrator.js';

/** How the refused command was run, to say it again for each candidate. */
export interface Rerun {
  readonly subcommand: 'run' | 'plan' | 'explain';
  /** The repository (or folder in it) the command ran on. */
  readonly workspace: string;
  /** Flags to repeat, e.g. `['--dry-run']`. */
  readonly flags?: readonly string[];
}

/**
 * For a run refused with `SYMBOL_AMBIGUOUS`: a ready-to-paste command per candidate, each one
 * that names it alone and that the grammar reads back as such (`''` for any other result, or
 * when no candidate can be told apart in words). Loads the grammar only then.
 */
export async function renderCandidateCommands(
  result: Pick<RunResult, 'error' | 'phases'>,
  intent: Intent | undefined,
  rerun: Rerun,
): Promise<string> {
  if (result.error?.code !== 'SYMBOL_AMBIGUOUS' || intent === undefined) return '';
  const candidates = findCandidates(result.phases);
  if (candidates.length === 0) return '';
  const { toCandidateCommands } = await import('../intent/candidate-commands.js');
  const commands = toCandidateCommands(intent, candidates);
  if (commands.length === 0) return '';
  const tail = [`--workspace ${toShellWord(rerun.workspace)}`, ...(rerun.flags ?? [])].join(' ');
  const lines = ['Name one of them (ready to paste):'];
  for (const { candidate, command } of commands) {
    lines.push(`  ${candidate}`);
    lines.push(`    mcp-orchestrator ${rerun.subcommand} ${toShellWord(command)} ${tail}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The declarations the failed phase's `SYMBOL_AMBIGUOUS` listed (its `data.definitions`). */
function findCandidates(phases: RunResult['phases']): SymbolDefinition[] {
  const failed = phases.findLast((phase) => !phase.success);
  const errorData = failed?.data.errorData as { definitions?: unknown } | undefined;
  const listed = errorData?.definitions;
  return Array.isArray(listed) ? listed.filter(isDefinition) : [];
}

function isDefinition(value: unknown): value is SymbolDefinition {
  const d = value as Partial<SymbolDefinition> | null;
  return (
    typeof d?.file === 'string' &&
    typeof d.line === 'number' &&
    typeof d.name === 'string' &&
    typeof d.kind === 'string' &&
    (d.container === undefined || typeof d.container === 'string')
  );
}

/** `text` as one POSIX shell word: bare, in double quotes, or in single quotes when it must. */
export function toShellWord(text: string): string {
  if (/^[\w@%+=:,./-]+$/.test(text)) return text;
  if (/^[\w@%+=:,./ -]+$/.test(text)) return `"${text}"`;
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
