/**
 * The JS/TS table of blocking operations (documented in the README, deterministic).
 *
 * | Blocking call                                   | Async equivalent (same result)     |
 * | ----------------------------------------------- | ---------------------------------- |
 * | `fs.<x>Sync` with an entry in {@link FS_PROMISES} | `await fs.promises.<x>(…)`         |
 * | any other `fs.*Sync` (`existsSync`, `openSync`…) | none: left as it is                |
 * | `child_process.execSync/execFileSync/spawnSync` | none (the async forms return other shapes) |
 * | `zlib.*Sync` (`gzipSync`, `inflateSync`…)       | none (callback APIs)               |
 * | `crypto.*Sync` (`pbkdf2Sync`, `scryptSync`, `randomFillSync`, `generateKeyPairSync`…) | none |
 * | `Atomics.wait`                                  | none (`waitAsync` returns another shape) |
 * | `XMLHttpRequest#open(method, url, false)` (synchronous XHR) | none                   |
 *
 * Modules are matched with or without `node:`; names through imports, `require`, namespace
 * and default imports and local aliases, resolved by the checker (not by spelling).
 */

/** Modules whose every export ending in `Sync` blocks. */
export const BLOCKING_MODULES: ReadonlySet<string> = new Set([
  'fs',
  'child_process',
  'zlib',
  'crypto',
]);

/**
 * `fs.<name>Sync` → `fs.promises.<name>` where both give the same result for the same
 * arguments (`statSync`/`lstatSync` with `throwIfNoEntry: false` excepted; see the rewrite).
 */
export const FS_PROMISES: Readonly<Record<string, string>> = {
  accessSync: 'access',
  appendFileSync: 'appendFile',
  chmodSync: 'chmod',
  copyFileSync: 'copyFile',
  cpSync: 'cp',
  lstatSync: 'lstat',
  mkdirSync: 'mkdir',
  mkdtempSync: 'mkdtemp',
  opendirSync: 'opendir',
  readFileSync: 'readFile',
  readdirSync: 'readdir',
  readlinkSync: 'readlink',
  realpathSync: 'realpath',
  renameSync: 'rename',
  rmSync: 'rm',
  rmdirSync: 'rmdir',
  statSync: 'stat',
  symlinkSync: 'symlink',
  truncateSync: 'truncate',
  unlinkSync: 'unlink',
  utimesSync: 'utimes',
  writeFileSync: 'writeFile',
};

/** A blocking operation found in the table. */
export interface BlockingOperation {
  /** For people and the plan: `fs.readFileSync`, `Atomics.wait`, `XMLHttpRequest.open (sync)`. */
  label: string;
  /** The module (without `node:`), when it is a module's export. */
  module?: string;
  /** The export's name, when it is a module's export. */
  name?: string;
  /** The `fs/promises` function with the same result, when there is one. */
  promises?: string;
}

/** The table's entry for `module`'s export `name`, if it blocks. */
export function toBlockingOperation(module: string, name: string): BlockingOperation | undefined {
  const bare = module.startsWith('node:') ? module.slice('node:'.length) : module;
  if (!BLOCKING_MODULES.has(bare) || !name.endsWith('Sync')) return undefined;
  const promises = bare === 'fs' ? FS_PROMISES[name] : undefined;
  return {
    label: `${bare}.${name}`,
    module: bare,
    name,
    ...(promises === undefined ? {} : { promises }),
  };
}
