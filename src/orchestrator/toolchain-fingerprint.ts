import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The environment variables that change what a type checker or compile command sees. */
const ENVIRONMENT = ['PATH', 'VIRTUAL_ENV', 'CONDA_PREFIX', 'PYTHONPATH', 'NODE_PATH'];

/**
 * What results computed at a base commit also depend on: this package's version and the
 * type checkers it bundles (TypeScript, pyright), Node's, and the environment variables that
 * decide which tools and packages a command finds.
 */
export function toolchainFingerprint(env: Readonly<Record<string, string | undefined>>): string {
  return JSON.stringify({
    orchestrator: versionOf(new URL('../../package.json', import.meta.url)),
    typescript: versionOf(require.resolve('typescript/package.json')),
    pyright: versionOf(require.resolve('pyright/package.json')),
    node: process.version,
    env: Object.fromEntries(ENVIRONMENT.map((name) => [name, env[name] ?? null])),
  });
}

function versionOf(file: string | URL): string {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
    return typeof parsed.version === 'string' ? parsed.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
