import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { toTestRunner } from '../../../src/phases/optimize/test-runner.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A Python project whose three test modules log their name to order.txt as they run. */
async function pythonProject(failing: string | null): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mcpo-order-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, 'tests'));
  writeFileSync(path.join(dir, 'tests', '__init__.py'), '');
  for (const name of ['a', 'b', 'c']) {
    writeFileSync(
      path.join(dir, 'tests', `test_${name}.py`),
      `import os, unittest
class T(unittest.TestCase):
    def test_${name}(self):
        with open(os.path.join(os.getcwd(), "order.txt"), "a") as f:
            f.write("${name}\\n")
        self.assertNotEqual("${name}", ${failing === null ? 'None' : JSON.stringify(failing)})
`,
    );
  }
  return dir;
}

function run(argv: string[], cwd: string): { status: number | null; order: string[] } {
  const [command = '', ...args] = argv;
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  let order: string[] = [];
  try {
    order = readFileSync(path.join(cwd, 'order.txt'), 'utf8').trim().split('\n');
  } catch {}
  return { status: result.status, order };
}

const PYTEST = ['python3', '-m', 'pytest', '-q', '-p', 'no:cacheprovider'];
const UNITTEST = ['python3', '-m', 'unittest', 'discover'];

describe('tuned test commands on real runners', () => {
  it('pytest runs the tests that reach the change first, collecting nothing more or less', async () => {
    const dir = await pythonProject(null);
    const command = toTestRunner(PYTEST, null).toCommand({
      workers: 1,
      first: ['tests/test_c.py'],
    });
    expect(run(command, dir)).toEqual({ status: 0, order: ['c', 'a', 'b'] });
  });

  it('pytest stops at the first failure (-x) and exits 1', async () => {
    const dir = await pythonProject('c');
    const tuned = toTestRunner(PYTEST, null).toCommand({ workers: 1, first: ['tests/test_c.py'] });
    expect(run(tuned, dir)).toEqual({ status: 1, order: ['c'] });
  });

  it('unittest discover runs the modules that reach the change first, and -f stops at a failure', async () => {
    const passing = await pythonProject(null);
    const runner = toTestRunner(UNITTEST, null);
    expect(run(runner.toCommand({ workers: 1, first: ['tests/test_b.py'] }), passing)).toEqual({
      status: 0,
      order: ['b', 'a', 'c'],
    });
    const failing = await pythonProject('b');
    expect(run(runner.toCommand({ workers: 1, first: ['tests/test_b.py'] }), failing)).toEqual({
      status: 1,
      order: ['b'],
    });
  });

  it('unittest without tests first still fails fast', async () => {
    const dir = await pythonProject('a');
    const command = toTestRunner(['python3', '-m', 'unittest'], null).toCommand({
      workers: 1,
      first: [],
    });
    expect(command).toEqual(['python3', '-m', 'unittest', 'discover', '-f']);
    expect(run(command, dir)).toEqual({ status: 1, order: ['a'] });
  });

  it('node --test takes the chosen concurrency', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mcpo-order-'));
    dirs.push(dir);
    mkdirSync(path.join(dir, 'test'));
    for (const name of ['a', 'b']) {
      writeFileSync(
        path.join(dir, 'test', `${name}.test.mjs`),
        `import test from 'node:test';\nimport { appendFileSync } from 'node:fs';\ntest('${name}', async () => { appendFileSync('order.txt', 'start ${name}\\n'); await new Promise((r) => setTimeout(r, 200)); appendFileSync('order.txt', 'end ${name}\\n'); });\n`,
      );
    }
    const runner = toTestRunner(['npm', 'test', '--silent'], { test: 'node --test test/' });
    const serial = run(runner.toCommand({ workers: 1, first: [] }), dir);
    expect(serial.status).toBe(0);
    expect(serial.order).toEqual(['start a', 'end a', 'start b', 'end b']);
    writeFileSync(path.join(dir, 'order.txt'), '');
    const parallel = run(runner.toCommand({ workers: 2, first: [] }), dir);
    expect(parallel.order.slice(0, 2).every((line) => line.startsWith('start'))).toBe(true);
  });
});
