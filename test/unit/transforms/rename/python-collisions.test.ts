import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPythonAdapter, type PythonAdapter } from '../../../../src/lang/python/index.js';
import { createCollisionFixture } from '../../../fixtures/lang-python/collisions-fixture.js';
import type { PythonFixture } from '../../../fixtures/lang-python/create-python-fixture.js';
import { renameCollisions, renameEdits } from '../../../fixtures/transforms/rename-via-halves.js';

const POST_ENTRY = { file: 'shop/core.py', line: 1, column: 5 };
const COMPUTE = { file: 'shop/core.py', line: 26, column: 5 };

describe('Python adapter rename collisions', () => {
  let fixture: PythonFixture;
  let adapter: PythonAdapter;

  beforeAll(async () => {
    fixture = await createCollisionFixture();
    adapter = createPythonAdapter({ root: fixture.root });
  });

  afterAll(async () => {
    await adapter?.close();
    await fixture?.cleanup();
  });

  it('reports a module-level function that already has the new name', async () => {
    const collisions = await renameCollisions(adapter, POST_ENTRY, 'record_entry');
    expect(collisions).toEqual([
      expect.objectContaining({ file: 'shop/core.py', line: 5, column: 5, name: 'record_entry' }),
    ]);
    expect(collisions[0]?.reason).toContain('the module');
  });

  it('reports a local of a function that uses the renamed name', async () => {
    const collisions = await renameCollisions(adapter, POST_ENTRY, 'total');
    expect(collisions).toEqual([
      expect.objectContaining({ file: 'shop/core.py', line: 10, column: 5, name: 'total' }),
    ]);
    expect(collisions[0]?.reason).toContain('function apply');
  });

  it('reports a class member with the new name when renaming a method', async () => {
    const collisions = await renameCollisions(
      adapter,
      { file: 'shop/core.py', line: 15, column: 9 },
      'save',
    );
    expect(collisions).toEqual([
      expect.objectContaining({ file: 'shop/core.py', line: 18, column: 9, name: 'save' }),
    ]);
    expect(collisions[0]?.reason).toContain('class Book');
  });

  it('reports an import in a module that imports the renamed name', async () => {
    const collisions = await renameCollisions(adapter, COMPUTE, 'helper');
    expect(collisions).toEqual([
      expect.objectContaining({ file: 'shop/users.py', line: 2, column: 8, name: 'helper' }),
    ]);
  });

  it('reports a builtin the renamed module-level name would capture', async () => {
    const collisions = await renameCollisions(adapter, COMPUTE, 'len');
    expect(collisions.map((c) => `${c.file}:${c.line}:${c.column}`)).toEqual([
      'shop/core.py:23:12',
      'shop/users.py:6:25',
    ]);
  });

  it('reports nothing for a fresh name, even where an alias import binds that name nearby', async () => {
    expect(await renameCollisions(adapter, COMPUTE, 'fresh')).toEqual([]);
    expect(await renameCollisions(adapter, POST_ENTRY, 'brand_new_name')).toEqual([]);
  });

  it.each([['1abc'], ['class'], ['foo-bar'], [''], ['None']])(
    'rejects %j as the new name with INVALID_IDENTIFIER naming it',
    async (bad) => {
      for (const call of [
        () => renameCollisions(adapter, POST_ENTRY, bad),
        () => renameEdits(adapter, POST_ENTRY, bad),
      ]) {
        const error = await call().then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toMatchObject({ code: 'INVALID_IDENTIFIER', data: { name: bad } });
        expect((error as Error).message).toContain(JSON.stringify(bad));
      }
    },
  );

  it('accepts non-ASCII identifiers', async () => {
    const edits = await renameEdits(adapter, POST_ENTRY, 'écriture');
    expect(edits.map((e) => e.newText)).toEqual(['écriture', 'écriture']);
  });

  it('reports SYMBOL_NOT_FOUND for collisions asked at a keyword', async () => {
    await expect(
      renameCollisions(adapter, { file: 'shop/core.py', line: 27, column: 5 }, 'fresh'),
    ).rejects.toMatchObject({ code: 'SYMBOL_NOT_FOUND' });
  });

  it('refuses to rename a builtin', async () => {
    await expect(
      renameEdits(adapter, { file: 'shop/core.py', line: 23, column: 12 }, 'length'),
    ).rejects.toMatchObject({ code: 'SYMBOL_NOT_FOUND' });
  });
});
