import type { CompileSetting } from '../../core/plan/plan-schema.js';

/** What the run was told about compiling (`--compile-command`, `--no-compile`), if anything. */
export type CompileChoice = { kind: 'command'; command: string[] } | { kind: 'none' } | undefined;

/**
 * How the changed tree is checked: the user's command or nothing when told; otherwise the
 * language servers' type checkers (the nearest tsconfig of each file, pyright), which know
 * every language the transforms change.
 */
export function chooseCompile(choice: CompileChoice): CompileSetting {
  if (choice?.kind === 'command') return { kind: 'command', command: choice.command };
  if (choice?.kind === 'none') return { kind: 'none', reason: 'turned off with --no-compile' };
  return { kind: 'language-service' };
}
