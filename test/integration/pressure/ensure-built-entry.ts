import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package root (where package.json and its "exports" live). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ENTRY = `${PACKAGE_ROOT}dist/index.js`;
const BUILT_MONITOR = `${PACKAGE_ROOT}dist/pressure/memory-pressure-monitor.js`;

function mtimeMs(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Number.NaN;
  }
}

/** True when dist exports the monitor and was built after every file of src/pressure and src/index.ts. */
function isFresh(): boolean {
  if (!existsSync(ENTRY) || !readFileSync(ENTRY, 'utf8').includes('MemoryPressureMonitor')) {
    return false;
  }
  const built = Math.min(mtimeMs(ENTRY), mtimeMs(BUILT_MONITOR));
  const sources = [
    `${PACKAGE_ROOT}src/index.ts`,
    ...readdirSync(`${PACKAGE_ROOT}src/pressure`).map(
      (name) => `${PACKAGE_ROOT}src/pressure/${name}`,
    ),
  ];
  return sources.every((source) => mtimeMs(source) <= built);
}

/**
 * Builds `dist/` with tsconfig.build.json unless it is already fresh (others build it too; not
 * rebuilding avoids racing their writes). Other folders may be mid-work and fail to typecheck:
 * tsc still emits, so its exit code is not the test. Throws when no entry point exporting
 * `MemoryPressureMonitor` comes out.
 */
export function ensureBuiltEntry(): void {
  if (isFresh()) return;
  const build = spawnSync(
    process.execPath,
    [`${PACKAGE_ROOT}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'],
    { cwd: PACKAGE_ROOT, encoding: 'utf8', timeout: 240_000 },
  );
  if (!existsSync(ENTRY) || !readFileSync(ENTRY, 'utf8').includes('MemoryPressureMonitor')) {
    throw new Error(
      `the build did not emit ${ENTRY} exporting MemoryPressureMonitor:\n${build.stdout}${build.stderr}`,
    );
  }
}
