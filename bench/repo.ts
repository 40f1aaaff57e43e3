/**
 * `npm run bench -- --repo <path> --command "<cmd>" [--test-command "<cmd>"]`: the whole change
 * on any repository (in a temp clone; the repository is only read), and in the same run the raw
 * tools a user would otherwise run by hand — ripgrep alone, the language server's rename alone
 * (cold and warm), the compile check alone (cold and incremental), the tests alone — with the
 * orchestration's overhead: total − tests − floor, where floor = ripgrep + the cold rename.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cloneRepo } from './shared/clone-repo.js';
import {
  type Floor,
  timeDeclarationSearch,
  timeLanguageServerRename,
  timePyrightCompile,
  timeRipgrep,
  timeTests,
  timeTypeScriptCompile,
} from './shared/raw-floors.js';
import { printRefusal, printRepoReport } from './shared/repo-report.js';
import { runOrchestrator } from './shared/run-orchestrator.js';
import { timeServerCheck } from './shared/server-check.js';

const USAGE =
  'usage: npm run bench -- --repo <path> --command "<cmd>" [--test-command "<cmd>"] [--keep]';

function readFlags(argv: readonly string[]) {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      repo: { type: 'string' },
      command: { type: 'string' },
      'test-command': { type: 'string' },
      keep: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.repo === undefined || values.command === undefined) {
    process.stderr.write(`--repo and --command are both needed.\n${USAGE}\n`);
    process.exit(2);
  }
  return {
    repo: values.repo,
    command: values.command,
    testCommand: values['test-command'],
    keep: values.keep === true,
  };
}

/** Runs the repository bench with `argv` (the flags after `npm run bench --`). */
export async function benchRepo(argv: readonly string[]): Promise<void> {
  const flags = readFlags(argv);
  const clone = cloneRepo(flags.repo, 'repo');
  const dir = clone.dir;
  try {
    const extra = flags.testCommand === undefined ? [] : ['--test-command', flags.testCommand];
    const run = await runOrchestrator(dir, flags.command, extra);
    const { result, plan } = run;
    const word = wordOf(flags.command, plan);
    const rg = timeRipgrep(dir, word);
    if (!result.success || plan === undefined) {
      const language =
        (plan?.language as 'python' | 'typescript' | undefined) ?? guessLanguage(dir);
      const declarations = await timeDeclarationSearch(dir, language, word);
      printRefusal({ repo: flags.repo, command: flags.command, run, rg, declarations });
      process.exitCode = result.error ? 0 : 1;
      return;
    }
    const language = plan.language === 'python' ? 'python' : 'typescript';
    const declaration = declarationOf(plan);
    const newName = `${declaration.name}${language === 'python' ? '_renamed' : 'Renamed'}`;
    const rename = await timeLanguageServerRename(dir, language, declaration, newName);
    const changed = plan.dag.nodes.flatMap((n) => (n.op === 'edit' ? [n.file] : []));
    const patch = path.join(result.runDir ?? '', 'diff.patch');
    const compile =
      language === 'python'
        ? await timePyrightCompile(dir, changed)
        : await timeTypeScriptCompile(
            dir,
            () => execFileSync('git', ['apply', patch], { cwd: dir }),
            () => {
              execFileSync('git', ['checkout', '--quiet', '--', '.'], { cwd: dir });
              execFileSync('git', ['clean', '-fdq'], { cwd: dir });
            },
          );
    const ownCheck = await timeServerCheck(dir, plan.dag.nodes);
    const testNode = plan.dag.nodes.find((n) => n.op === 'test');
    const tests: Floor =
      testNode?.op === 'test'
        ? await timeTests(dir, testNode.command)
        : { ms: undefined, note: 'no test command' };
    printRepoReport({
      repo: flags.repo,
      command: flags.command,
      run,
      rg,
      rename,
      compile,
      ownCheck,
      tests,
    });
  } finally {
    if (flags.keep) process.stdout.write(`\nclone kept at ${dir}\n`);
    else clone.remove();
  }
}

/** The declaration the plan edits (the first `declaration` edit), 1-based. */
function declarationOf(plan: NonNullable<Awaited<ReturnType<typeof runOrchestrator>>['plan']>): {
  file: string;
  line: number;
  column: number;
  name: string;
} {
  for (const node of plan.dag.nodes) {
    if (node.op !== 'edit') continue;
    const edit = node.edits.find((e) => e.reason === 'declaration') ?? undefined;
    if (edit)
      return { file: node.file, line: edit.start[0], column: edit.start[1], name: edit.oldText };
  }
  throw new Error('The plan has no declaration edit to rename with the raw language server.');
}

/** The identifier ripgrep looks for: the declaration's name, else the command's first identifier after its verb. */
function wordOf(command: string, plan: Parameters<typeof declarationOf>[0] | undefined): string {
  if (plan) {
    try {
      return declarationOf(plan).name;
    } catch {
      // Fall through to the command's words.
    }
  }
  const words = command.replace(
    /\b(rename|function|class|method|variable|make|async|to|in|move|from)\b/g,
    ' ',
  );
  return (words.match(/[A-Za-z_$][\w$]*/) ?? ['?'])[0].split('.').at(-1) ?? '?';
}

function guessLanguage(dir: string): 'python' | 'typescript' {
  const files = execFileSync('git', ['ls-files'], { cwd: dir, encoding: 'utf8' }).split('\n');
  const python = files.filter((f) => f.endsWith('.py')).length;
  const script = files.filter((f) => /\.[cm]?[jt]sx?$/.test(f)).length;
  return python > script ? 'python' : 'typescript';
}
