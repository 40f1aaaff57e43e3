import { describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../../src/core/errors.js';
import {
  GET_USER_API,
  useAdapterFixture,
  useRenameAll,
} from '../../../fixtures/lang-typescript/use-adapter-fixture.js';
import { renameEdits } from '../../../fixtures/transforms/rename-via-halves.js';

const API = GET_USER_API;

describe('TypeScript adapter: findRenameEdits', () => {
  const open = useAdapterFixture();

  const renameAll = useRenameAll();

  it('renames the declaration, named imports, their uses and test files', async () => {
    const result = await renameAll(
      {
        'src/api.ts': API,
        'src/app.ts': `import { getUser } from './api';\nexport const name = getUser(1);\n`,
        'test/api.test.ts': `import { getUser } from '../src/api';\nif (getUser(2) !== 'user2') throw new Error();\n`,
      },
      { file: 'src/api.ts', needle: 'getUser' },
    );
    expect(result['src/api.ts']).toBe(API.replace('getUser', 'fetchUser'));
    expect(result['src/app.ts']).toBe(
      `import { fetchUser } from './api';\nexport const name = fetchUser(1);\n`,
    );
    expect(result['test/api.test.ts']).toBe(
      `import { fetchUser } from '../src/api';\nif (fetchUser(2) !== 'user2') throw new Error();\n`,
    );
  });

  it('renames only the imported name of an aliased import, not the alias', async () => {
    const result = await renameAll(
      { 'a.ts': API, 'b.ts': `import { getUser as load } from './a';\nload(1);\n` },
      { file: 'a.ts', needle: 'getUser' },
    );
    expect(result['b.ts']).toBe(`import { fetchUser as load } from './a';\nload(1);\n`);
  });

  it('renames member accesses through a namespace import', async () => {
    const result = await renameAll(
      { 'a.ts': API, 'b.ts': `import * as api from './a';\napi.getUser(1);\n` },
      { file: 'a.ts', needle: 'getUser' },
    );
    expect(result['b.ts']).toBe(`import * as api from './a';\napi.fetchUser(1);\n`);
  });

  it('renames through named and star re-exports and their importers', async () => {
    const result = await renameAll(
      {
        'a.ts': API,
        'named.ts': `export { getUser } from './a';\n`,
        'star.ts': `export * from './a';\n`,
        'use-named.ts': `import { getUser } from './named';\ngetUser(1);\n`,
        'use-star.ts': `import { getUser } from './star';\ngetUser(2);\n`,
      },
      { file: 'use-star.ts', needle: 'getUser', occurrence: 2 },
    );
    expect(result['a.ts']).toBe(API.replace('getUser', 'fetchUser'));
    expect(result['named.ts']).toBe(`export { fetchUser } from './a';\n`);
    expect(result['star.ts']).toBe(`export * from './a';\n`);
    expect(result['use-named.ts']).toBe(`import { fetchUser } from './named';\nfetchUser(1);\n`);
    expect(result['use-star.ts']).toBe(`import { fetchUser } from './star';\nfetchUser(2);\n`);
  });

  it('renames a default-exported function and the same-named default imports of it', async () => {
    const result = await renameAll(
      {
        'a.ts': 'export default function getUser() {\n  return 1;\n}\n',
        'b.ts': "import getUser from './a';\ngetUser();\n",
      },
      { file: 'a.ts', needle: 'getUser' },
    );
    expect(result['a.ts']).toBe('export default function fetchUser() {\n  return 1;\n}\n');
    expect(result['b.ts']).toBe("import fetchUser from './a';\nfetchUser();\n");
  });

  it('keeps the # of a private class member', async () => {
    const result = await renameAll(
      {
        'a.ts': 'export class Users {\n  #getUser() {}\n  run() {\n    this.#getUser();\n  }\n}\n',
      },
      { file: 'a.ts', needle: '#getUser' },
    );
    expect(result['a.ts']).toBe(
      'export class Users {\n  #fetchUser() {}\n  run() {\n    this.#fetchUser();\n  }\n}\n',
    );
  });

  it('leaves a shadowing parameter and local of the same name untouched', async () => {
    const source = [
      'export function getUser() { return 1; }',
      'export function viaParam(getUser: () => number) { return getUser(); }',
      'export function viaLocal() { const getUser = 2; return getUser; }',
      'export const total = getUser();',
      '',
    ].join('\n');
    const result = await renameAll({ 'a.ts': source }, { file: 'a.ts', needle: 'getUser' });
    expect(result['a.ts']).toBe(
      [
        'export function fetchUser() { return 1; }',
        'export function viaParam(getUser: () => number) { return getUser(); }',
        'export function viaLocal() { const getUser = 2; return getUser; }',
        'export const total = fetchUser();',
        '',
      ].join('\n'),
    );
  });

  it('renames a method without touching a same-named method of another class', async () => {
    const source = [
      'export class Users { getUser() { return 1; } }',
      'export class Admins { getUser() { return 2; } }',
      'new Users().getUser();',
      'new Admins().getUser();',
      '',
    ].join('\n');
    const result = await renameAll({ 'a.ts': source }, { file: 'a.ts', needle: 'getUser' });
    expect(result['a.ts']).toBe(
      [
        'export class Users { fetchUser() { return 1; } }',
        'export class Admins { getUser() { return 2; } }',
        'new Users().fetchUser();',
        'new Admins().getUser();',
        '',
      ].join('\n'),
    );
  });

  it('leaves longer identifiers, strings and comments that contain the name untouched', async () => {
    const source = [
      'export function getUser() { return 1; }',
      'export const getUserName = "getUser";',
      '// getUser is called below',
      'export const n = getUser() + getUserName.length;',
      '',
    ].join('\n');
    const result = await renameAll({ 'a.ts': source }, { file: 'a.ts', needle: 'getUser' });
    expect(result['a.ts']).toBe(
      source
        .replace('function getUser', 'function fetchUser')
        .replace('= getUser()', '= fetchUser()'),
    );
  });

  it('keeps the property name of an object-literal shorthand working', async () => {
    const result = await renameAll(
      {
        'a.ts': `${API}export const service = { getUser };\n`,
        'b.ts': `import { service } from './a';\nservice.getUser(1);\n`,
      },
      { file: 'a.ts', needle: 'getUser' },
    );
    expect(result['a.ts']).toBe(
      `${API.replace('getUser', 'fetchUser')}export const service = { getUser: fetchUser };\n`,
    );
    expect(result['b.ts']).toBe(`import { service } from './a';\nservice.getUser(1);\n`);
  });

  it('keeps the variable of a shorthand when the property is renamed', async () => {
    const result = await renameAll(
      {
        'a.ts': `const getUser = () => 1;\nexport const service = { getUser };\nservice.getUser();\n`,
      },
      { file: 'a.ts', needle: 'getUser', occurrence: 3 },
    );
    expect(result['a.ts']).toBe(
      `const getUser = () => 1;\nexport const service = { fetchUser: getUser };\nservice.fetchUser();\n`,
    );
  });

  it('returns sorted edits whose oldText matches the file text', async () => {
    const { fixture, adapter } = await open({
      'b.ts': `import { getUser } from './a';\ngetUser(1);\n`,
      'a.ts': `${API}getUser(2);\n`,
    });
    const edits = await renameEdits(adapter, fixture.positionOf('a.ts', 'getUser'), 'fetchUser');
    expect(edits.map((e) => `${e.file}:${e.line}:${e.column}`)).toEqual([
      'a.ts:1:17',
      'a.ts:4:1',
      'b.ts:1:10',
      'b.ts:2:1',
    ]);
    expect(edits.every((e) => e.oldText === 'getUser' && e.length === 7)).toBe(true);
  });

  it.each([
    ['class', 'a reserved word'],
    ['1user', 'not an identifier'],
    ['fetch-user', 'not an identifier'],
    ['let', 'reserved in strict mode'],
  ])('rejects %s as the new name with INVALID_IDENTIFIER', async (newName) => {
    const { fixture, adapter } = await open({ 'a.ts': API });
    const error = await renameEdits(adapter, fixture.positionOf('a.ts', 'getUser'), newName).catch(
      (e: unknown) => e,
    );
    expect(isOrchestratorError(error, 'INVALID_IDENTIFIER')).toBe(true);
    expect((error as Error).message).toContain(JSON.stringify(newName));
  });

  it('rejects a built-in type name as the new name of a class', async () => {
    const { fixture, adapter } = await open({ 'a.ts': 'export class User {}\n' });
    const error = await renameEdits(adapter, fixture.positionOf('a.ts', 'User'), 'string').catch(
      (e: unknown) => e,
    );
    expect(isOrchestratorError(error, 'INVALID_IDENTIFIER')).toBe(true);
  });

  it('reports SYMBOL_NOT_FOUND on whitespace and BAD_INPUT past the end or in an unknown file', async () => {
    const { adapter } = await open({ 'a.ts': API });
    const onKeyword = await renameEdits(
      adapter,
      { file: 'a.ts', line: 2, column: 1 },
      'fetchUser',
    ).catch((e: unknown) => e);
    expect(isOrchestratorError(onKeyword, 'SYMBOL_NOT_FOUND')).toBe(true);
    const pastEnd = await renameEdits(
      adapter,
      { file: 'a.ts', line: 99, column: 1 },
      'fetchUser',
    ).catch((e: unknown) => e);
    expect(isOrchestratorError(pastEnd, 'BAD_INPUT')).toBe(true);
    const missing = await renameEdits(
      adapter,
      { file: 'nope.ts', line: 1, column: 1 },
      'fetchUser',
    ).catch((e: unknown) => e);
    expect(isOrchestratorError(missing, 'BAD_INPUT')).toBe(true);
  });
});
