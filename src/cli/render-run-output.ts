import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { styleText } from 'node:util';
import type { RunResult } from '../orchestrator.js';
import { renderLeftAlone, renderSummary } from './render-summary.js';

/** Most diff lines printed; the rest is in the run folder's diff.patch. */
export const MAX_DIFF_LINES = 400;

/** How {@link renderRunOutput} prints. */
export interface RunOutputOptions {
  /** Print the diff (`--no-diff` turns it off). @default true */
  showDiff?: boolean;
  /** Colour the diff (stdout is a TTY and NO_COLOR is unset). @default false */
  color?: boolean;
  /** `plan --out`: where the plan was written. */
  planOut?: string;
  /** The folder commands are typed in, for the next steps' `git -C`. @default process.cwd() */
  cwd?: string;
}

/**
 * The human output of `run`, `plan` and `apply`: the summary, the diff (committed, or the
 * preview of a dry run), what was left alone, the branch and the next steps, on stdout; the
 * error of a failed run, and where its change was kept, on stderr.
 */
export async function renderRunOutput(
  result: RunResult,
  options: RunOutputOptions = {},
): Promise<{ stdout: string; stderr: string }> {
  const out = [renderSummary(result)];
  const err: string[] = [];
  const root = path.resolve(result.runDir, '..', '..', '..');
  const git = toGitPrefix(root, options.cwd ?? process.cwd());
  const size = result.changeSize
    ? `${count(result.changeSize.edits, 'edit')} in ${count(result.changeSize.files, 'file')}`
    : undefined;
  const diff = options.showDiff === false ? '' : await readDiff(result.patch, options.color);
  if (result.success && result.branch === null) {
    out.push(`\nwould change: ${size ?? 'nothing'} (dry run: nothing else was written)\n`);
    if (diff !== '') out.push(`\n${diff}`);
    out.push(withGap(renderLeftAlone(result)));
    const plan = options.planOut === undefined ? result.plan : path.resolve(options.planOut);
    if (plan !== null) {
      out.push(`\nplan written to ${plan}\n`);
      out.push(`apply it: mcp-orchestrator apply ${plan} --workspace ${root}\n`);
    }
  } else if (result.success && result.branch !== null) {
    if (diff !== '') out.push(`\n${diff}`);
    out.push(withGap(renderLeftAlone(result)));
    const commit = result.commit === null ? '' : ` at ${result.commit.slice(0, 12)}`;
    out.push(`\ncommitted ${size ?? 'the change'} on branch ${result.branch}${commit}\n`);
    if (result.pr?.url) out.push(`pull request #${result.pr.number}: ${result.pr.url}\n`);
    out.push(renderNextSteps(git, result.branch, result.pr?.base));
  } else {
    if (result.error) err.push(`error [${result.error.code}]: ${result.error.message}`);
    if (result.keptBranch !== null) {
      err.push(
        `The failed change is kept on branch ${result.keptBranch}: ${git} show ${result.keptBranch}; delete it with ${git} branch -D ${result.keptBranch}.`,
      );
    }
    if (result.patch !== null) err.push(`The diff of the failed change: ${result.patch}`);
  }
  out.push(`run folder ${result.runDir}\n`);
  return { stdout: out.join(''), stderr: err.length === 0 ? '' : `${err.join('\n')}\n` };
}

function renderNextSteps(git: string, branch: string, base: string | undefined): string {
  const into = base === undefined ? '' : `${git} switch ${base} && `;
  return [
    '',
    'next steps:',
    `  view it        ${git} show ${branch}`,
    `  check it out   ${git} switch ${branch}`,
    `  merge it       ${into}${git} merge ${branch}`,
    `  delete it      ${git} branch -D ${branch}`,
    '',
  ].join('\n');
}

/** `git`, or `git -C <root>` when the commands are typed elsewhere. */
function toGitPrefix(root: string, cwd: string): string {
  const inside = path.relative(root, cwd);
  return inside === '' || (!inside.startsWith('..') && !path.isAbsolute(inside))
    ? 'git'
    : `git -C ${/^[\w./-]+$/.test(root) ? root : JSON.stringify(root)}`;
}

async function readDiff(patch: string | null, color = false): Promise<string> {
  if (patch === null) return '';
  const text = await readFile(patch, 'utf8').catch(() => '');
  if (text === '') return '';
  const lines = text.replace(/\n$/, '').split('\n');
  const shown = lines.slice(0, MAX_DIFF_LINES).map((line) => (color ? colorLine(line) : line));
  if (lines.length > MAX_DIFF_LINES)
    shown.push(`… ${lines.length - MAX_DIFF_LINES} more lines in ${patch}`);
  return `${shown.join('\n')}\n`;
}

// The caller has decided (TTY, NO_COLOR): styleText must not check process.stdout again.
const paint = (format: 'bold' | 'cyan' | 'green' | 'red', text: string): string =>
  styleText(format, text, { validateStream: false });

function colorLine(line: string): string {
  if (line.startsWith('diff --git') || line.startsWith('+++') || line.startsWith('---'))
    return paint('bold', line);
  if (line.startsWith('@@')) return paint('cyan', line);
  if (line.startsWith('+')) return paint('green', line);
  if (line.startsWith('-')) return paint('red', line);
  return line;
}

function withGap(text: string): string {
  return text === '' ? '' : `\n${text}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
