import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../../src/core/errors.js';
import {
  createTypeScriptAdapter,
  type TypeScriptAdapter,
} from '../../../../src/lang/typescript/index.js';
import {
  createTsFixture,
  type TsFixture,
} from '../../../fixtures/lang-typescript/create-ts-fixture.js';
import { renameEdits } from '../../../fixtures/transforms/rename-via-halves.js';

const FILES_ROOT_PARENT = '/nonexistent-parent-for-tests';

const FILES: Record<string, string> = {
  'src/users.ts': [
    'export function getUser(id: number) {',
    '  return { id };',
    '}',
    'export class Repo {',
    '  getUser(id: number) {',
    '    return getUser(id);',
    '  }',
    '}',
    '',
  ].join('\n'),
  'src/app.ts': [
    "import { getUser, Repo } from './users';",
    "import type { Config } from './config';",
    'export function main(config: Config) {',
    '  return getUser(config.id);',
    '}',
    'getUser(0);',
    '',
  ].join('\n'),
  'src/config.ts': 'export interface Config {\n  id: number;\n}\n',
  'lib/legacy.js': "const { getUser } = require('../src/users');\nmodule.exports = getUser;\n",
  'node_modules/dep/index.js': 'export function getUser() {}\n',
  'dist/users.js': 'export function getUser() {}\n',
};

describe('TypeScript adapter: definitions, references, callers and imports', () => {
  let fixture: TsFixture | undefined;
  let adapter: TypeScriptAdapter | undefined;
  afterEach(async () => {
    await adapter?.close();
    await fixture?.cleanup();
    adapter = undefined;
    fixture = undefined;
  });

  async function setUp(files: Record<string, string> = FILES): Promise<TypeScriptAdapter> {
    fixture = await createTsFixture(files);
    adapter = createTypeScriptAdapter({ root: fixture.root });
    return adapter;
  }

  it('finds exact-name definitions with kind and container, outside node_modules and dist', async () => {
    const definitions = await (await setUp()).findDefinitions('getUser');
    expect(definitions).toEqual([
      {
        file: 'src/users.ts',
        line: 1,
        column: 17,
        name: 'getUser',
        kind: 'function',
        language: 'typescript',
      },
      {
        file: 'src/users.ts',
        line: 5,
        column: 3,
        name: 'getUser',
        kind: 'method',
        language: 'typescript',
        container: 'Repo',
      },
    ]);
    expect(await adapter?.findDefinitions('getUs')).toEqual([]);
  });

  it('finds every reference of a function across files, with import and definition flags', async () => {
    await setUp();
    const at = fixture?.positionOf('src/users.ts', 'getUser') as never;
    const references = await adapter?.findReferences(at);
    expect(
      references?.map((r) => [`${r.file}:${r.line}:${r.column}`, r.isDefinition, r.isImport]),
    ).toEqual([
      ['lib/legacy.js:1:9', false, true],
      ['lib/legacy.js:2:18', false, false],
      ['src/app.ts:1:10', false, true],
      ['src/app.ts:4:10', false, false],
      ['src/app.ts:6:1', false, false],
      ['src/users.ts:1:17', true, false],
      ['src/users.ts:6:12', false, false],
    ]);
    expect(references?.[3]?.lineText).toBe('  return getUser(config.id);');
  });

  it('lists callers with the calling function, or <module> for top-level calls', async () => {
    await setUp();
    const callers = await adapter?.findCallers(
      fixture?.positionOf('src/users.ts', 'getUser') as never,
    );
    expect(
      callers?.map((c) => [`${c.file}:${c.line}:${c.column}`, c.callerName, c.callerLine]),
    ).toEqual([
      ['src/app.ts:4:10', 'main', 3],
      ['src/app.ts:6:1', '<module>', 1],
      ['src/users.ts:6:12', 'getUser', 5],
    ]);
  });

  it('builds the import graph between workspace files with imported names', async () => {
    const edges = await (await setUp()).findImportGraph();
    expect(edges).toEqual([
      { from: 'lib/legacy.js', to: 'src/users.ts', names: ['getUser'] },
      { from: 'src/app.ts', to: 'src/config.ts', names: ['Config'] },
      { from: 'src/app.ts', to: 'src/users.ts', names: ['Repo', 'getUser'] },
    ]);
  });

  it('gives the same output twice and sees files changed on disk', async () => {
    await setUp();
    const first = await renameEdits(
      adapter as TypeScriptAdapter,
      fixture?.positionOf('src/users.ts', 'getUser') as never,
      'fetchUser',
    );
    const second = await renameEdits(
      adapter as TypeScriptAdapter,
      fixture?.positionOf('src/users.ts', 'getUser') as never,
      'fetchUser',
    );
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    await writeFile(
      path.join(fixture?.root as string, 'src/extra.ts'),
      "import { getUser } from './users';\ngetUser(9);\n",
    );
    const third = await renameEdits(
      adapter as TypeScriptAdapter,
      fixture?.positionOf('src/users.ts', 'getUser') as never,
      'fetchUser',
    );
    expect(third?.length).toBe((first?.length ?? 0) + 2);
    expect(third?.filter((e) => e.file === 'src/extra.ts').map((e) => e.line)).toEqual([1, 2]);
  });

  it('closes idempotently and refuses calls afterwards', async () => {
    await setUp();
    await adapter?.findDefinitions('getUser');
    await adapter?.close();
    await adapter?.close();
    expect(adapter?.state).toBe('closed');
    const error = await adapter?.findDefinitions('getUser').catch((e: unknown) => e);
    expect(isOrchestratorError(error, 'LANGUAGE_SERVER_FAILED')).toBe(true);
  });

  it('refuses a workspace folder that does not exist with BAD_INPUT', () => {
    let error: unknown;
    try {
      createTypeScriptAdapter({ root: path.join(FILES_ROOT_PARENT, 'no-such-workspace') });
    } catch (caught) {
      error = caught;
    }
    expect(isOrchestratorError(error, 'BAD_INPUT')).toBe(true);
  });

  it('stops with CANCELLED when the signal is already aborted', async () => {
    await setUp();
    const error = await adapter
      ?.findImportGraph({ signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(isOrchestratorError(error, 'CANCELLED')).toBe(true);
  });
});
