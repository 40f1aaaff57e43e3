import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The interpreter pyright should use: `pythonPath` when given, else a `.venv` or `venv` in
 * `root`, else `python3` (looked up on PATH by whoever runs it).
 */
export function resolvePythonPath(root: string, pythonPath?: string): string {
  if (pythonPath !== undefined && pythonPath !== '') return pythonPath;
  const binDir = process.platform === 'win32' ? 'Scripts' : 'bin';
  const exe = process.platform === 'win32' ? 'python.exe' : 'python';
  for (const venv of ['.venv', 'venv']) {
    const candidate = path.join(root, venv, binDir, exe);
    if (existsSync(candidate)) return candidate;
  }
  return 'python3';
}
