import { describe, expect, it } from 'vitest';
import { checkChangeFlags } from '../../../src/cli/check-change-flags.js';

describe('checkChangeFlags', () => {
  it('refuses the pull-request flags plan and --dry-run would ignore, naming them', () => {
    expect(() => checkChangeFlags('plan', { output: 'pr.json', github: true })).toThrow(
      'plan makes no pull request, so --output, --github would do nothing.',
    );
    expect(() => checkChangeFlags('run', { dryRun: true, remote: 'origin' })).toThrow(
      '--dry-run makes no pull request, so --remote would do nothing. Drop --dry-run',
    );
    expect(() => checkChangeFlags('run', { output: 'pr.json', github: true })).not.toThrow();
  });

  it('refuses a --workspace that does not exist or is a file', () => {
    expect(() => checkChangeFlags('run', { workspace: '/nonexistent/x' })).toThrow(
      '--workspace /nonexistent/x: the folder /nonexistent/x does not exist.',
    );
    expect(() => checkChangeFlags('apply', { workspace: import.meta.filename })).toThrow(
      'is a file, not a folder',
    );
  });
});
