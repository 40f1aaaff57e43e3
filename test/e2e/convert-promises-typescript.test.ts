import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RepoSnapshot } from '../fixtures/git/snapshot-repo.js';
import {
  USERS_TS_CONVERTED,
  USERS_TS_FILES,
} from '../fixtures/transforms/convert-promises-repo.js';
import {
  type CliResult,
  createExampleRepo,
  type ExampleRepo,
  runCli,
} from '../helpers/fixture-repo.js';

interface RunJson {
  success: boolean;
  branch: string;
  phases: Array<{ phase: string; success: boolean }>;
}

describe('run "convert promise chains to async/await in src/" on a TypeScript package (tsc + node:test)', () => {
  let repo: ExampleRepo;
  let checkoutBefore: Record<string, string>;
  let result: CliResult;
  let json: RunJson;

  beforeAll(async () => {
    repo = await createExampleRepo({ files: USERS_TS_FILES });
    checkoutBefore = await repo.checkoutSnapshot();
    result = await runCli([
      'run',
      'convert promise chains to async/await in src/',
      '--workspace',
      repo.dir,
      '--json',
    ]);
    json = JSON.parse(result.stdout) as RunJson;
  }, 240_000);

  afterAll(() => repo?.cleanup());

  it("commits the conversion through all seven phases, the repo's own tests green; the checkout untouched", async () => {
    expect(result.code, result.stderr).toBe(0);
    expect(json.success).toBe(true);
    expect(json.phases.every((p) => p.success)).toBe(true);
    expect(json.phases.map((p) => p.phase)).toContain('review');
    expect(json.branch).toBe('mcp-orchestrator/convert-promise-chains-to-async-await-in-src');
    expect(await repo.checkoutSnapshot()).toEqual(checkoutBefore);
  });

  it("writes TypeScript's own conversion of every suggested function, and leaves the one it does not convert", async () => {
    expect(await repo.show(json.branch, 'src/users.ts')).toBe(USERS_TS_CONVERTED);
    expect(await repo.show(json.branch, 'src/db.ts')).toBe(USERS_TS_FILES['src/db.ts']);
    expect(result.stderr).toContain(
      'left as it is: loadLater (src/users.ts:26): it is an arrow function with an expression body',
    );
  });
});

describe('"convert promise chains to async/await in loadLater", a chain TypeScript does not convert', () => {
  let repo: ExampleRepo;
  let before: RepoSnapshot;
  let result: CliResult;

  beforeAll(async () => {
    repo = await createExampleRepo({ files: USERS_TS_FILES });
    before = await repo.snapshot();
    result = await runCli([
      'run',
      'convert promise chains to async/await in loadLater',
      '--workspace',
      repo.dir,
    ]);
  }, 240_000);

  afterAll(() => repo?.cleanup());

  it('is refused with exit 2, naming the function, its line and why, and leaves the repo byte-identical', async () => {
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(
      'No promise chain to convert to async/await in loadLater (src/users.ts:26): it is an arrow function with an expression body (TypeScript converts only a block body: write `{ return …; }`). Nothing was changed.',
    );
    expect(await repo.snapshot()).toEqual(before);
  });
});
