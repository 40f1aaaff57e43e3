import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  renderCandidateCommands,
  toShellWord,
} from '../../../src/cli/render-candidate-commands.js';
import type { RunResult } from '../../../src/orchestrator.js';

const AMBIGUOUS: Pick<RunResult, 'error' | 'phases'> = {
  error: { code: 'SYMBOL_AMBIGUOUS', message: '"helper" names 2 different symbols' },
  phases: [
    {
      phase: 'map',
      success: true,
      durationMs: 1,
      tokenCount: 0,
      retries: 0,
      data: {},
      warnings: [],
      backoffs: [],
    },
    {
      phase: 'logic',
      success: false,
      durationMs: 1,
      tokenCount: 0,
      retries: 0,
      data: {
        errorData: {
          symbol: 'helper',
          definitions: [
            {
              file: 'a.py',
              line: 1,
              column: 5,
              name: 'helper',
              kind: 'function',
              language: 'python',
            },
            {
              file: 'b.py',
              line: 3,
              column: 5,
              name: 'helper',
              kind: 'function',
              language: 'python',
            },
          ],
        },
      },
      error: { code: 'SYMBOL_AMBIGUOUS', message: '"helper" names 2 different symbols' },
      warnings: [],
      backoffs: [],
    },
  ],
};

describe('renderCandidateCommands', () => {
  it('prints a command per candidate with the subcommand, workspace and flags to repeat', async () => {
    const text = await renderCandidateCommands(
      AMBIGUOUS,
      { kind: 'rename', from: 'helper', to: 'assist' },
      { subcommand: 'plan', workspace: '/work/my repo', flags: ['--dry-run'] },
    );
    expect(text).toBe(
      [
        'Name one of them (ready to paste):',
        '  a.py:1 (function)',
        `    mcp-orchestrator plan 'rename function \`helper\` to assist in a.py' --workspace "/work/my repo" --dry-run`,
        '  b.py:3 (function)',
        `    mcp-orchestrator plan 'rename function \`helper\` to assist in b.py' --workspace "/work/my repo" --dry-run`,
        '',
      ].join('\n'),
    );
  });

  it('prints nothing for another error, or without the intent', async () => {
    const other = { ...AMBIGUOUS, error: { code: 'SYMBOL_NOT_FOUND', message: 'x' } };
    const rerun = { subcommand: 'run', workspace: '/w' } as const;
    expect(
      await renderCandidateCommands(other, { kind: 'rename', from: 'a', to: 'b' }, rerun),
    ).toBe('');
    expect(await renderCandidateCommands(AMBIGUOUS, undefined, rerun)).toBe('');
  });
});

describe('toShellWord', () => {
  it('gives words a POSIX shell reads back as the same text', () => {
    const texts = [
      'plain',
      '/tmp/repo',
      'rename a to b in src/x.ts',
      'rename `helper` to assist',
      'it\'s $HOME and "quoted" and \\ and !',
    ];
    const words = texts.map(toShellWord);
    expect(words.slice(0, 3)).toEqual(['plain', '/tmp/repo', '"rename a to b in src/x.ts"']);
    const echoed = execFileSync('sh', ['-c', `printf '%s\\n' ${words.join(' ')}`], {
      encoding: 'utf8',
    });
    expect(echoed).toBe(`${texts.join('\n')}\n`);
  });
});
