import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTypeScriptAdapter,
  type TypeScriptAdapter,
} from '../../../../src/lang/typescript/index.js';
import {
  createTsFixture,
  type TsFixture,
} from '../../../fixtures/lang-typescript/create-ts-fixture.js';
import { renameCollisions, renameEdits } from '../../../fixtures/transforms/rename-via-halves.js';

const MODULES = 1000;
const USERS = 200;

/** 1,000 modules in a chain of imports; the first 200 call `getUser`. */
function largeRepoFiles(): Record<string, string> {
  const files: Record<string, string> = {
    'src/api.ts': 'export function getUser(id: number) {\n  return id;\n}\n',
  };
  for (let i = 0; i < MODULES; i++) {
    const lines = i < USERS ? ["import { getUser } from '../api';"] : [];
    if (i > 0) lines.push(`import { f${i - 1} } from './m${i - 1}';`);
    lines.push(`export function f${i}(x: number) {`);
    lines.push(`  const getUserName = 'getUser';`);
    lines.push(`  return ${i < USERS ? 'getUser(x) + ' : ''}x + getUserName.length;`);
    lines.push('}');
    if (i > 0) lines.push(`export const g${i} = f${i - 1}(1);`);
    files[`src/mods/m${i}.ts`] = `${lines.join('\n')}\n`;
  }
  return files;
}

/** Opt-in, as building the program takes seconds on a busy machine: TS_ADAPTER_LARGE=1. */
describe.runIf(process.env.TS_ADAPTER_LARGE === '1')(
  'TypeScript adapter on 1,000 files, 200 of them using the symbol',
  () => {
    let fixture: TsFixture;
    let adapter: TypeScriptAdapter;
    beforeAll(async () => {
      fixture = await createTsFixture(largeRepoFiles());
      adapter = createTypeScriptAdapter({ root: fixture.root });
    });
    afterAll(async () => {
      await adapter?.close();
      await fixture?.cleanup();
    });

    it('renames every use and answers a repeated rename from the warm service quickly', async () => {
      const at = { file: 'src/api.ts', line: 1, column: 17 };
      let started = performance.now();
      const edits = await renameEdits(adapter, at, 'fetchUser');
      const coldMs = performance.now() - started;
      expect(edits).toHaveLength(1 + USERS * 2);
      expect(new Set(edits.map((e) => e.file)).size).toBe(1 + USERS);
      started = performance.now();
      expect(await renameCollisions(adapter, at, 'fetchUser')).toEqual([]);
      const warmMs = performance.now() - started;
      console.log(
        `rename: cold ${Math.round(coldMs)} ms, collisions warm ${Math.round(warmMs)} ms`,
      );
      expect(warmMs).toBeLessThan(coldMs);
    });
  },
);
