import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspaceFiles } from '../../../src/files/index.js';
import {
  createWorkspaceFixture,
  lineEdit,
  refusalOf,
  type WorkspaceFixture,
} from './workspace-fixture.js';

const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');
let fixture: WorkspaceFixture | undefined;

async function workspace(files: Record<string, string | Uint8Array>): Promise<WorkspaceFixture> {
  fixture = await createWorkspaceFixture(files);
  return fixture;
}

afterEach(async () => {
  await fixture?.cleanup();
  fixture = undefined;
});

const LEDGER = latin1(
  '# -*- coding: latin-1 -*-\n# Grüße aus Köln\r\ndef post_entry(montant):\n    return "reçu: " + montant  # ½\n',
);

describe('applyChanges keeps the bytes of the file outside the edited ranges', () => {
  it('changes only the edited bytes of a latin-1 file with a coding cookie', async () => {
    const ws = await workspace({ 'ledger/core.py': LEDGER });
    const files = createWorkspaceFiles(ws.root);
    await files.applyChanges([
      { op: 'edit', file: 'ledger/core.py', edits: [lineEdit(3, 5, 'post_entry', 'écrire')] },
    ]);
    const expected = latin1(
      '# -*- coding: latin-1 -*-\n# Grüße aus Köln\r\ndef écrire(montant):\n    return "reçu: " + montant  # ½\n',
    );
    expect(await ws.read('ledger/core.py')).toEqual(expected);
  });

  it('reads a latin-1 file as the text its cookie declares', async () => {
    const ws = await workspace({ 'ledger/core.py': LEDGER });
    const text = await createWorkspaceFiles(ws.root).readText('ledger/core.py');
    expect(text.split(/\r?\n/)[1]).toBe('# Grüße aus Köln');
  });

  it('keeps a UTF-8 byte order mark, columns counting from after it', async () => {
    const ws = await workspace({ 'src/app.ts': '\ufeffconst café = 1;\nexport { café };\n' });
    await createWorkspaceFiles(ws.root).applyChanges([
      {
        op: 'edit',
        file: 'src/app.ts',
        edits: [lineEdit(1, 7, 'café', 'thé'), lineEdit(2, 10, 'café', 'thé')],
      },
    ]);
    expect(await ws.read('src/app.ts')).toEqual(
      Buffer.from('\ufeffconst thé = 1;\nexport { thé };\n'),
    );
  });

  it('edits a UTF-16LE file with its byte order mark in UTF-16LE', async () => {
    const bom = Buffer.of(0xff, 0xfe);
    const ws = await workspace({
      'a.cs': Buffer.concat([bom, Buffer.from('int café;\r\n', 'utf16le')]),
    });
    await createWorkspaceFiles(ws.root).applyChanges([
      { op: 'edit', file: 'a.cs', edits: [lineEdit(1, 5, 'café', 'thé→')] },
    ]);
    expect(await ws.read('a.cs')).toEqual(
      Buffer.concat([bom, Buffer.from('int thé→;\r\n', 'utf16le')]),
    );
  });

  it('keeps CRLF, LF and CR line ends as they are, in the edited lines too', async () => {
    const ws = await workspace({ 'mixed.py': 'a = 1\r\nb = 2\nc = 3\rd = a\r\n' });
    await createWorkspaceFiles(ws.root).applyChanges([
      {
        op: 'edit',
        file: 'mixed.py',
        edits: [
          lineEdit(1, 1, 'a', 'alpha'),
          lineEdit(3, 1, 'c', 'gamma'),
          lineEdit(4, 5, 'a', 'alpha'),
        ],
      },
    ]);
    expect((await ws.read('mixed.py')).toString()).toBe(
      'alpha = 1\r\nb = 2\ngamma = 3\rd = alpha\r\n',
    );
  });

  it('replaces a range that spans lines', async () => {
    const ws = await workspace({ 'a.py': 'def f():\r\n    return 1\r\n\r\nx = f()\r\n' });
    await createWorkspaceFiles(ws.root).applyChanges([
      {
        op: 'edit',
        file: 'a.py',
        edits: [
          {
            start: [1, 8],
            end: [2, 13],
            oldText: ':\r\n    return 1',
            newText: ': return 2',
            reason: 'body',
          },
        ],
      },
    ]);
    expect((await ws.read('a.py')).toString()).toBe('def f(): return 2\r\n\r\nx = f()\r\n');
  });

  it.each([
    ['after the last newline', 'a\nb\n', [3, 1], 'c\n', 'a\nb\nc\n'],
    ['at the end of a last line without newline', 'a\nb', [2, 2], '\nc', 'a\nb\nc'],
    ['at the start of the file', 'a\n', [1, 1], '# head\n', '# head\na\n'],
    ['into an empty file', '', [1, 1], 'x = 1\n', 'x = 1\n'],
  ] as const)('inserts %s', async (_, before, at, newText, after) => {
    const ws = await workspace({ 'a.py': before });
    const position = [at[0], at[1]] as const;
    await createWorkspaceFiles(ws.root).applyChanges([
      {
        op: 'edit',
        file: 'a.py',
        edits: [{ start: position, end: position, oldText: '', newText, reason: 'add' }],
      },
    ]);
    expect((await ws.read('a.py')).toString()).toBe(after);
  });

  it('deletes a range when the new text is empty, and reports the edits it applied', async () => {
    const ws = await workspace({ 'a.py': 'import os\nimport sys\nprint(sys.argv)\n' });
    const result = await createWorkspaceFiles(ws.root).applyChanges([
      {
        op: 'edit',
        file: 'a.py',
        edits: [
          { start: [1, 1], end: [2, 1], oldText: 'import os\n', newText: '', reason: 'unused' },
        ],
      },
    ]);
    expect((await ws.read('a.py')).toString()).toBe('import sys\nprint(sys.argv)\n');
    expect(result).toMatchObject({ filesChanged: 1, editsApplied: 1 });
  });
});

describe('applyChanges refuses what it cannot decode or encode, by file name', () => {
  it('refuses new text the file encoding cannot represent, and writes nothing', async () => {
    const ws = await workspace({ 'ledger/core.py': LEDGER, 'ledger/other.py': 'x = 1\n' });
    const before = await ws.snapshot();
    const refused = await refusalOf(
      createWorkspaceFiles(ws.root).applyChanges([
        { op: 'edit', file: 'ledger/other.py', edits: [lineEdit(1, 1, 'x', 'y')] },
        { op: 'edit', file: 'ledger/core.py', edits: [lineEdit(3, 5, 'post_entry', 'post→entry')] },
      ]),
    );
    expect(refused).toMatchObject({
      code: 'FILE_UNDECODABLE',
      message: expect.stringMatching(
        /^ledger\/core\.py is latin-1, which cannot represent "→" \(U\+2192\) in the new text at 3:5\./,
      ),
    });
    expect(await ws.snapshot()).toEqual(before);
  });

  it('accepts new text latin-1 can represent', async () => {
    const ws = await workspace({ 'ledger/core.py': LEDGER });
    await createWorkspaceFiles(ws.root).applyChanges([
      { op: 'edit', file: 'ledger/core.py', edits: [lineEdit(3, 5, 'post_entry', 'é')] },
    ]);
    expect((await ws.read('ledger/core.py')).includes(latin1('def é('))).toBe(true);
  });

  it('refuses a file that is not valid UTF-8 and declares no encoding, in applyChanges and readText', async () => {
    const ws = await workspace({ 'legacy.py': latin1('s = "café"\n') });
    const files = createWorkspaceFiles(ws.root);
    const edit = files.applyChanges([
      { op: 'edit', file: 'legacy.py', edits: [lineEdit(1, 1, 's', 't')] },
    ]);
    for (const refused of [await refusalOf(edit), await refusalOf(files.readText('legacy.py'))]) {
      expect(refused.code).toBe('FILE_UNDECODABLE');
      expect(refused.message).toMatch(
        /^legacy\.py is not valid UTF-8 \(byte 0xE9 at offset 8, line 1\)/,
      );
    }
    expect(await ws.read('legacy.py')).toEqual(latin1('s = "café"\n'));
  });

  it('refuses an encoding it cannot edit byte for byte', async () => {
    const ws = await workspace({ 'jp.py': '# coding: shift_jis\nx = 1\n' });
    const refused = await refusalOf(createWorkspaceFiles(ws.root).readText('jp.py'));
    expect(refused).toMatchObject({
      code: 'FILE_UNDECODABLE',
      data: { file: 'jp.py', encoding: 'shift_jis' },
    });
  });

  it('refuses an edit that changes the coding cookie under the untouched bytes', async () => {
    const ws = await workspace({ 'a.py': latin1('# coding: latin-1\ns = "é"\n') });
    const refused = await refusalOf(
      createWorkspaceFiles(ws.root).applyChanges([
        { op: 'edit', file: 'a.py', edits: [lineEdit(1, 11, 'latin-1', 'utf-8')] },
      ]),
    );
    expect(refused.message).toMatch(
      /^The edits of a\.py change the encoding it declares from latin-1 to utf-8/,
    );
    expect(await ws.read('a.py')).toEqual(latin1('# coding: latin-1\ns = "é"\n'));
  });
});
