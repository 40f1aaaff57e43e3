import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { STATE_DIR_NAME } from '../vcs/open-git-workspace.js';

/** A run's id and folder, `<root>/.mcp-orchestrator/runs/<runId>/`. */
export interface RunFolder {
  runId: string;
  runDir: string;
  writeJson(name: string, value: unknown): Promise<string>;
  writeText(name: string, text: string): Promise<string>;
}

/** Makes a fresh run folder with a sortable, unique id (UTC time + random suffix). */
export async function createRunFolder(root: string, now = new Date()): Promise<RunFolder> {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const runId = `${stamp}-${randomBytes(3).toString('hex')}`;
  const runDir = path.join(root, STATE_DIR_NAME, 'runs', runId);
  await mkdir(path.join(runDir, 'context'), { recursive: true });
  const writeText = async (name: string, text: string): Promise<string> => {
    const file = path.join(runDir, name);
    await writeFile(file, text);
    return file;
  };
  return {
    runId,
    runDir,
    writeText,
    writeJson: (name, value) => writeText(name, `${JSON.stringify(value, null, 2)}\n`),
  };
}
