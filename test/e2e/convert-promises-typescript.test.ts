import { describe, expect, it } from 'vitest';
import {
  USERS_TS_CONVERTED,
  USERS_TS_FILES,
} from '../fixtures/transforms/convert-promises-repo.js';
import {
  expectCommittedOnBranch,
  expectRefusedUntouched,
  useCommittedRun,
  useRefusedRun,
} from '../helpers/transform-e2e.js';

describe('run "convert promise chains to async/await in src/" on a TypeScript package (tsc + node:test)', () => {
  const run = useCommittedRun(
    { files: USERS_TS_FILES },
    'convert promise chains to async/await in src/',
  );

  it("commits the conversion through all seven phases, the repo's own tests green; the checkout untouched", async () => {
    await expectCommittedOnBranch(
      run,
      'mcp-orchestrator/convert-promise-chains-to-async-await-in-src',
    );
  });

  it("writes TypeScript's own conversion of every suggested function, and leaves the one it does not convert", async () => {
    expect(await run.repo.show(run.json.branch, 'src/users.ts')).toBe(USERS_TS_CONVERTED);
    expect(await run.repo.show(run.json.branch, 'src/db.ts')).toBe(USERS_TS_FILES['src/db.ts']);
    expect(run.result.stderr).toContain(
      'left as it is: loadLater (src/users.ts:26): it is an arrow function with an expression body',
    );
  });
});

describe('"convert promise chains to async/await in loadLater", a chain TypeScript does not convert', () => {
  const refused = useRefusedRun(
    { files: USERS_TS_FILES },
    'convert promise chains to async/await in loadLater',
  );

  it('is refused with exit 2, naming the function, its line and why, and leaves the repo byte-identical', () => {
    expectRefusedUntouched(
      refused,
      'No promise chain to convert to async/await in loadLater (src/users.ts:26): it is an arrow function with an expression body (TypeScript converts only a block body: write `{ return …; }`). Nothing was changed.',
    );
  });
});
