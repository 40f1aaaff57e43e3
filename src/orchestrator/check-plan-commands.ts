import { isDeepStrictEqual } from 'node:util';
import { OrchestratorError } from '../core/errors.js';
import type { ExecutionPlan } from '../core/plan/execution-plan.js';
import type { CompileSetting } from '../core/plan/plan-schema.js';
import { createWorkspaceFiles } from '../files/index.js';
import { chooseCompile } from '../phases/plan/choose-compile.js';
import { detectTestCommand } from '../phases/plan/detect-test-command.js';
import { createCommandRunner } from '../process/index.js';
import { resolvePlanPython } from './plan-python.js';

/** Options for {@link checkPlanCommands}. */
export interface CheckPlanCommandsOptions {
  /** Real path of the checkout the plan is applied to. */
  root: string;
  /** The plan file's name, for messages. */
  source: string;
  /** Argv of this `apply`'s `--test-command`: it replaces the plan's, so only the compile is checked. */
  testCommand?: readonly string[];
  /** This `apply`'s `--compile-command` / `--no-compile`, if given. */
  compile?: { kind: 'command'; command: string[] } | { kind: 'none' };
  /** `--trust-plan-commands`: run the plan's commands as written, after naming them. @default false */
  trust: boolean;
  env: Readonly<Record<string, string | undefined>>;
  signal?: AbortSignal;
  /** Told which commands a trusted plan will run. */
  warn(message: string): void;
}

/** One command a plan would run, and the one this machine would choose in its place. */
interface PlannedCommand {
  node: 'test' | 'check';
  planned: string;
  expected: string;
  matches: boolean;
}

/**
 * A saved plan runs its test command and compile check in the worktree: code of the plan
 * author's choosing. They run only when they are what PLAN would choose on this machine for this
 * checkout (or `--test-command` replaces the test), or with `trust`, which names them through
 * `warn` first. Otherwise throws `PLAN_INVALID` naming the command and how to go on.
 */
export async function checkPlanCommands(
  plan: ExecutionPlan,
  options: CheckPlanCommandsOptions,
): Promise<void> {
  const files = createWorkspaceFiles(options.root);
  const testNode = plan.node('test');
  const checkNode = plan.node('check');
  const commands: PlannedCommand[] = [];
  if (testNode !== undefined && options.testCommand === undefined) {
    const expected = await detectTestCommand({
      files,
      commands: createCommandRunner(options.env),
      python: await resolvePlanPython(options.root),
      signal: options.signal ?? new AbortController().signal,
    });
    commands.push({
      node: 'test',
      planned: toShellLine(testNode.command),
      expected: toShellLine(expected),
      matches: isDeepStrictEqual(testNode.command, expected),
    });
  }
  // Only a compile command runs code of the plan's choosing; the type checkers and "none" do not.
  if (checkNode !== undefined && checkNode.compile.kind === 'command') {
    const expected = chooseCompile(options.compile);
    commands.push({
      node: 'check',
      planned: describeCompile(checkNode.compile),
      expected: describeCompile(expected),
      matches: isDeepStrictEqual(checkNode.compile, expected),
    });
  }
  const foreign = commands.filter((command) => !command.matches);
  if (options.trust) {
    const listed = commands.map(
      (c) =>
        `${c.node === 'test' ? 'tests' : 'compile check'}: ${c.planned}${c.matches ? '' : ` (this machine would run ${c.expected})`}`,
    );
    if (listed.length > 0) {
      options.warn(
        `--trust-plan-commands: running the plan's commands as written:\n  ${listed.join('\n  ')}`,
      );
    }
    return;
  }
  if (foreign.length === 0) return;
  const named = foreign.map(
    (c) =>
      `${c.node === 'test' ? 'test command' : 'compile check'}: ${c.planned} (this machine would run ${c.expected})`,
  );
  const ways = [
    ...(foreign.some((c) => c.node === 'test')
      ? ['pass --test-command "<cmd>" to run the tests your way']
      : []),
    'make a new plan here with "mcp-orchestrator plan"',
    'or, having read the plan, pass --trust-plan-commands to run its commands as written',
  ];
  throw new OrchestratorError(
    'PLAN_INVALID',
    `${options.source} runs commands this machine would not choose for ${options.root}:\n  ${named.join('\n  ')}\nA saved plan's commands run only when they are the ones "plan" would choose here. To go on, ${ways.join(', ')}.`,
    { data: { source: options.source, commands: foreign } },
  );
}

/** A compile setting as what it runs. */
function describeCompile(setting: CompileSetting): string {
  switch (setting.kind) {
    case 'command':
      return toShellLine(setting.command);
    case 'language-service':
      return "the language servers' type checkers";
    case 'none':
      return `none (${setting.reason})`;
  }
}

/** Argv as a shell would read it back: words with anything but safe characters single-quoted. */
export function toShellLine(argv: readonly string[]): string {
  return argv
    .map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`))
    .join(' ');
}
