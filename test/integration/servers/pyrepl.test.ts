import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  getDefaultEnvironment,
  StdioClientTransport,
} from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const serverMain = fileURLToPath(new URL('../../../dist/servers/pyrepl/main.js', import.meta.url));

interface Execution {
  stdout: string;
  stderr: string;
  value: string | null;
  error: { type: string; message: string; traceback: string } | null;
  timedOut: boolean;
  outputTruncated: boolean;
  interpreterLost: boolean;
  python: string;
}

describe('pyrepl MCP server over stdio', () => {
  let root: string;
  let outside: string;
  let client: Client;

  const execute = async (code: string, extra: Record<string, unknown> = {}): Promise<Execution> => {
    const result = await client.callTool({ name: 'execute', arguments: { code, ...extra } });
    expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
    return result.structuredContent as unknown as Execution;
  };

  beforeAll(async () => {
    root = realpathSync(mkdtempSync(path.join(tmpdir(), 'pyrepl-')));
    outside = realpathSync(mkdtempSync(path.join(tmpdir(), 'pyrepl-outside-')));
    mkdirSync(path.join(root, 'pkg'));
    mkdirSync(path.join(root, 'sub', '.venv', 'bin'), { recursive: true });
    symlinkSync(
      execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], {
        encoding: 'utf8',
      }).trim(),
      path.join(root, 'sub', '.venv', 'bin', 'python'),
    );
    client = new Client({ name: 'pyrepl-test', version: '0.0.0' });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [serverMain, '--root', root],
        env: getDefaultEnvironment(),
        stderr: 'pipe',
      }),
    );
  }, 30_000);

  afterAll(async () => {
    await client?.close();
    for (const dir of [root, outside]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps what the code defined from one call to the next, and returns the last value', async () => {
    expect((await execute('x = 41\nprint("hi")')).stdout).toBe('hi\n');
    const next = await execute('import os\nx + 1');
    expect(next).toMatchObject({ value: '42', error: null, python: 'python3' });
    expect((await execute('os.getcwd()')).value).toBe(`'${root}'`);
  });

  it('reports an exception with its type, message and traceback, and stderr', async () => {
    const result = await execute('import sys\nprint("oops", file=sys.stderr)\n1 / 0');
    expect(result.stderr).toBe('oops\n');
    expect(result.error).toMatchObject({ type: 'ZeroDivisionError', message: 'division by zero' });
    expect(result.error?.traceback).toContain('<pyrepl>');
  });

  it('caps the output it keeps and says so', async () => {
    const result = await execute('print("a" * 100000)', { maxOutputChars: 1000 });
    expect(result.stdout).toHaveLength(1000);
    expect(result.outputTruncated).toBe(true);
  });

  it('interrupts code past its time limit and keeps the interpreter', async () => {
    await execute('kept = "yes"');
    const result = await execute('while True:\n    pass', { timeoutMs: 300 });
    expect(result).toMatchObject({ timedOut: true, interpreterLost: false });
    expect(result.error?.type).toBe('KeyboardInterrupt');
    expect((await execute('kept')).value).toBe("'yes'");
  });

  it('kills code that will not stop, and starts a fresh interpreter on the next call', async () => {
    const result = await execute(
      'import signal, time\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    time.sleep(0.01)',
      { timeoutMs: 300 },
    );
    expect(result).toMatchObject({ timedOut: true, interpreterLost: true });
    expect((await execute('kept')).error?.type).toBe('NameError');
  }, 15_000);

  it('refuses writes, deletes and directory changes outside the workspace, processes and network', async () => {
    const target = path.join(outside, 'written.txt');
    for (const code of [
      `open(${JSON.stringify(target)}, "w").write("x")`,
      `import os; os.mkdir(${JSON.stringify(path.join(outside, 'd'))})`,
      `import os; os.remove(${JSON.stringify(path.join(outside, 'x'))})`,
      'import os; os.chdir("/")',
      'import subprocess; subprocess.run(["true"])',
      'import os; os.system("true")',
      'import socket; socket.create_connection(("127.0.0.1", 9), timeout=1)',
    ]) {
      const result = await execute(code);
      expect(result.error?.type, code).toBe('PermissionError');
      expect(result.error?.message, code).toContain(`pyrepl is confined to ${root}`);
    }
    expect(existsSync(target)).toBe(false);
    const inside = await execute(
      'open("pkg/made.py", "w").write("VALUE = 3\\n")\nimport pkg.made\npkg.made.VALUE',
    );
    expect(inside).toMatchObject({ error: null, value: '3' });
    expect(existsSync(path.join(root, 'pkg', '__pycache__'))).toBe(false);
  });

  it('runs one interpreter per workspace, with the workspace virtualenv, inside the root only', async () => {
    const sub = await execute('import os\nos.getcwd()', { workspace: 'sub' });
    expect(sub.value).toBe(`'${path.join(root, 'sub')}'`);
    expect(sub.python).toBe(path.join(root, 'sub', '.venv', 'bin', 'python'));
    expect((await execute('x', { workspace: 'sub' })).error?.type).toBe('NameError');
    const result = await client.callTool({
      name: 'execute',
      arguments: { code: '1', workspace: outside },
    });
    expect(result.isError).toBe(true);
    const [content] = result.content as Array<{ text: string }>;
    expect(JSON.parse(content?.text ?? '{}')).toMatchObject({ code: 'PATH_OUTSIDE_WORKSPACE' });
  });

  it('restart forgets what the interpreter defined', async () => {
    await execute('forgotten = 1');
    const restarted = await client.callTool({ name: 'restart', arguments: {} });
    expect(restarted.structuredContent).toEqual({ restarted: true });
    expect((await execute('forgotten')).error?.type).toBe('NameError');
  });
});
