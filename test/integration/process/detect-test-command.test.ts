import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspaceFiles } from '../../../src/files/index.js';
import { detectTestCommand } from '../../../src/phases/plan/detect-test-command.js';
import { createCommandRunner } from '../../../src/process/index.js';

let dir: string;

/** An executable "interpreter" that answers the pytest probe with `exitCode`. */
async function fakePython(name: string, exitCode: number): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, `#!/bin/sh\nexit ${exitCode}\n`);
  await chmod(file, 0o755);
  return file;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'detect-test-command-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('detectTestCommand probing for pytest', () => {
  const signal = new AbortController().signal;

  it('picks pytest when the interpreter finds it', async () => {
    const python = await fakePython('with-pytest', 0);
    expect(
      await detectTestCommand({
        files: createWorkspaceFiles(dir),
        commands: createCommandRunner(),
        python,
        signal,
      }),
    ).toEqual([python, '-m', 'pytest', '-q', '-p', 'no:cacheprovider']);
  });

  it('probes once per runner: a second question with the same runner gets the first answer', async () => {
    const python = path.join(dir, 'counting-python');
    const count = path.join(dir, 'probes');
    await writeFile(python, `#!/bin/sh\necho probe >> ${count}\nexit 0\n`);
    await chmod(python, 0o755);
    const question = {
      files: createWorkspaceFiles(dir),
      commands: createCommandRunner(),
      python,
      signal,
    };
    const [first, second] = await Promise.all([
      detectTestCommand(question),
      detectTestCommand(question),
    ]);
    expect(second).toEqual(first);
    await detectTestCommand({ ...question, commands: createCommandRunner() });
    expect((await readFile(count, 'utf8')).trim().split('\n')).toHaveLength(2);
  });

  it('falls back to unittest when the probe fails or the interpreter cannot start', async () => {
    const python = await fakePython('without-pytest', 1);
    expect(
      await detectTestCommand({
        files: createWorkspaceFiles(dir),
        commands: createCommandRunner(),
        python,
        signal,
      }),
    ).toEqual([python, '-m', 'unittest', 'discover']);
    const missing = path.join(dir, 'no-such-python');
    expect(
      await detectTestCommand({
        files: createWorkspaceFiles(dir),
        commands: createCommandRunner(),
        python: missing,
        signal,
      }),
    ).toEqual([missing, '-m', 'unittest', 'discover']);
  });
});
