/**
 * `npm run bench`: with `--repo <path> --command "<cmd>"`, the whole change on that repository
 * (bench/repo.ts); otherwise rename, make-async and the catalogue on generated repositories,
 * one after the other, each in its own process. Exits non-zero when any of them fails.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const args = process.argv.slice(2);
if (args.includes('--repo')) {
  await (await import('./repo.js')).benchRepo(args);
} else {
  const failed: string[] = [];
  for (const name of ['rename', 'make-async', 'catalogue']) {
    const run = spawnSync(
      process.execPath,
      [path.join(import.meta.dirname, `${name}.js`), ...args],
      {
        stdio: 'inherit',
      },
    );
    if (run.status !== 0) failed.push(`${name} (exit ${run.status ?? run.signal})`);
  }
  if (failed.length > 0) {
    process.stderr.write(`bench failed: ${failed.join(', ')}\n`);
    process.exitCode = 1;
  }
}
