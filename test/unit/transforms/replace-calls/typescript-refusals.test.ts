import { afterEach, describe, expect, it } from 'vitest';
import {
  createTypeScriptAdapter,
  type TypeScriptAdapter,
} from '../../../../src/lang/typescript/index.js';
import {
  createTsFixture,
  type TsFixture,
} from '../../../fixtures/lang-typescript/create-ts-fixture.js';
import { positionIn, replaceCalls } from '../../../fixtures/transforms/replace-calls-via-halves.js';

const API = [
  'export function toNumber(text: string): number {',
  '  return Number(text);',
  '}',
  '',
  'export function twice(value: number): number {',
  '  return value * 2;',
  '}',
  '',
  'export function pair(a: string, b: string): string {',
  '  return a + b;',
  '}',
  '',
  'function hidden(text: string): number {',
  '  return text.length;',
  '}',
  '',
  'export class Parser {}',
  'export const keep = hidden;',
  '',
].join('\n');

describe('replace_calls, TypeScript half: refusals and library functions', () => {
  let fixture: TsFixture | undefined;
  let adapter: TypeScriptAdapter | undefined;
  afterEach(async () => {
    await adapter?.close();
    await fixture?.cleanup();
  });
  const open = async (files: Record<string, string>) => {
    fixture = await createTsFixture(files);
    adapter = createTypeScriptAdapter({ root: fixture.root });
    return { root: fixture.root, adapter, files };
  };
  const fn = (files: Record<string, string>, name: string) => ({
    name,
    at: positionIn(files, 'src/api.ts', `${name}(`),
  });

  it("lists calls whose arguments the checker says the new function's parameters cannot take", async () => {
    const files = {
      'src/api.ts': API,
      'src/use.ts':
        "import { toNumber } from './api';\n\nexport const n = toNumber('1') + toNumber(`2`);\n",
    };
    const { root } = await open(files);
    const result = await replaceCalls(
      adapter as TypeScriptAdapter,
      root,
      fn(files, 'toNumber'),
      fn(files, 'twice'),
    );
    expect(result.changed).toEqual([]);
    expect(result.facts.mismatches.map((m) => [m.line, m.column, m.problems])).toEqual([
      [3, 18, ['argument 1, \'1\' (type "1"), is not assignable to parameter value: number']],
      [3, 34, ['argument 1, `2` (type "2"), is not assignable to parameter value: number']],
    ]);
  });

  it('lists calls that pass too few arguments', async () => {
    const files = {
      'src/api.ts': API,
      'src/use.ts': "import { toNumber } from './api';\n\nexport const n = toNumber('1');\n",
    };
    const { root } = await open(files);
    const result = await replaceCalls(
      adapter as TypeScriptAdapter,
      root,
      fn(files, 'toNumber'),
      fn(files, 'pair'),
    );
    expect(result.facts.mismatches[0]?.problems).toEqual([
      'pair(a: string, b: string): string takes at least 2 argument(s); the call passes 1',
    ]);
  });

  it('replaces calls by a global function, with no import', async () => {
    const files = {
      'src/api.ts': API,
      'src/use.ts': "import { toNumber } from './api';\n\nexport const n = toNumber('1');\n",
    };
    const { root } = await open(files);
    const result = await replaceCalls(adapter as TypeScriptAdapter, root, fn(files, 'toNumber'), {
      name: 'Number',
    });
    expect(result.facts.to?.inWorkspace).toBe(false);
    expect(result.after['src/use.ts']).toBe("\nexport const n = Number('1');\n");
  });

  it('refuses a class, a name found nowhere, and a function its module does not export', async () => {
    const files = {
      'src/api.ts': API,
      'src/use.ts': "import { toNumber } from './api';\n\nexport const n = toNumber('1');\n",
    };
    const { root } = await open(files);
    const from = fn(files, 'toNumber');
    const parser = { name: 'Parser', at: positionIn(files, 'src/api.ts', 'Parser') };
    const asClass = await replaceCalls(adapter as TypeScriptAdapter, root, from, parser);
    expect(asClass.facts.unresolved[0]?.detail).toContain('is a class');
    const nowhere = await replaceCalls(adapter as TypeScriptAdapter, root, from, {
      name: 'nothere.parse',
    });
    expect(nowhere.facts.unresolved[0]?.detail).toContain('nor found in a module it can import');
    const hidden = await replaceCalls(
      adapter as TypeScriptAdapter,
      root,
      from,
      fn(files, 'hidden'),
    );
    expect(hidden.facts.unresolved[0]?.detail).toContain('is not exported from src/api.ts');
  });

  it('refuses a new name that is already declared for something else where it is called', async () => {
    const files = {
      'src/api.ts': API,
      'src/use.ts':
        "import { toNumber } from './api';\n\nconst twice = 3;\nexport const n = toNumber('1') * twice;\n",
    };
    const { root } = await open(files);
    const result = await replaceCalls(adapter as TypeScriptAdapter, root, fn(files, 'toNumber'), {
      name: 'twice',
      at: positionIn(files, 'src/api.ts', 'twice('),
    });
    expect(result.facts.collisions.map((c) => [c.file, c.line, c.reason])).toEqual([
      ['src/use.ts', 4, '"twice" is already declared and visible here'],
    ]);
  });

  it('writes a relative specifier the way the file writes its other imports', async () => {
    const files = {
      'src/api.js': 'export function load(id) {\n  return id;\n}\n',
      'src/next.js': 'export function fetchIt(id) {\n  return id + 1;\n}\n',
      'src/use.js':
        "import { load } from './api.js';\n\nexport const n = load(1);\nexport const m = load;\n",
    };
    const { root } = await open(files);
    const result = await replaceCalls(
      adapter as TypeScriptAdapter,
      root,
      { name: 'load', at: positionIn(files, 'src/api.js', 'load') },
      { name: 'fetchIt', at: positionIn(files, 'src/next.js', 'fetchIt') },
    );
    expect(result.after['src/use.js']).toBe(
      "import { load } from './api.js';\nimport { fetchIt } from './next.js';\n\nexport const n = fetchIt(1);\nexport const m = load;\n",
    );
  });
});

describe('replace_calls, TypeScript half: CommonJS', () => {
  let fixture: TsFixture | undefined;
  let adapter: TypeScriptAdapter | undefined;
  afterEach(async () => {
    await adapter?.close();
    await fixture?.cleanup();
  });

  it('requires the new function in a file that loads modules with require', async () => {
    const files = {
      'lib/api.js':
        'function load(id) {\n  return id;\n}\nfunction fetchIt(id) {\n  return id + 1;\n}\nmodule.exports = { load, fetchIt };\n',
      'lib/use.js': "const { load } = require('./api');\n\nmodule.exports = load(1);\n",
    };
    fixture = await createTsFixture(files);
    adapter = createTypeScriptAdapter({ root: fixture.root });
    const result = await replaceCalls(
      adapter,
      fixture.root,
      { name: 'load', at: positionIn(files, 'lib/api.js', 'load') },
      { name: 'fetchIt', at: positionIn(files, 'lib/api.js', 'fetchIt') },
    );
    expect(result.facts.mismatches).toEqual([]);
    expect(result.after['lib/use.js']).toBe(
      "const { load } = require('./api');\nconst { fetchIt } = require('./api');\n\nmodule.exports = fetchIt(1);\n",
    );
  });
});
