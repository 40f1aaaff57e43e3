import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createExampleRepo, type ExampleRepo, runCli } from '../helpers/fixture-repo.js';

describe('files git does not track', () => {
  let repo: ExampleRepo | undefined;
  afterAll(() => repo?.cleanup());

  it('are neither candidates nor edited: an ignored build copy stays as it is', async () => {
    repo = await createExampleRepo({ example: 'ledger-py', files: { '.gitignore': 'build/\n' } });
    const copy = path.join(repo.dir, 'build', 'lib', 'ledger', 'core.py');
    await mkdir(path.dirname(copy), { recursive: true });
    const original = await repo.read('ledger/core.py');
    await writeFile(copy, original);
    const result = await runCli([
      'run',
      'rename function post_entry to record_entry',
      '--workspace',
      repo.dir,
      '--json',
    ]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { branch: string };
    expect(await repo.show(json.branch, 'ledger/core.py')).toContain('def record_entry(');
    expect(await readFile(copy, 'utf8')).toBe(original);
  }, 240_000);
});
