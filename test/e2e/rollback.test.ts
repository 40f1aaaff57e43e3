import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { createExampleRepo, type ExampleRepo, runCli } from '../helpers/fixture-repo.js';

const NAME_CHECK_TEST = `import unittest

from ledger.core import post_entry


class NameTest(unittest.TestCase):
    def test_the_function_keeps_its_public_name(self):
        self.assertEqual(post_entry.__name__, "post_entry")
`;

function processesMatching(pattern: string): string[] {
  try {
    return execFileSync('pgrep', ['-f', pattern], { encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

describe('any failure after EXECUTE starts leaves the repository exactly as it was', () => {
  let repo: ExampleRepo | undefined;
  afterEach(async () => {
    await repo?.cleanup();
    repo = undefined;
  });

  it('rolls back branch and worktree when the tests fail, and exits 1', async () => {
    repo = await createExampleRepo({
      example: 'ledger-py',
      files: { 'tests/test_name.py': NAME_CHECK_TEST },
    });
    const before = await repo.snapshot();
    const result = await runCli([
      'run',
      'rename function post_entry to record_entry',
      '--workspace',
      repo.dir,
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(1);
    const json = JSON.parse(result.stdout) as {
      success: boolean;
      error: { code: string; message: string };
      branch: null;
    };
    expect(json.success).toBe(false);
    expect(json.error.code).toBe('TESTS_FAILED');
    expect(json.error.message).toContain('rolled back');
    expect(json.branch).toBeNull();
    expect(await repo.snapshot()).toEqual(before);
  }, 240_000);

  it('rolls back and stops the test process on SIGTERM', async () => {
    repo = await createExampleRepo({ example: 'ledger-py' });
    const before = await repo.snapshot();
    const marker = `sleep 47.${process.pid}`;
    let signalled = false;
    const result = await runCli(
      [
        'run',
        'rename function post_entry to record_entry',
        '--workspace',
        repo.dir,
        '--test-command',
        marker,
      ],
      {
        onStderr: (text, pid) => {
          if (!signalled && text.includes(`running sh -c ${marker}`)) {
            signalled = true;
            setTimeout(() => process.kill(pid, 'SIGTERM'), 300);
          }
        },
      },
    );
    expect(signalled).toBe(true);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain('CANCELLED');
    expect(await repo.snapshot()).toEqual(before);
    expect(processesMatching(marker)).toEqual([]);
  }, 240_000);
});
