import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPythonWorkspace } from '../../../../src/lang/python/engine/python-workspace.js';
import { resolveScriptInterpreter } from '../../../../src/lang/python/engine/resolve-script-interpreter.js';

const REAL = execFileSync('python3', ['-I', '-c', 'import sys; print(sys.executable)'], {
  encoding: 'utf8',
}).trim();

describe('resolveScriptInterpreter', () => {
  const folders: string[] = [];
  afterEach(async () => {
    for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
  });

  /** A shell shim that counts its starts, as pyenv's does (it execs the real interpreter). */
  async function createShim(): Promise<{ shim: string; starts: string; root: string }> {
    const root = await mkdtemp(path.join(tmpdir(), 'mcpo-shim-'));
    folders.push(root);
    const shim = path.join(root, 'python3-shim');
    const starts = path.join(root, 'starts');
    await writeFile(shim, `#!/bin/sh\necho x >> '${starts}'\nexec '${REAL}' "$@"\n`);
    await chmod(shim, 0o755);
    await writeFile(path.join(root, 'a.py'), 'x = 1\n');
    return { shim, starts, root };
  }

  it('resolves a shim to the executable it starts', async () => {
    const { shim, root } = await createShim();
    expect(await resolveScriptInterpreter(shim, root)).toBe(REAL);
  });

  it('falls back to the given command when it cannot run', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'mcpo-shim-'));
    folders.push(root);
    expect(await resolveScriptInterpreter('no-such-python-here', root)).toBe('no-such-python-here');
  });

  it('starts the shim once for all of a workspace’s scripts', async () => {
    const { shim, starts, root } = await createShim();
    const workspace = createPythonWorkspace({ root, pythonPath: shim });
    const script = 'import json, sys; json.dump(json.load(sys.stdin)["n"] * 2, sys.stdout)';
    const answers = [];
    for (const n of [1, 2, 3]) answers.push(await workspace.runScript<number>(script, { n }));
    expect(answers).toEqual([2, 4, 6]);
    expect((await readFile(starts, 'utf8')).trim().split('\n')).toHaveLength(1);
    await workspace.session.close();
  });
});
