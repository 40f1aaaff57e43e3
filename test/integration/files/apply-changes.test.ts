import { readdir, stat } from 'node:fs/promises';
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

async function workspace(files: Record<string, string> = FILES): Promise<WorkspaceFixture> {
  fixture = await createWorkspaceFixture(files);
  return fixture;
}

afterEach(async () => {
  await fixture?.cleanup();
  fixture = undefined;
});

const FILES = {
  'ledger/core.py': 'def post_entry(x):\n    return x\n\n\n\n\ny = post_entry(1)\n',
  'ledger/old.py': 'OLD = 1\n',
  'README.md': '# Ledger\n',
};

const text = async (ws: WorkspaceFixture, file: string) => (await ws.read(file)).toString();

describe('applyChanges creates, moves and deletes files', () => {
  it('creates a file and the folders it needs, moves a file into new folders, deletes a file', async () => {
    const ws = await workspace();
    const result = await createWorkspaceFiles(ws.root).applyChanges([
      { op: 'create', file: 'ledger/posting/rules/base.py', text: 'RULES = []\n', reason: 'new' },
      { op: 'move', file: 'README.md', to: 'docs/guide/README.md', reason: 'tidy' },
      { op: 'delete', file: 'ledger/old.py', reason: 'unused' },
    ]);
    expect(await text(ws, 'ledger/posting/rules/base.py')).toBe('RULES = []\n');
    expect(await text(ws, 'docs/guide/README.md')).toBe('# Ledger\n');
    expect(await readdir(ws.root)).toEqual(['docs', 'ledger']);
    expect(await readdir(path.join(ws.root, 'ledger'))).toEqual(['core.py', 'posting']);
    expect(result).toMatchObject({ filesChanged: 3, editsApplied: 0 });
    expect(result.files[1]).toEqual({
      op: 'move',
      file: 'README.md',
      path: 'README.md',
      to: 'docs/guide/README.md',
      edits: 0,
    });
  });

  it('applies the edits of a file before moving it', async () => {
    const ws = await workspace();
    const result = await createWorkspaceFiles(ws.root).applyChanges([
      { op: 'move', file: 'ledger/core.py', to: 'ledger/posting.py', reason: 'split' },
      { op: 'edit', file: 'ledger/core.py', edits: [lineEdit(7, 5, 'post_entry', 'record_entry')] },
    ]);
    expect(await text(ws, 'ledger/posting.py')).toBe(
      FILES['ledger/core.py'].replace('y = post_entry', 'y = record_entry'),
    );
    expect(result).toMatchObject({ filesChanged: 1, editsApplied: 1 });
  });

  it('keeps the mode of an edited file and leaves no temp file behind', async () => {
    const ws = await workspace({});
    await ws.write('bin/run.py', '#!/usr/bin/env python3\nmain()\n', 0o755);
    await createWorkspaceFiles(ws.root).applyChanges([
      { op: 'edit', file: 'bin/run.py', edits: [lineEdit(2, 1, 'main', 'run')] },
    ]);
    expect((await stat(path.join(ws.root, 'bin/run.py'))).mode & 0o777).toBe(0o755);
    expect(await readdir(path.join(ws.root, 'bin'))).toEqual(['run.py']);
  });

  it('does not rewrite a file whose edits leave its bytes as they were', async () => {
    const ws = await workspace();
    const before = (await stat(path.join(ws.root, 'README.md'))).ino;
    const result = await createWorkspaceFiles(ws.root).applyChanges([
      { op: 'edit', file: 'README.md', edits: [lineEdit(1, 3, 'Ledger', 'Ledger')] },
    ]);
    expect((await stat(path.join(ws.root, 'README.md'))).ino).toBe(before);
    expect(result).toMatchObject({ filesChanged: 0, editsApplied: 1 });
  });
});

const edit = (
  file: string,
  line: number,
  column: number,
  oldText: string,
  newText: string,
): FileChange => ({
  op: 'edit',
  file,
  edits: [lineEdit(line, column, oldText, newText)],
});
const GOOD: FileChange[] = [
  edit('ledger/core.py', 1, 5, 'post_entry', 'record_entry'),
  { op: 'create', file: 'ledger/new/posting.py', text: 'x = 1\n', reason: 'new' },
  { op: 'move', file: 'README.md', to: 'docs/README.md', reason: 'tidy' },
];

describe('applyChanges checks every change before it writes any file', () => {
  it.each<[string, FileChange, string, RegExp]>([
    [
      'an edit whose text moved',
      edit('ledger/core.py', 7, 5, 'entry', 'x'),
      'PLAN_INVALID',
      /^ledger\/core\.py:7:5 holds "post_", not "entry": the plan does not match the code\. Make a new plan\.$/,
    ],
    [
      'an edit past the end',
      edit('ledger/core.py', 9, 1, '', 'x'),
      'PLAN_INVALID',
      /^ledger\/core\.py:9:1 is outside the file \(the file has 8 lines\)/,
    ],
    [
      'an edit of a missing file',
      edit('ledger/gone.py', 1, 1, '', 'x'),
      'PLAN_INVALID',
      /^ledger\/gone\.py does not exist/,
    ],
    [
      'a create of an existing file',
      { op: 'create', file: 'ledger/old.py', text: '', reason: 'new' },
      'PLAN_INVALID',
      /^ledger\/old\.py already exists/,
    ],
    [
      'a create under a file',
      { op: 'create', file: 'README.md/x.py', text: '', reason: 'new' },
      'PLAN_INVALID',
      /^README\.md\/x\.py cannot be made: README\.md is a file/,
    ],
    [
      'a move onto an existing file',
      { op: 'move', file: 'ledger/old.py', to: 'ledger/core.py', reason: 'x' },
      'PLAN_INVALID',
      /^ledger\/core\.py already exists/,
    ],
    [
      'a move of a missing file',
      { op: 'move', file: 'gone.py', to: 'x.py', reason: 'x' },
      'PLAN_INVALID',
      /^gone\.py does not exist/,
    ],
    [
      'a delete of a missing file',
      { op: 'delete', file: 'gone.py', reason: 'x' },
      'PLAN_INVALID',
      /^gone\.py does not exist/,
    ],
    [
      'a second change of one file',
      { op: 'delete', file: 'ledger/core.py', reason: 'x' },
      'PLAN_INVALID',
      /^ledger\/core\.py is both (edited and deleted|deleted and edited): a plan changes each file once/,
    ],
    [
      'a new file where another needs a folder',
      { op: 'create', file: 'ledger/new', text: '', reason: 'x' },
      'PLAN_INVALID',
      /^ledger\/new is a new file where ledger\/new\/posting\.py needs a folder/,
    ],
    [
      'a new file where a moved file goes',
      { op: 'create', file: 'docs/README.md', text: '', reason: 'x' },
      'PLAN_INVALID',
      /^docs\/README\.md is both (the target of a move and created|created and the target of a move)/,
    ],
  ])('writes nothing when the plan also holds %s', async (_, bad, code, message) => {
    for (const changes of [
      [...GOOD, bad],
      [bad, ...GOOD],
    ]) {
      const ws = await workspace();
      const before = await ws.snapshot();
      const refused = await refusalOf(createWorkspaceFiles(ws.root).applyChanges(changes));
      expect(refused.code).toBe(code);
      expect(refused.message).toMatch(message);
      expect(await ws.snapshot()).toEqual(before);
      await ws.cleanup();
    }
  });

  it('refuses overlapping edits of one file, naming file and both positions', async () => {
    const ws = await workspace();
    const refused = await refusalOf(
      createWorkspaceFiles(ws.root).applyChanges([
        {
          op: 'edit',
          file: 'ledger/core.py',
          edits: [lineEdit(1, 5, 'post_entry', 'a'), lineEdit(1, 10, 'entry', 'b')],
        },
      ]),
    );
    expect(refused.message).toMatch(/^ledger\/core\.py: the edits at 1:5 and 1:10 overlap/);
  });

  it('reports the failure of the first failing change in plan order', async () => {
    const ws = await workspace();
    const refused = await refusalOf(
      createWorkspaceFiles(ws.root).applyChanges([
        ...GOOD,
        { op: 'delete', file: 'first-missing.py', reason: 'x' },
        edit('ledger/old.py', 1, 1, 'NEW', 'x'),
      ]),
    );
    expect(refused.message).toMatch(/^first-missing\.py does not exist/);
  });

  it('writes nothing when the signal is aborted, with CANCELLED', async () => {
    const ws = await workspace();
    const before = await ws.snapshot();
    const refused = await refusalOf(
      createWorkspaceFiles(ws.root).applyChanges(GOOD, { signal: AbortSignal.abort() }),
    );
    expect(refused.code).toBe('CANCELLED');
    expect(await ws.snapshot()).toEqual(before);
  });
});

describe('applyChanges performance', () => {
  it('applies 400 edits over 200 files well under a second', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i += 1) {
      files[`pkg${i % 10}/mod${i}.py`] =
        `# module ${i}\ndef get_user():\n    return 'é${i}'\n\nx = get_user()\n${'pass\n'.repeat(200)}`;
    }
    const ws = await workspace(files);
    const changes: FileChange[] = Object.keys(files).map((file) => ({
      op: 'edit',
      file,
      edits: [lineEdit(2, 5, 'get_user', 'fetch_user'), lineEdit(5, 5, 'get_user', 'fetch_user')],
    }));
    const started = performance.now();
    const result = await createWorkspaceFiles(ws.root).applyChanges(changes);
    const elapsedMs = performance.now() - started;
    expect(result).toMatchObject({ filesChanged: 200, editsApplied: 400 });
    expect(await text(ws, 'pkg3/mod13.py')).toContain('x = fetch_user()\n');
    expect(elapsedMs).toBeLessThan(1000);
  });
});
