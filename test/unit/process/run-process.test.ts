import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createCommandRunner, runProcess } from '../../../src/process/index.js';

const cwd = tmpdir();

describe('runProcess', () => {
  it('keeps the whole output of a command that prints a lot, and its exit code', async () => {
    const script =
      "process.stdout.write('x'.repeat(3_000_000) + 'end'); process.stderr.write('done'); process.exitCode = 3";
    const result = await runProcess([process.execPath, '-e', script], {
      cwd,
      maxOutputBytes: 10_000_000,
      tailBytes: 10,
    });
    expect(result.exit).toEqual({ kind: 'exited', exitCode: 3 });
    expect(result.exitCode).toBe(3);
    expect(result.stdout).toHaveLength(3_000_003);
    expect(result.stdout.endsWith('xend')).toBe(true);
    expect(result.stderr).toBe('done');
    expect(result.outputTruncated).toBe(false);
    expect(result.outputTail).toHaveLength(10);
    expect(result.timedOut).toBe(false);
    expect(result.cancelled).toBe(false);
  });

  it('keeps the tail of stdout and stderr interleaved as they arrived', async () => {
    const result = await runProcess(
      ['sh', '-c', 'echo a; sleep 0.1; echo b >&2; sleep 0.1; echo c'],
      {
        cwd,
      },
    );
    expect(result.outputTail).toBe('a\nb\nc\n');
    expect(result.stdout).toBe('');
  });

  it('passes arguments through without a shell and writes input to stdin', async () => {
    const result = await runProcess(
      [
        process.execPath,
        '-e',
        'let s = ""; process.stdin.on("data", (c) => (s += c)).on("end", () => console.log(process.argv[1], s))',
        '$(echo hi) ; `x`',
      ],
      { cwd, input: 'é input', maxOutputBytes: 1000 },
    );
    expect(result.stdout).toBe('$(echo hi) ; `x` é input\n');
  });

  it('marks output past maxOutputBytes as truncated and keeps the first bytes', async () => {
    const result = await runProcess(['sh', '-c', 'printf abcdef'], { cwd, maxOutputBytes: 4 });
    expect(result.stdout).toBe('abcd');
    expect(result.outputTruncated).toBe(true);
  });

  it('reports a command that cannot start as a value naming the command and folder', async () => {
    const result = await runProcess(['/nonexistent/tool'], { cwd });
    expect(result.exit).toMatchObject({ kind: 'spawn-failed', errno: 'ENOENT' });
    expect(result.exit.kind === 'spawn-failed' && result.exit.message).toContain(
      `Could not start /nonexistent/tool in ${cwd}`,
    );
    expect(result.exitCode).toBeNull();
  });

  it('does not start a command whose signal already aborted', async () => {
    const before = process.listenerCount('exit');
    const result = await runProcess(['sh', '-c', 'echo never'], {
      cwd,
      signal: AbortSignal.abort(),
    });
    expect(result.exit).toEqual({ kind: 'aborted-before-start' });
    expect(result.cancelled).toBe(true);
    expect(result.outputTail).toBe('');
    expect(process.listenerCount('exit')).toBe(before);
  });

  it('streams stdout chunks to onStdout as they arrive', async () => {
    const chunks: string[] = [];
    await runProcess(['sh', '-c', 'echo one; sleep 0.1; echo two'], {
      cwd,
      onStdout: (chunk) => chunks.push(chunk.toString()),
    });
    expect(chunks.join('')).toBe('one\ntwo\n');
    expect(chunks.length).toBeGreaterThanOrEqual(2);
  });

  it('escalates to SIGKILL on timeout when the command ignores SIGTERM', async () => {
    const started = performance.now();
    const result = await runProcess(
      [process.execPath, '-e', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"],
      { cwd, timeoutMs: 200, termGraceMs: 300 },
    );
    expect(result.timedOut).toBe(true);
    expect(result.exit).toEqual({ kind: 'signalled', signal: 'SIGKILL' });
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('createCommandRunner', () => {
  it('runs a command and ends a failed start with its reason in the tail', async () => {
    const runner = createCommandRunner();
    const signal = new AbortController().signal;
    const ok = await runner.run(['sh', '-c', 'echo out; echo err >&2; exit 1'], {
      cwd,
      timeoutMs: 10_000,
      signal,
    });
    expect(ok).toMatchObject({ exitCode: 1, timedOut: false, cancelled: false });
    expect(ok.outputTail).toBe('out\nerr\n');
    const missing = await runner.run(['/nonexistent/tool'], { cwd, timeoutMs: 10_000, signal });
    expect(missing.exitCode).toBeNull();
    expect(missing.outputTail).toContain('Could not start /nonexistent/tool');
  });
});
