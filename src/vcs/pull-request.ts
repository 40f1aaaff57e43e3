import type { DiffStat } from './diff-stat.js';

/** One phase's row in the pull request's phase table. */
export interface PullRequestPhaseRow {
  phase: string;
  /** e.g. `'ok'`, `'failed'`, `'skipped'`. */
  status: string;
  durationMs: number;
  tokens: number;
  retries: number;
}

/** The MONTE CARLO phase's estimate, as the pull request reports it. */
export interface PullRequestRisk {
  /** Estimated probability that the change breaks something, 0..1. */
  breakageProbability: number;
  /** Median number of files affected, in files. */
  blastRadiusP50: number;
  /** 95th-percentile number of files affected, in files. */
  blastRadiusP95: number;
  /** Simulations run. */
  iterations?: number;
  /** Tests the simulation picked to run. */
  testsToRun?: string[];
}

/** The test run, as the pull request reports it. */
export interface PullRequestTests {
  command: string;
  passed: boolean;
  durationMs: number;
  /** One line, e.g. `'42 passed'`. */
  summary: string;
  /** The exit code on the branch (null: timed out or stopped). */
  exitCode?: number | null;
  /** The same tests at the base commit, when they ran there (`--baseline-tests`). */
  baseline?: PullRequestBaselineTests;
}

/** The tests at the base commit, as the pull request reports them. */
export interface PullRequestBaselineTests {
  passed: boolean;
  exitCode: number | null;
  durationMs: number;
  timedOut: boolean;
}

/** A declaration the change is about, as the pull request names it. */
export interface PullRequestTarget {
  file: string;
  line: number;
  name: string;
  kind: string;
  container?: string;
}

/** An occurrence of a changed name the change did not edit, and why. */
export interface PullRequestLeftAlone {
  file: string;
  line: number;
  column: number;
  reason: string;
  detail: string;
}

/** Input for {@link toPullRequest}. */
export interface PullRequestInput {
  command: string;
  /** The run's branch, e.g. `mcp-orchestrator/rename-getuser-to-fetchuser`. */
  branch: string;
  /** Branch the pull request targets. */
  baseBranch: string;
  baseCommit: string;
  commit: string;
  diffStat: DiffStat;
  phaseRows: PullRequestPhaseRow[];
  risk: PullRequestRisk;
  tests: PullRequestTests;
  /** What the analysis calls the change, e.g. `Make risk management async`. */
  title?: string;
  /** The declarations changed. */
  targets?: readonly PullRequestTarget[];
  /** Occurrences left alone, and why. */
  leftAlone?: readonly PullRequestLeftAlone[];
  /** What the compile check ran (or why none did), and whether it passed. */
  compile?: { description: string; passed: boolean };
  /** The committed change as a unified diff (diff.patch), shown collapsed when long. */
  diff?: string;
  /** How a model planner read the command: shown collapsed under the command. */
  reading?: PullRequestReading;
}

/** A model planner's reading of the command, as the pull request shows it. */
export interface PullRequestReading {
  /** `the openai model llama3.1`. */
  readBy: string;
  /** Its numbered reasoning steps, in order. */
  steps: readonly string[];
}

/** A pull request ready to write to `pr.json` or send to GitHub. */
export interface PullRequest {
  title: string;
  /** GitHub-flavoured markdown. */
  body: string;
  /** Branch with the change. */
  head: string;
  /** Branch to merge into. */
  base: string;
  commit: string;
  /** Changed paths, sorted. */
  files: string[];
  additions: number;
  deletions: number;
}

/** Most changed files listed in the body; GitHub caps a body at 65,536 characters. */
export const MAX_LISTED_FILES = 200;

/** A diff of more lines than this is collapsed in a details block. */
export const MAX_OPEN_DIFF_LINES = 40;

/** Most diff characters in the body (GitHub caps a body at 65,536); the rest is in diff.patch. */
export const MAX_DIFF_CHARS = 40_000;

/** Most declarations and left-alone occurrences listed in the body. */
export const MAX_LISTED_OCCURRENCES = 100;

const MAX_TITLE_LENGTH = 72;

/** Builds the pull request for a finished run. Pure: the same input gives the same text. */
export function toPullRequest(input: PullRequestInput): PullRequest {
  const { diffStat, risk, tests } = input;
  const files = diffStat.files.map((f) => f.file).sort();
  const sections = [
    `## Command\n\n${codeSpan(input.command)}`,
    ...toReadingSection(input.reading),
    ...toChangeSection(input),
    ...toDiffSection(input.diff),
    [
      '## Risk',
      '',
      `- Probability of breakage: ${(risk.breakageProbability * 100).toFixed(1)}%`,
      `- Blast radius: ${risk.blastRadiusP50} files (p50), ${risk.blastRadiusP95} files (p95)`,
      ...(risk.iterations === undefined ? [] : [`- Simulations: ${risk.iterations}`]),
      ...(risk.testsToRun === undefined || risk.testsToRun.length === 0
        ? []
        : [`- Tests that reach the change: ${risk.testsToRun.map(codeSpan).join(', ')}`]),
    ].join('\n'),
    [
      '## Tests',
      '',
      `${tests.passed ? '✅ Passed' : '❌ Failed'}: ${codeSpan(tests.command)} in ${formatSeconds(tests.durationMs)}`,
      '',
      ...toTestTable(input),
      ...(tests.summary.trim() === '' ? [] : ['', escapeText(tests.summary.trim())]),
      ...(input.compile === undefined
        ? []
        : [
            '',
            `${input.compile.passed ? '✅' : '❌'} Compile check: ${escapeText(input.compile.description)}`,
          ]),
    ].join('\n'),
    `## Changed files (${files.length} files, +${diffStat.additions} −${diffStat.deletions})\n\n${toFileTable(diffStat)}`,
    `<details><summary>Phase timings (${formatSeconds(input.phaseRows.reduce((n, r) => n + r.durationMs, 0))})</summary>\n\n${toPhaseTable(input.phaseRows)}\n\n</details>`,
    `Base: ${codeSpan(input.baseBranch)} at ${codeSpan(input.baseCommit.slice(0, 12))} · Commit: ${codeSpan(input.commit.slice(0, 12))} · Branch: ${codeSpan(input.branch)}`,
    '_Generated by mcp-orchestrator._',
  ];
  return {
    title: toTitle(input.command),
    body: `${sections.join('\n\n')}\n`,
    head: input.branch,
    base: input.baseBranch,
    commit: input.commit,
    files,
    additions: diffStat.additions,
    deletions: diffStat.deletions,
  };
}

/** The model's reasoning steps in a collapsed block, numbered; nothing when it gave none. */
function toReadingSection(reading: PullRequestReading | undefined): string[] {
  if (reading === undefined) return [];
  const intro = `Read by ${escapeText(reading.readBy)}${reading.steps.length === 0 ? ', which gave no reasoning steps.' : ', in these steps:'}`;
  const steps = reading.steps.map((step, i) => `${i + 1}. ${escapeText(oneLine(step))}`);
  return [
    `<details><summary>How the command was read</summary>\n\n${[intro, ...(steps.length === 0 ? [] : ['', ...steps])].join('\n')}\n\n</details>`,
  ];
}

/** What changed (the declarations) and what was deliberately left alone, with why. */
function toChangeSection(input: PullRequestInput): string[] {
  const sections: string[] = [];
  const targets = input.targets ?? [];
  if (input.title !== undefined || targets.length > 0) {
    const lines = ['## Change', ''];
    if (input.title !== undefined) lines.push(escapeText(input.title), '');
    if (targets.length > 0) {
      lines.push(`Declarations changed (${targets.length}):`, '');
      for (const t of targets.slice(0, MAX_LISTED_OCCURRENCES)) {
        const name = t.container === undefined ? t.name : `${t.container}.${t.name}`;
        lines.push(`- ${t.kind} ${codeSpan(name)} at ${codeSpan(`${t.file}:${t.line}`)}`);
      }
      if (targets.length > MAX_LISTED_OCCURRENCES)
        lines.push(`- … and ${targets.length - MAX_LISTED_OCCURRENCES} more`);
    }
    sections.push(lines.join('\n').trimEnd());
  }
  const leftAlone = input.leftAlone ?? [];
  if (leftAlone.length > 0) {
    const lines = [
      `## Left alone (${leftAlone.length})`,
      '',
      'Occurrences of the changed names the change did not edit, and why:',
      '',
    ];
    for (const o of leftAlone.slice(0, MAX_LISTED_OCCURRENCES)) {
      lines.push(
        `- ${codeSpan(`${o.file}:${o.line}:${o.column}`)} ${escapeText(o.reason)}${o.detail === '' ? '' : `: ${escapeText(o.detail)}`}`,
      );
    }
    if (leftAlone.length > MAX_LISTED_OCCURRENCES)
      lines.push(`- … and ${leftAlone.length - MAX_LISTED_OCCURRENCES} more (see result.json)`);
    sections.push(lines.join('\n'));
  }
  return sections;
}

/** The diff in a fenced block; collapsed past {@link MAX_OPEN_DIFF_LINES} lines. */
function toDiffSection(diff: string | undefined): string[] {
  if (diff === undefined || diff.trim() === '') return [];
  const text = diff.replace(/\n$/, '');
  const cut = text.length > MAX_DIFF_CHARS;
  const shown = cut ? text.slice(0, text.lastIndexOf('\n', MAX_DIFF_CHARS)) : text;
  const runs = shown.match(/^`{3,}/gm) ?? [];
  const fence = '`'.repeat(Math.max(3, ...runs.map((r) => r.length + 1)));
  const block = `${fence}diff\n${shown}\n${fence}${cut ? "\n\n… the rest is in the run folder's diff.patch." : ''}`;
  const lines = text.split('\n').length;
  return [
    lines <= MAX_OPEN_DIFF_LINES
      ? `## Diff\n\n${block}`
      : `## Diff\n\n<details><summary>${lines} lines</summary>\n\n${block}\n\n</details>`,
  ];
}

/** Where the tests ran (the branch; the base commit when they ran there) and what they gave. */
function toTestTable(input: PullRequestInput): string[] {
  const { tests } = input;
  const onBranch = tests.passed
    ? '✅ passed'
    : `❌ failed${tests.exitCode === undefined || tests.exitCode === null ? '' : ` (exit code ${tests.exitCode})`}`;
  const rows = [
    '| Ran on | Result | Time |',
    '| --- | --- | ---: |',
    `| branch ${cell(codeSpan(input.branch))} at ${codeSpan(input.commit.slice(0, 12))} | ${onBranch} | ${formatSeconds(tests.durationMs)} |`,
  ];
  const base = tests.baseline;
  if (base === undefined)
    return [
      ...rows,
      '',
      '_Not run at the base commit (`--baseline-tests` runs them there first)._',
    ];
  const atBase = base.passed
    ? '✅ passed before the change too'
    : base.timedOut
      ? '⏱ timed out: not known whether they failed before the change'
      : `❌ failed (exit code ${base.exitCode}): already failing before the change`;
  return [
    ...rows,
    `| base commit ${codeSpan(input.baseCommit.slice(0, 12))} | ${atBase} | ${formatSeconds(base.durationMs)} |`,
  ];
}

function toTitle(command: string): string {
  const oneLine = command.replace(/\s+/g, ' ').trim();
  const title = `mcp-orchestrator: ${oneLine}`;
  return title.length <= MAX_TITLE_LENGTH ? title : `${title.slice(0, MAX_TITLE_LENGTH - 1)}…`;
}

function toPhaseTable(rows: readonly PullRequestPhaseRow[]): string {
  const lines = [
    '| Phase | Status | Duration | Tokens | Retries |',
    '| --- | --- | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    lines.push(
      `| ${cell(row.phase)} | ${cell(row.status)} | ${formatSeconds(row.durationMs)} | ${row.tokens} | ${row.retries} |`,
    );
  }
  return lines.join('\n');
}

function toFileTable(diffStat: DiffStat): string {
  const lines = ['| File | + | − |', '| --- | ---: | ---: |'];
  for (const f of diffStat.files.slice(0, MAX_LISTED_FILES)) {
    const counts = f.binary ? '| binary | binary |' : `| ${f.additions} | ${f.deletions} |`;
    lines.push(`| ${cell(codeSpan(f.file))} ${counts}`);
  }
  const rest = diffStat.files.length - MAX_LISTED_FILES;
  if (rest > 0) lines.push(`| … and ${rest} more files | | |`);
  return lines.join('\n');
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Escapes `|` so text cannot break a table row. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replaceAll('|', '\\|');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Inline code that survives backticks in the text. */
function codeSpan(text: string): string {
  const oneLine = text.replace(/\r?\n/g, ' ');
  const runs = oneLine.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}

function escapeText(text: string): string {
  return text.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}
