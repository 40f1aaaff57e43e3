import { readdir, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/** A live process that belongs to a test box. */
export interface BoxProcess {
  pid: number;
  cwd: string;
  command: string;
}

/**
 * Live processes of the box at `dir`: those whose working folder is inside it, and those whose
 * environment names the box — every run of the box gets `HOME=<dir>/home`, and what it starts
 * inherits it next to the `MCP_ORCHESTRATOR_PROCESS_TREE` marker (other runs on this machine
 * carry the marker too, so the marker alone says nothing). Zombies are not listed.
 */
export async function findBoxProcesses(dir: string): Promise<BoxProcess[]> {
  const names = await readdir('/proc');
  const home = Buffer.from(`\0HOME=${path.join(dir, 'home')}\0`);
  const found: BoxProcess[] = [];
  for (const name of names) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    const link = await readlink(`/proc/${pid}/cwd`).catch(() => null);
    const environ = await readFile(`/proc/${pid}/environ`).catch(() => null);
    if (link === null || environ === null) continue;
    const cwd = link.replace(/ \(deleted\)$/, '');
    const inBox = cwd === dir || cwd.startsWith(`${dir}/`);
    const ours = Buffer.concat([Buffer.from('\0'), environ]).includes(home);
    if (!inBox && !ours) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    found.push({ pid, cwd, command: cmdline.split('\0').join(' ').trim() });
  }
  return found;
}

/** The box's processes still alive after `graceMs` (a SIGKILLed process takes a moment to go). */
export async function leftoverBoxProcesses(dir: string, graceMs = 3_000): Promise<BoxProcess[]> {
  const deadline = Date.now() + graceMs;
  let left = await findBoxProcesses(dir);
  while (left.length > 0 && Date.now() < deadline) {
    await delay(50);
    left = await findBoxProcesses(dir);
  }
  return left;
}

/** SIGKILLs whatever the box still runs (a failed test must not leave processes behind). */
export async function killBoxProcesses(dir: string): Promise<void> {
  for (const { pid } of await findBoxProcesses(dir)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
}
