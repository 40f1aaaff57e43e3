import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { type RunOwner, readProcessStat } from '../../../src/vcs/run-owner.js';

/** A real process that runs until stopped. */
export interface Sleeper {
  pid: number;
  /** Its start time, `/proc/<pid>/stat` field 22. */
  startTime: string;
  /** SIGKILLs it and waits until it is reaped. Idempotent. */
  stop(): Promise<void>;
}

/** Starts a Node process that idles; `title` becomes its command name (`/proc/<pid>/comm`). */
export async function startSleeper(title = 'mcpo-sleeper'): Promise<Sleeper> {
  const child = spawn(
    process.execPath,
    ['-e', `process.title = ${JSON.stringify(title)}; setInterval(() => {}, 1000)`],
    { stdio: 'ignore' },
  );
  await once(child, 'spawn');
  const pid = child.pid as number;
  // The title is set by the child's first statement: wait until /proc shows it.
  let stat = await readProcessStat(pid);
  for (let i = 0; i < 200 && stat !== null && !(await commIs(pid, title)); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    stat = await readProcessStat(pid);
  }
  if (stat === null) throw new Error(`No /proc entry for the sleeper ${pid}.`);
  return { pid, startTime: stat.startTime, stop: () => stopChild(child) };
}

/** The owner record of a process that ran and was killed with SIGKILL (a crash). */
export async function crashedOwner(): Promise<RunOwner> {
  const sleeper = await startSleeper();
  await sleeper.stop();
  return { pid: sleeper.pid, processStartTime: sleeper.startTime, host: os.hostname() };
}

/** A zombie: a child that exited and that its parent (`sleep`) never reaps. */
export async function startZombie(): Promise<{ pid: number; stop(): Promise<void> }> {
  const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 60'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [chunk] = (await once(parent.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
  const pid = Number(chunk.toString().trim());
  for (let i = 0; i < 200 && (await readProcessStat(pid))?.state !== 'Z'; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { pid, stop: () => stopChild(parent) };
}

async function commIs(pid: number, title: string): Promise<boolean> {
  const comm = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '');
  return comm.trim() === title.slice(0, 15);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}
