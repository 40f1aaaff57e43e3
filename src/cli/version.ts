import { readFileSync } from 'node:fs';

/** The package's version, from its package.json (two folders up from `dist/cli/` or `src/cli/`). */
export function readVersion(): string {
  const file = new URL('../../package.json', import.meta.url);
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
  return typeof parsed.version === 'string' ? parsed.version : '0.0.0';
}
