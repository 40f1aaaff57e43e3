import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  createFixtureRepo,
  createTempDir,
  type FixtureRepo,
} from '../../fixtures/git/create-fixture-repo.js';
import { type CliResult, runCli } from '../../helpers/fixture-repo.js';
import { killBoxProcesses } from './find-box-processes.js';
import { snapshotCheckoutBytes, snapshotTree, type TreeSnapshot } from './snapshot-tree.js';

/**
 * A temp folder holding a real repository (`repo/`), the HOME every run gets (`home/`), its
 * TMPDIR (`tmp/`) and a sentinel folder next to the repository (`sentinel/`): whatever a run
 * writes outside the repository lands somewhere a snapshot sees it.
 */
export interface Box {
  dir: string;
  repo: FixtureRepo;
  sentinel: string;
  /** Runs the built CLI as a user would, with the box's HOME and TMPDIR. */
  cli(args: string[], options?: CliOptions): Promise<CliResult>;
  /** The checkout byte for byte, and every file of the box outside the repository. */
  snapshot(): Promise<BoxSnapshot>;
  cleanup(): Promise<void>;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  onStderr?: (text: string, pid: number) => void;
}

export interface BoxSnapshot {
  checkout: TreeSnapshot;
  outside: TreeSnapshot;
}

export interface BoxOptions {
  /** Files of the repository (committed). */
  files: Record<string, string | Buffer>;
  /** Files of the sentinel folder. */
  sentinel?: Record<string, string>;
  /** Tracked symlinks: repository path → target (`<sentinel>` is replaced by the sentinel's path). */
  links?: Record<string, string>;
}

/** Makes a box with one commit on `main`. */
export async function createBox(options: BoxOptions): Promise<Box> {
  const dir = await createTempDir('mcpo-reliability-');
  const repoDir = path.join(dir, 'repo');
  const sentinel = path.join(dir, 'sentinel');
  for (const folder of ['home', 'tmp', 'sentinel', 'repo']) await mkdir(path.join(dir, folder));
  for (const [file, content] of Object.entries(options.sentinel ?? { 'keep.txt': 'sentinel\n' })) {
    await writeFile(path.join(sentinel, file), content);
  }
  for (const [file, content] of Object.entries(options.files)) {
    await mkdir(path.dirname(path.join(repoDir, file)), { recursive: true });
    await writeFile(path.join(repoDir, file), content);
  }
  for (const [file, target] of Object.entries(options.links ?? {})) {
    await symlink(target.replace('<sentinel>', sentinel), path.join(repoDir, file));
  }
  const repo = await createFixtureRepo({ dir: repoDir, files: {} });
  const env = {
    HOME: path.join(dir, 'home'),
    TMPDIR: path.join(dir, 'tmp'),
    XDG_CACHE_HOME: undefined,
    XDG_CONFIG_HOME: undefined,
    XDG_DATA_HOME: undefined,
    XDG_STATE_HOME: undefined,
  };
  return {
    dir,
    repo,
    sentinel,
    cli: (args, cliOptions = {}) =>
      runCli(args, {
        env: { ...env, ...cliOptions.env },
        ...(cliOptions.onStderr ? { onStderr: cliOptions.onStderr } : {}),
      }),
    snapshot: async () => ({
      checkout: await snapshotCheckoutBytes(repoDir),
      outside: await snapshotTree(dir, (relative) => relative === 'repo'),
    }),
    async cleanup() {
      await killBoxProcesses(dir);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The result.json of the run whose CLI output names its run folder. */
export async function readRunResult(cli: CliResult): Promise<RunResultJson> {
  // The summary (with the run folder) is on stdout; a refusal names it on stderr.
  const output = `${cli.stdout}\n${cli.stderr}`;
  const folder = /run folder (\S+)/.exec(output)?.[1];
  if (folder === undefined) throw new Error(`The CLI named no run folder:\n${output}`);
  return JSON.parse(await readFile(path.join(folder, 'result.json'), 'utf8')) as RunResultJson;
}

/** The parts of result.json these tests read. */
export interface RunResultJson {
  success: boolean;
  branch: string | null;
  phases: Array<{ phase: string; success: boolean; retries: number; error?: { code: string } }>;
  error: { code: string; message: string } | null;
  checkoutChanges: Array<{ change: string; path: string }>;
  warnings: string[];
}
