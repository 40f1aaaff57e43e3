import { OrchestratorError } from '../../core/errors.js';
import { type ManagedProcess, spawnProcess } from '../../process/index.js';
import { DRIVER_SCRIPT } from './driver-script.js';

/** What one `execute` returns. */
export interface ExecuteResult {
  stdout: string;
  stderr: string;
  /** `repr()` of the last expression's value, when the code ends in one that is not None. */
  value: string | null;
  error: { type: string; message: string; traceback: string } | null;
  /** The code ran past its time limit and was interrupted (KeyboardInterrupt) or killed. */
  timedOut: boolean;
  outputTruncated: boolean;
  /** The interpreter had to be killed, so what the code defined is gone. */
  interpreterLost: boolean;
  elapsedMs: number;
}

/** Options for one {@link PythonSession.execute}. */
export interface ExecuteOptions {
  timeoutMs: number;
  /** Characters kept of stdout, of stderr and of the value each. */
  maxOutputChars: number;
  signal?: AbortSignal;
}

/** How long an interrupted run may take to answer before the interpreter is killed, in ms. */
const INTERRUPT_GRACE_MS = 1000;
/** How long the interpreter may take to start, in ms. */
const START_TIMEOUT_MS = 15_000;

interface Reply {
  id?: number;
  ready?: boolean;
  python?: string;
  executable?: string;
  [key: string]: unknown;
}

/**
 * One persistent Python interpreter running the pyrepl driver in `root`: definitions survive
 * from one `execute` to the next until it is restarted, killed or closed. Runs one request at a
 * time (later ones wait their turn).
 */
export class PythonSession {
  readonly root: string;
  readonly python: string;
  #state: 'idle' | 'running' | 'closed' = 'idle';
  #child: ManagedProcess | undefined;
  #ready: Promise<{ python: string; executable: string }> | undefined;
  #waiting = new Map<number, (reply: Reply) => void>();
  #buffer = '';
  #stderrTail = '';
  #nextId = 1;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(root: string, python: string) {
    this.root = root;
    this.python = python;
  }

  /** `'idle'` (no interpreter yet, or it ended), `'running'`, or `'closed'`. */
  get state(): 'idle' | 'running' | 'closed' {
    return this.#state;
  }

  /** Runs `code`; starts the interpreter first when none runs. */
  execute(code: string, options: ExecuteOptions): Promise<ExecuteResult> {
    const run = this.#queue.then(() => this.#execute(code, options));
    this.#queue = run.catch(() => {});
    return run;
  }

  /** The interpreter's version and path (starting it when needed). */
  async describe(): Promise<{ python: string; executable: string }> {
    return this.#start();
  }

  /** Ends the interpreter; the next `execute` starts a fresh one. */
  async restart(): Promise<void> {
    await this.#stop();
  }

  /** Ends the interpreter and refuses further use. Safe to call twice. */
  async close(): Promise<void> {
    this.#state = 'closed';
    await this.#stop();
  }

  async #execute(code: string, options: ExecuteOptions): Promise<ExecuteResult> {
    const started = performance.now();
    await this.#start();
    const child = this.#child;
    if (child?.stdin === null || child === undefined) throw this.#lost('did not start');
    const id = this.#nextId++;
    const answered = new Promise<Reply>((resolve) => this.#waiting.set(id, resolve));
    child.stdin.write(`${JSON.stringify({ id, code, maxOutputChars: options.maxOutputChars })}\n`);
    const deadline = AbortSignal.any([
      AbortSignal.timeout(options.timeoutMs),
      ...(options.signal ? [options.signal] : []),
    ]);
    const reply = await Promise.race([answered, aborted(deadline)]);
    if (reply !== 'aborted') return toResult(reply, false, false, started);
    // Past the limit: interrupt (KeyboardInterrupt keeps the namespace), then kill.
    if (child.pid !== undefined) process.kill(child.pid, 'SIGINT');
    const late = await Promise.race([answered, delay(INTERRUPT_GRACE_MS)]);
    if (late !== undefined) return toResult(late, true, false, started);
    this.#waiting.delete(id);
    await this.#stop();
    return {
      stdout: '',
      stderr: '',
      value: null,
      error: {
        type: 'TimeoutError',
        message: `The code ran past its ${options.timeoutMs} ms limit and did not stop when interrupted; the interpreter was killed and everything it defined is gone.`,
        traceback: '',
      },
      timedOut: true,
      outputTruncated: false,
      interpreterLost: true,
      elapsedMs: Math.round(performance.now() - started),
    };
  }

  #start(): Promise<{ python: string; executable: string }> {
    if (this.#state === 'closed') {
      return Promise.reject(new OrchestratorError('BAD_INPUT', 'The pyrepl session is closed.'));
    }
    this.#ready ??= this.#spawn();
    return this.#ready;
  }

  async #spawn(): Promise<{ python: string; executable: string }> {
    this.#buffer = '';
    this.#stderrTail = '';
    const child = spawnProcess([this.python, '-u', '-c', DRIVER_SCRIPT, this.root], {
      cwd: this.root,
      env: { ...process.env, PYTHONIOENCODING: 'utf-8', PYTHONDONTWRITEBYTECODE: '1' },
      stdinGraceMs: 200,
      termGraceMs: 500,
    });
    this.#child = child;
    this.#state = 'running';
    const hello = new Promise<Reply>((resolve) => this.#waiting.set(0, resolve));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => this.#read(chunk));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      this.#stderrTail = (this.#stderrTail + chunk).slice(-2000);
    });
    void child.exited.then((exit) => {
      if (this.#child !== child) return;
      this.#child = undefined;
      this.#ready = undefined;
      if (this.#state !== 'closed') this.#state = 'idle';
      const gone = exit.kind === 'spawn-failed' ? exit.message : `ended (${JSON.stringify(exit)})`;
      for (const [, resolve] of this.#waiting) resolve({ lost: gone });
      this.#waiting.clear();
    });
    const first = await Promise.race([hello, delay(START_TIMEOUT_MS)]);
    if (first === undefined || first.ready !== true) {
      await this.#stop();
      throw this.#lost(
        first === undefined
          ? `did not start within ${START_TIMEOUT_MS} ms`
          : String(first.lost ?? 'sent no greeting'),
      );
    }
    return { python: String(first.python), executable: String(first.executable) };
  }

  #read(chunk: string): void {
    this.#buffer += chunk;
    for (let end = this.#buffer.indexOf('\n'); end !== -1; end = this.#buffer.indexOf('\n')) {
      const line = this.#buffer.slice(0, end);
      this.#buffer = this.#buffer.slice(end + 1);
      let reply: Reply;
      try {
        reply = JSON.parse(line) as Reply;
      } catch {
        continue;
      }
      const id = reply.ready === true ? 0 : Number(reply.id);
      const resolve = this.#waiting.get(id);
      this.#waiting.delete(id);
      resolve?.(reply);
    }
  }

  async #stop(): Promise<void> {
    const child = this.#child;
    this.#ready = undefined;
    if (!child) return;
    await child.stop();
  }

  #lost(why: string): OrchestratorError {
    return new OrchestratorError(
      'BAD_INPUT',
      `The Python interpreter ${this.python} in ${this.root} ${why}.${this.#stderrTail ? `\n${this.#stderrTail.trim()}` : ''}`,
      { data: { python: this.python, root: this.root } },
    );
  }
}

function toResult(reply: Reply, timedOut: boolean, lost: boolean, started: number): ExecuteResult {
  if (typeof reply.lost === 'string') {
    return {
      stdout: '',
      stderr: '',
      value: null,
      error: {
        type: 'InterpreterExited',
        message: `The interpreter ${reply.lost}; everything it defined is gone.`,
        traceback: '',
      },
      timedOut,
      outputTruncated: false,
      interpreterLost: true,
      elapsedMs: Math.round(performance.now() - started),
    };
  }
  const error = reply.error as ExecuteResult['error'];
  return {
    stdout: String(reply.stdout ?? ''),
    stderr: String(reply.stderr ?? ''),
    value: typeof reply.value === 'string' ? reply.value : null,
    error: error ?? null,
    timedOut,
    outputTruncated: reply.outputTruncated === true,
    interpreterLost: lost,
    elapsedMs: Math.round(performance.now() - started),
  };
}

function delay(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms).unref());
}

function aborted(signal: AbortSignal): Promise<'aborted'> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve('aborted');
    else signal.addEventListener('abort', () => resolve('aborted'), { once: true });
  });
}
