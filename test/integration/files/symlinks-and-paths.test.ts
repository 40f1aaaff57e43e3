import { lstat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FileChange } from '../../../src/core/change/change-types.js';
import { createWorkspaceFiles } from '../../../src/files/index.js';
import {
  createWorkspaceFixture,
  lineEdit,
  refusalOf,
  type WorkspaceFixture,
} from './workspace-fixture.js';

let fixture: WorkspaceFixture | undefined;

async function workspace(files: Record<string, string>): Promise<WorkspaceFixture> {
  fixture = await createWorkspaceFixture(files);
  return fixture;
}

afterEach(async () => {
  await fixture?.cleanup();
  fixture = undefined;
});

const rename = (file: string): FileChange => ({
  op: 'edit',
  file,
  edits: [lineEdit(1, 5, 'get_user', 'fetch_user')],
});

describe('applyChanges and symbolic links', () => {
  it('refuses a link to a file outside the workspace, naming link and target, and leaves that file alone', async () => {
    const ws = await workspace({ 'app.py': 'x = 1\n' });
    const secret = path.join(ws.outside, 'settings.py');
    await writeFile(secret, 'def get_user(): pass\n');
    await ws.link('config/settings.py', secret);
    const before = await ws.snapshot();
    const files = createWorkspaceFiles(ws.root);
    const refused = await refusalOf(files.applyChanges([rename('config/settings.py')]));
    expect(refused.code).toBe('UNSAFE_PATH');
    expect(refused.message).toContain('config/settings.py');
    expect(refused.message).toContain(secret);
    expect(await refusalOf(files.readText('config/settings.py'))).toMatchObject({
      code: 'UNSAFE_PATH',
    });
    expect(await ws.snapshot()).toEqual(before);
  });

  it('refuses a file reached through a linked folder outside the workspace', async () => {
    const ws = await workspace({});
    await writeFile(path.join(ws.outside, 'users.py'), 'def get_user(): pass\n');
    await ws.link('vendor', ws.outside);
    const before = await ws.snapshot();
    const refused = await refusalOf(
      createWorkspaceFiles(ws.root).applyChanges([rename('vendor/users.py')]),
    );
    expect(refused).toMatchObject({ code: 'UNSAFE_PATH', data: { file: 'vendor/users.py' } });
    expect(await ws.snapshot()).toEqual(before);
  });

  it('edits the target of a link inside the workspace once, keeps the link, and reports the real path', async () => {
    const ws = await workspace({ 'src/users.py': 'def get_user(): pass\n' });
    await ws.link('users.py', 'src/users.py');
    const result = await createWorkspaceFiles(ws.root).applyChanges([rename('users.py')]);
    expect((await ws.read('src/users.py')).toString()).toBe('def fetch_user(): pass\n');
    expect((await lstat(path.join(ws.root, 'users.py'))).isSymbolicLink()).toBe(true);
    expect(result).toEqual({
      filesChanged: 1,
      editsApplied: 1,
      files: [{ op: 'edit', file: 'users.py', path: 'src/users.py', edits: 1 }],
    });
  });

  it('refuses two changes that reach one file through a link and its target, naming both', async () => {
    const ws = await workspace({ 'src/users.py': 'def get_user(): pass\n' });
    await ws.link('users.py', 'src/users.py');
    const before = await ws.snapshot();
    const refused = await refusalOf(
      createWorkspaceFiles(ws.root).applyChanges([rename('src/users.py'), rename('users.py')]),
    );
    expect(refused).toMatchObject({
      code: 'PLAN_INVALID',
      data: { files: ['src/users.py', 'users.py'] },
    });
    expect(refused.message).toMatch(
      /^src\/users\.py and users\.py are the same file \(src\/users\.py\)/,
    );
    expect(await ws.snapshot()).toEqual(before);
  });

  it('refuses to delete or move a link, and a dangling link', async () => {
    const ws = await workspace({ 'src/users.py': 'x\n' });
    await ws.link('users.py', 'src/users.py');
    await ws.link('gone.py', 'src/missing.py');
    const files = createWorkspaceFiles(ws.root);
    const before = await ws.snapshot();
    const refusals = [
      await refusalOf(files.applyChanges([{ op: 'delete', file: 'users.py', reason: 'unused' }])),
      await refusalOf(
        files.applyChanges([{ op: 'move', file: 'users.py', to: 'u.py', reason: 'tidy' }]),
      ),
      await refusalOf(files.applyChanges([rename('gone.py')])),
    ];
    expect(refusals.map(({ code }) => code)).toEqual(['UNSAFE_PATH', 'UNSAFE_PATH', 'UNSAFE_PATH']);
    expect(refusals[0]?.message).toMatch(
      /^users\.py is a symbolic link to src\/users\.py; mcp-orchestrator does not delete links/,
    );
    expect(await ws.snapshot()).toEqual(before);
  });

  it('refuses a link into .git/', async () => {
    const ws = await workspace({ '.git/config': '[core]\n' });
    await ws.link('config.py', '.git/config');
    const refused = await refusalOf(createWorkspaceFiles(ws.root).readText('config.py'));
    expect(refused).toMatchObject({
      code: 'UNSAFE_PATH',
      data: { file: 'config.py', target: '.git/config' },
    });
  });
});

describe('applyChanges and paths', () => {
  it.each([
    ['../outside/x.py', 'PATH_OUTSIDE_WORKSPACE'],
    ['/etc/passwd', 'PATH_OUTSIDE_WORKSPACE'],
    ['.git/config', 'UNSAFE_PATH'],
    ['src', 'UNSAFE_PATH'],
  ])('refuses to edit %s with %s', async (file, code) => {
    const ws = await workspace({ '.git/config': 'x\n', 'src/a.py': 'x\n' });
    const before = await ws.snapshot();
    const refused = await refusalOf(
      createWorkspaceFiles(ws.root).applyChanges([
        { op: 'edit', file, edits: [lineEdit(1, 1, 'x', 'y')] },
      ]),
    );
    expect(refused.code).toBe(code);
    expect(await ws.snapshot()).toEqual(before);
  });

  it('refuses to create inside .git/ or outside the workspace', async () => {
    const ws = await workspace({ '.git/HEAD': 'ref\n' });
    const files = createWorkspaceFiles(ws.root);
    const create = (file: string) =>
      files.applyChanges([{ op: 'create', file, text: 'x', reason: 'new' }]);
    expect((await refusalOf(create('.git/hooks/pre-commit'))).code).toBe('UNSAFE_PATH');
    expect((await refusalOf(create('../outside/new.py'))).code).toBe('PATH_OUTSIDE_WORKSPACE');
    expect((await refusalOf(create('a/../../outside/new.py'))).code).toBe('PATH_OUTSIDE_WORKSPACE');
  });

  it('refuses to create through a linked folder that leads outside', async () => {
    const ws = await workspace({});
    await ws.link('vendor', ws.outside);
    const before = await ws.snapshot();
    const refused = await refusalOf(
      createWorkspaceFiles(ws.root).applyChanges([
        { op: 'create', file: 'vendor/new/x.py', text: 'x', reason: 'new' },
      ]),
    );
    expect(refused.code).toBe('UNSAFE_PATH');
    expect(await ws.snapshot()).toEqual(before);
  });

  it('names the real root and refuses a root that is not a folder', async () => {
    const ws = await workspace({ 'a.py': '' });
    expect(createWorkspaceFiles(`${ws.root}/.`).root).toBe(ws.root);
    expect(() => createWorkspaceFiles(path.join(ws.root, 'a.py'))).toThrow(
      /is a file, not a folder/,
    );
    expect(() => createWorkspaceFiles(path.join(ws.root, 'missing'))).toThrow(/^No folder at /);
  });
});
