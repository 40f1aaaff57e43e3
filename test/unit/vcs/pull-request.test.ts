import { describe, expect, it } from 'vitest';
import {
  MAX_LISTED_FILES,
  MAX_OPEN_DIFF_LINES,
  type PullRequestInput,
  toPullRequest,
} from '../../../src/vcs/pull-request.js';

const BASE = 'a'.repeat(40);
const COMMIT = 'b'.repeat(40);

function input(overrides: Partial<PullRequestInput> = {}): PullRequestInput {
  return {
    command: 'rename getUser to fetchUser',
    branch: 'mcp-orchestrator/rename-getuser-to-fetchuser',
    baseBranch: 'main',
    baseCommit: BASE,
    commit: COMMIT,
    diffStat: {
      files: [
        { file: 'src/user.ts', additions: 1, deletions: 1, binary: false },
        { file: 'src/a|b.ts', additions: 2, deletions: 2, binary: false },
        { file: 'logo.png', additions: 0, deletions: 0, binary: true },
      ],
      additions: 3,
      deletions: 3,
    },
    phaseRows: [
      { phase: 'map', status: 'ok', durationMs: 1234, tokens: 512, retries: 0 },
      { phase: 'execute', status: 'ok', durationMs: 5600, tokens: 0, retries: 1 },
    ],
    risk: {
      breakageProbability: 0.1234,
      blastRadiusP50: 3,
      blastRadiusP95: 7,
      iterations: 1000,
      testsToRun: ['test/user.test.ts'],
    },
    tests: { command: 'npm test', passed: true, durationMs: 4200, summary: '12 passed' },
    ...overrides,
  };
}

describe('toPullRequest', () => {
  it('targets the base branch from the run branch and carries the totals', () => {
    const pr = toPullRequest(input());
    expect(pr).toMatchObject({
      title: 'mcp-orchestrator: rename getUser to fetchUser',
      head: 'mcp-orchestrator/rename-getuser-to-fetchuser',
      base: 'main',
      commit: COMMIT,
      files: ['logo.png', 'src/a|b.ts', 'src/user.ts'],
      additions: 3,
      deletions: 3,
    });
  });

  it('writes the command, phase table, risk, tests and changed files as markdown', () => {
    const { body } = toPullRequest(input());
    expect(body).toContain('## Command\n\n`rename getUser to fetchUser`');
    expect(body).toContain('| Phase | Status | Duration | Tokens | Retries |');
    expect(body).toContain('| map | ok | 1.23 s | 512 | 0 |');
    expect(body).toContain('| execute | ok | 5.60 s | 0 | 1 |');
    expect(body).toContain('- Probability of breakage: 12.3%');
    expect(body).toContain('- Blast radius: 3 files (p50), 7 files (p95)');
    expect(body).toContain('- Simulations: 1000');
    expect(body).toContain('✅ Passed: `npm test` in 4.20 s');
    expect(body).toContain('12 passed');
    expect(body).toContain('## Changed files (3 files, +3 −3)');
    expect(body).toContain('| `src/user.ts` | 1 | 1 |');
    expect(body).toContain('| `src/a\\|b.ts` | 2 | 2 |');
    expect(body).toContain('| `logo.png` | binary | binary |');
    expect(body).toContain(`\`${BASE.slice(0, 12)}\``);
  });

  it('puts the phase table in a collapsed details block', () => {
    const { body } = toPullRequest(input());
    expect(body).toMatch(
      /<details><summary>Phase timings \([\d.]+ s\)<\/summary>\n\n\| Phase \| Status/,
    );
    expect(body).not.toContain('## Phases');
  });

  it('shows a short diff open and collapses a long one', () => {
    const short = 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n';
    const open = toPullRequest({ ...input(), diff: short }).body;
    expect(open).toContain(`## Diff\n\n\`\`\`diff\n${short}\`\`\``);
    const long = `${short}${Array.from({ length: MAX_OPEN_DIFF_LINES }, (_, i) => ` line ${i}`).join('\n')}\n`;
    const collapsed = toPullRequest({ ...input(), diff: long }).body;
    expect(collapsed).toContain(
      `## Diff\n\n<details><summary>${MAX_OPEN_DIFF_LINES + 6} lines</summary>\n\n\`\`\`diff\n`,
    );
  });

  it('shows where the tests ran and their result: the branch, and the base commit when they ran there', () => {
    const branchRow = `| branch \`mcp-orchestrator/rename-getuser-to-fetchuser\` at \`${COMMIT.slice(0, 12)}\` | ✅ passed | 4.20 s |`;
    const alone = toPullRequest(input()).body;
    expect(alone).toContain(`| Ran on | Result | Time |\n| --- | --- | ---: |\n${branchRow}\n`);
    expect(alone).toContain(
      '_Not run at the base commit (`--baseline-tests` runs them there first)._',
    );
    const baseline = { passed: true, exitCode: 0, durationMs: 3900, timedOut: false };
    const passedBefore = toPullRequest(
      input({ tests: { ...input().tests, exitCode: 0, baseline } }),
    ).body;
    expect(passedBefore).toContain(
      `${branchRow}\n| base commit \`${BASE.slice(0, 12)}\` | ✅ passed before the change too | 3.90 s |`,
    );
    expect(passedBefore).not.toContain('Not run at the base commit');
    const failingBefore = toPullRequest(
      input({ tests: { ...input().tests, baseline: { ...baseline, passed: false, exitCode: 1 } } }),
    ).body;
    expect(failingBefore).toContain(
      `| base commit \`${BASE.slice(0, 12)}\` | ❌ failed (exit code 1): already failing before the change | 3.90 s |`,
    );
    const timedOut = toPullRequest(
      input({
        tests: {
          ...input().tests,
          baseline: { ...baseline, passed: false, exitCode: null, timedOut: true },
        },
      }),
    ).body;
    expect(timedOut).toContain('| ⏱ timed out: not known whether they failed before the change |');
  });

  it('reports failing tests as failed', () => {
    const { body } = toPullRequest(
      input({ tests: { command: 'pytest', passed: false, durationMs: 10, summary: '' } }),
    );
    expect(body).toContain('❌ Failed: `pytest` in 0.01 s');
    const withCode = toPullRequest(
      input({
        tests: { command: 'pytest', passed: false, durationMs: 10, summary: '', exitCode: 2 },
      }),
    ).body;
    expect(withCode).toContain('| ❌ failed (exit code 2) | 0.01 s |');
  });

  it('keeps backticks in the command inside one code span and shortens a long title', () => {
    const command = `rename \`a\` to b in ${'x'.repeat(100)}`;
    const pr = toPullRequest(input({ command }));
    expect(pr.body).toContain(`\`\`${command}\`\``);
    expect(pr.title.length).toBe(72);
    expect(pr.title.endsWith('…')).toBe(true);
  });

  it('lists at most MAX_LISTED_FILES files and says how many more there are', () => {
    const files = Array.from({ length: MAX_LISTED_FILES + 5 }, (_, i) => ({
      file: `f${String(i).padStart(4, '0')}.ts`,
      additions: 1,
      deletions: 0,
      binary: false,
    }));
    const pr = toPullRequest(input({ diffStat: { files, additions: files.length, deletions: 0 } }));
    expect(pr.files).toHaveLength(MAX_LISTED_FILES + 5);
    expect(pr.body).toContain('| … and 5 more files | | |');
    expect(pr.body).not.toContain(`f${String(MAX_LISTED_FILES).padStart(4, '0')}.ts`);
  });

  it('names the declarations changed, what was left alone and why, and the compile check', () => {
    const { body } = toPullRequest(
      input({
        title: 'Rename getUser to fetchUser',
        targets: [{ file: 'src/user.ts', line: 3, name: 'getUser', kind: 'function' }],
        leftAlone: [
          {
            file: 'src/cache.ts',
            line: 9,
            column: 12,
            reason: 'other-symbol',
            detail: 'method Cache.getUser at src/cache.ts:4',
          },
          { file: 'README.md', line: 2, column: 5, reason: 'comment', detail: '' },
        ],
        compile: { description: 'type check (tsconfig.json) of 2 file(s)', passed: true },
      }),
    );
    expect(body).toContain(
      '## Change\n\nRename getUser to fetchUser\n\nDeclarations changed (1):\n\n- function `getUser` at `src/user.ts:3`\n\n## Left alone (2)',
    );
    expect(body).toContain(
      '## Left alone (2)\n\nOccurrences of the changed names the change did not edit, and why:\n\n- `src/cache.ts:9:12` other-symbol: method Cache.getUser at src/cache.ts:4\n- `README.md:2:5` comment\n',
    );
    expect(body).toContain('✅ Compile check: type check (tsconfig.json) of 2 file(s)');
  });

  it('leaves the sections out when there is nothing to say', () => {
    const { body } = toPullRequest(input());
    expect(body).not.toContain('## Change\n');
    expect(body).not.toContain('## Left alone');
    expect(body).not.toContain('Compile check');
    expect(body).not.toContain('How the command was read');
  });

  it("puts a model planner's numbered reasoning steps in a collapsed block under the command", () => {
    const { body } = toPullRequest(
      input({
        command: 'swap the name getUser for fetchUser',
        reading: {
          readBy: 'the openai model llama3.1',
          steps: ['"swap X for Y" asks for a rename.', 'Names copied:\n<getUser> and fetchUser.'],
        },
      }),
    );
    expect(body).toContain(
      [
        '## Command\n\n`swap the name getUser for fetchUser`\n',
        '<details><summary>How the command was read</summary>\n',
        'Read by the openai model llama3.1, in these steps:\n',
        '1. "swap X for Y" asks for a rename.',
        '2. Names copied: &lt;getUser&gt; and fetchUser.\n',
        '</details>\n',
        '## ',
      ].join('\n'),
    );
  });

  it('says so when the model that read the command gave no steps', () => {
    const { body } = toPullRequest(
      input({ reading: { readBy: 'the anthropic model m', steps: [] } }),
    );
    expect(body).toContain(
      '<details><summary>How the command was read</summary>\n\nRead by the anthropic model m, which gave no reasoning steps.\n\n</details>',
    );
  });

  it('gives the same text for the same input', () => {
    expect(toPullRequest(input())).toEqual(toPullRequest(input()));
  });
});
