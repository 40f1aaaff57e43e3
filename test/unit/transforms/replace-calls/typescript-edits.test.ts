import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTypeScriptAdapter,
  type TypeScriptAdapter,
} from '../../../../src/lang/typescript/index.js';
import type { ReplaceCallsFacts } from '../../../../src/transforms/replace-calls/contract.js';
import {
  createTsFixture,
  type TsFixture,
} from '../../../fixtures/lang-typescript/create-ts-fixture.js';
import { positionIn, replaceCalls } from '../../../fixtures/transforms/replace-calls-via-halves.js';

const FILES: Record<string, string> = {
  'src/users.ts': [
    'export function getUser(id: number, verbose?: boolean): string {',
    "  return 'user' + id + (verbose ? '!' : '');",
    '}',
    '',
    'export function fetchUser(id: number, verbose = false): string {',
    "  return 'fetched' + id + (verbose ? '!' : '');",
    '}',
    '',
    'export function describe(id: number): string {',
    '  return getUser(id);',
    '}',
    '',
  ].join('\n'),
  'src/index.ts': "export { getUser } from './users';\nexport * as users from './users';\n",
  'src/direct.ts': "import { getUser } from './users';\n\nexport const a = getUser(1);\n",
  'src/aliased.ts':
    "import { getUser as load } from './users';\n\nexport const b = load(2, true);\n",
  'src/namespace.ts': "import * as api from './users';\n\nexport const c = api.getUser(3);\n",
  'src/reexported.ts':
    "import { getUser, users } from './index';\n\nexport const d = getUser(4) + users.getUser(5);\n",
  'src/value.ts':
    "import { getUser } from './users';\n\nexport const all = [1, 2].map(getUser);\nexport const e = getUser(6);\n",
  'src/crlf.ts':
    "import { describe } from './users';\r\nimport { getUser as g } from './index';\r\n\r\nexport const f = g(7) + describe(1);\r\n",
};

describe('replace_calls, TypeScript half: getUser → fetchUser', () => {
  let fixture: TsFixture;
  let adapter: TypeScriptAdapter;
  let after: Record<string, string>;
  let facts: ReplaceCallsFacts;

  beforeAll(async () => {
    fixture = await createTsFixture(FILES);
    adapter = createTypeScriptAdapter({ root: fixture.root });
    ({ after, facts } = await replaceCalls(
      adapter,
      fixture.root,
      { name: 'getUser', at: positionIn(FILES, 'src/users.ts', 'getUser') },
      { name: 'fetchUser', at: positionIn(FILES, 'src/users.ts', 'fetchUser') },
    ));
  }, 60_000);

  afterAll(async () => {
    await adapter?.close();
    await fixture?.cleanup();
  });

  it('replaces a call in the declaring file and turns a named import into the new name', () => {
    expect(after['src/users.ts']).toContain('  return fetchUser(id);\n');
    expect(after['src/direct.ts']).toBe(
      "import { fetchUser } from './users';\n\nexport const a = fetchUser(1);\n",
    );
  });

  it('replaces calls through an alias and a namespace import', () => {
    expect(after['src/aliased.ts']).toBe(
      "import { fetchUser } from './users';\n\nexport const b = fetchUser(2, true);\n",
    );
    expect(after['src/namespace.ts']).toBe(
      "import * as api from './users';\n\nexport const c = api.fetchUser(3);\n",
    );
  });

  it('replaces calls through re-exports, by a name in scope that means the new function', () => {
    expect(after['src/reexported.ts']).toBe(
      "import { users } from './index';\n\nexport const d = users.fetchUser(4) + users.fetchUser(5);\n",
    );
    expect(after['src/index.ts']).toBeUndefined();
  });

  it('leaves a use as a value alone, keeping its import and adding the new name to it', () => {
    expect(after['src/value.ts']).toBe(
      "import { getUser, fetchUser } from './users';\n\nexport const all = [1, 2].map(getUser);\nexport const e = fetchUser(6);\n",
    );
    expect(facts.leftAlone).toEqual([
      expect.objectContaining({
        file: 'src/value.ts',
        line: 3,
        detail: expect.stringContaining('passed as an argument to [1, 2].map'),
      }),
    ]);
  });

  it("joins an import of the module in the file's own line ending", () => {
    expect(after['src/crlf.ts']).toBe(
      "import { describe, fetchUser } from './users';\r\n\r\nexport const f = fetchUser(7) + describe(1);\r\n",
    );
  });

  it('lists every call replaced, with no mismatch', () => {
    expect(facts.calls.map((c) => `${c.file}:${c.line} ${c.callee} → ${c.replacement}`)).toEqual([
      'src/aliased.ts:3 load → fetchUser',
      'src/crlf.ts:4 g → fetchUser',
      'src/direct.ts:3 getUser → fetchUser',
      'src/namespace.ts:3 api.getUser → api.fetchUser',
      'src/reexported.ts:3 getUser → users.fetchUser',
      'src/reexported.ts:3 users.getUser → users.fetchUser',
      'src/users.ts:10 getUser → fetchUser',
      'src/value.ts:4 getUser → fetchUser',
    ]);
    expect(facts.mismatches).toEqual([]);
  });
});
