import { describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../../src/core/errors.js';
import { useAdapterFixture } from '../../../fixtures/lang-typescript/use-adapter-fixture.js';
import { renameCollisions } from '../../../fixtures/transforms/rename-via-halves.js';

describe('TypeScript adapter: findRenameCollisions', () => {
  const open = useAdapterFixture();

  async function collisionsFor(
    files: Record<string, string>,
    at: { file: string; needle: string; occurrence?: number },
    newName: string,
  ) {
    const { fixture, adapter } = await open(files);
    return renameCollisions(
      adapter,
      fixture.positionOf(at.file, at.needle, { occurrence: at.occurrence }),
      newName,
    );
  }

  it('reports a name already declared in the same module', async () => {
    const collisions = await collisionsFor(
      { 'a.ts': 'export function getUser() {}\nexport function fetchUser() {}\n' },
      { file: 'a.ts', needle: 'getUser' },
      'fetchUser',
    );
    expect(collisions).toEqual([
      expect.objectContaining({ file: 'a.ts', line: 2, column: 17, name: 'fetchUser' }),
    ]);
  });

  it('reports a local in a file that imports the symbol', async () => {
    const collisions = await collisionsFor(
      {
        'a.ts': 'export function getUser() {}\n',
        'b.ts': "import { getUser } from './a';\nconst fetchUser = 1;\ngetUser();\n",
      },
      { file: 'a.ts', needle: 'getUser' },
      'fetchUser',
    );
    expect(collisions.map((c) => `${c.file}:${c.line}:${c.column}`)).toEqual(['b.ts:2:7']);
  });

  it('reports an inner binding that would capture a use of the symbol', async () => {
    const collisions = await collisionsFor(
      {
        'a.ts':
          'export function getUser() { return 1; }\nexport function run(fetchUser: number) {\n  return getUser() + fetchUser;\n}\n',
      },
      { file: 'a.ts', needle: 'getUser' },
      'fetchUser',
    );
    expect(collisions.map((c) => `${c.file}:${c.line}:${c.column}`)).toEqual(['a.ts:2:21']);
    expect(collisions[0]?.reason).toContain('a.ts:3');
  });

  it('reports nothing for a same-named binding in a scope the symbol is not used in', async () => {
    const collisions = await collisionsFor(
      {
        'a.ts':
          'export function getUser() { return 1; }\nexport function other() { const fetchUser = 2; return fetchUser; }\ngetUser();\n',
      },
      { file: 'a.ts', needle: 'getUser' },
      'fetchUser',
    );
    expect(collisions).toEqual([]);
  });

  it('reports a member with the new name in the same class', async () => {
    const collisions = await collisionsFor(
      { 'a.ts': 'export class Users {\n  getUser() {}\n  fetchUser() {}\n}\n' },
      { file: 'a.ts', needle: 'getUser' },
      'fetchUser',
    );
    expect(collisions.map((c) => `${c.file}:${c.line}:${c.column}`)).toEqual(['a.ts:3:3']);
  });

  it('reports a property with the new name in the same object literal', async () => {
    const collisions = await collisionsFor(
      {
        'a.ts':
          'export const api = {\n  getUser: () => 1,\n  fetchUser: () => 2,\n};\napi.getUser();\n',
      },
      { file: 'a.ts', needle: 'getUser' },
      'fetchUser',
    );
    expect(collisions.map((c) => `${c.file}:${c.line}:${c.column}`)).toEqual(['a.ts:3:3']);
  });

  it('reports nothing for a shorthand whose object already has the new property name', async () => {
    const collisions = await collisionsFor(
      {
        'a.ts': 'export function getUser() {}\nexport const api = { getUser, fetchUser: 1 };\n',
      },
      { file: 'a.ts', needle: 'getUser' },
      'fetchUser',
    );
    expect(collisions).toEqual([]);
  });

  it('reports an unused import of a library name in a file that imports the symbol', async () => {
    const collisions = await collisionsFor(
      {
        'node_modules/lib/package.json': '{"name":"lib","types":"index.d.ts"}',
        'node_modules/lib/index.d.ts': 'export declare function fetchUser(): void;\n',
        'a.ts': 'export function getUser() {}\n',
        'b.ts': "import { fetchUser } from 'lib';\nimport { getUser } from './a';\ngetUser();\n",
      },
      { file: 'a.ts', needle: 'getUser' },
      'fetchUser',
    );
    expect(collisions.map((c) => `${c.file}:${c.line}:${c.column}`)).toEqual(['b.ts:1:10']);
  });

  it('reports a global only where the file uses that global', async () => {
    const uses = await collisionsFor(
      { 'a.ts': 'export function getUser() {}\ngetUser();\nsetTimeout(() => {}, 1);\n' },
      { file: 'a.ts', needle: 'getUser' },
      'setTimeout',
    );
    expect(uses.map((c) => c.reason)).toEqual([expect.stringContaining('global')]);
    const unused = await collisionsFor(
      { 'a.ts': 'export function getUser() {}\ngetUser();\n' },
      { file: 'a.ts', needle: 'getUser' },
      'setTimeout',
    );
    expect(unused).toEqual([]);
  });

  it('rejects an invalid new name with INVALID_IDENTIFIER', async () => {
    const error = await collisionsFor(
      { 'a.ts': 'export function getUser() {}\n' },
      { file: 'a.ts', needle: 'getUser' },
      'new',
    ).catch((e: unknown) => e);
    expect(isOrchestratorError(error, 'INVALID_IDENTIFIER')).toBe(true);
  });
});
