import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTypeScriptAdapter,
  type TypeScriptAdapter,
} from '../../../../src/lang/typescript/index.js';
import type { RemoveUnusedImportsFacts } from '../../../../src/transforms/remove-unused-imports/contract.js';
import {
  createTsFixture,
  type TsFixture,
} from '../../../fixtures/lang-typescript/create-ts-fixture.js';
import { removeUnusedImports } from '../../../fixtures/transforms/remove-unused-imports-via-halves.js';

const LIB =
  'export const a = 1, b = 2, c = 3, d = 4, e = 5, f = 6;\nexport type T = number;\nexport default 7;\n';

const FILES: Record<string, string> = {
  'src/lib.ts': LIB,
  'src/side.ts': 'export {};\n',
  'src/main.ts': [
    "import { a, b, c } from './lib';",
    'import {',
    '  d,',
    '  e, // kept, with its comment',
    '  f,',
    "} from './lib';",
    "import * as ns from './lib';",
    "import g from './lib';",
    "import './side';",
    "import type { T } from './lib';",
    "import h, { f as unusedF } from './lib';",
    'import { a as y } from "./lib"',
    'export { y };',
    'console.log(a, e, h);',
    '',
  ].join('\n'),
  'src/crlf.ts':
    "import { a } from './lib';\r\nimport { b } from './lib';\r\n\r\nconsole.log(b);\r\n",
  'src/clean.js': "import { a } from './lib.js';\nconsole.log(a);\n",
  'src/unused.js': "import { a, b } from './lib.js';\nexport const z = b;\n",
};

describe('remove_unused_imports, TypeScript half (organize imports, RemoveUnused)', () => {
  let fixture: TsFixture;
  let adapter: TypeScriptAdapter;
  let after: Record<string, string>;
  let facts: RemoveUnusedImportsFacts;

  beforeAll(async () => {
    fixture = await createTsFixture(FILES);
    adapter = createTypeScriptAdapter({ root: fixture.root });
    ({ after, facts } = await removeUnusedImports(
      adapter,
      fixture.root,
      Object.keys(FILES).sort(),
    ));
  }, 60_000);

  afterAll(async () => {
    await adapter?.close();
    await fixture?.cleanup();
  });

  it('removes unused names and declarations, keeping order, comments, quotes and semicolons as written', () => {
    expect(after['src/main.ts']).toBe(
      [
        "import { a } from './lib';",
        'import {',
        '  e, // kept, with its comment',
        "} from './lib';",
        "import './side';",
        "import h from './lib';",
        'import { a as y } from "./lib"',
        'export { y };',
        'console.log(a, e, h);',
        '',
      ].join('\n'),
    );
  });

  it("removes a whole line in the file's own line endings, in JS files too", () => {
    expect(after['src/crlf.ts']).toBe("import { b } from './lib';\r\n\r\nconsole.log(b);\r\n");
    expect(after['src/unused.js']).toBe("import { b } from './lib.js';\nexport const z = b;\n");
  });

  it('leaves files without unused imports alone and lists every removed binding', () => {
    expect(after['src/clean.js']).toBeUndefined();
    expect(after['src/lib.ts']).toBeUndefined();
    expect(facts.removed.map((b) => `${b.file}:${b.line}:${b.name}`)).toEqual([
      'src/crlf.ts:1:a',
      'src/main.ts:1:b',
      'src/main.ts:1:c',
      'src/main.ts:3:d',
      'src/main.ts:5:f',
      'src/main.ts:7:ns',
      'src/main.ts:8:g',
      'src/main.ts:10:T',
      'src/main.ts:11:unusedF',
      'src/unused.js:1:a',
    ]);
    expect(facts.checked).toEqual(Object.keys(FILES).sort());
  });
});
