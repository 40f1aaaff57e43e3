import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPythonWorkspace } from '../../../../src/lang/python/engine/python-workspace.js';
import { findUnreadImportCandidates } from '../../../../src/lang/python/queries/find-unread-import-candidates.js';
import {
  createPythonFixture,
  type PythonFixture,
} from '../../../fixtures/lang-python/create-python-fixture.js';

/** Each file, and whether pyright must look at it for an import nothing reads. */
const CASES: Record<string, { text: string; candidate: boolean }> = {
  'reads.py': { text: 'import os\nfrom x import y as z\nprint(os.sep, z)\n', candidate: false },
  'unread.py': { text: 'import os\nimport sys\nprint(sys.argv)\n', candidate: true },
  'dotted.py': { text: 'import os.path\nprint(os.sep)\n', candidate: true },
  'annotated.py': {
    text: 'from typing import List\n\n\ndef f(x: "List[int]") -> None:\n    pass\n',
    candidate: false,
  },
  'exported.py': { text: 'from .a import b\n__all__ = ["b"]\n', candidate: false },
  'star.py': { text: 'from os import *\n', candidate: false },
  'broken.py': { text: 'import os\ndef (\n', candidate: true },
  'twice.py': { text: 'import os\nimport os\nprint(os)\n', candidate: true },
  'type_comment.py': {
    text: 'from typing import List\nx = []  # type: List[int]\n',
    candidate: true,
  },
  'docstring.py': { text: '"""Uses json."""\nimport json\n', candidate: true },
  'stored_only.py': { text: 'import os\nos = None\n', candidate: true },
  'future.py': {
    text: 'from __future__ import annotations\nimport os\nprint(os.sep)\n',
    candidate: false,
  },
  'type_ignore.py': { text: 'import os\nprint(os.sep)  # type: ignore\n', candidate: false },
};

describe('findUnreadImportCandidates', () => {
  let fixture: PythonFixture;
  beforeAll(async () => {
    fixture = await createPythonFixture(
      Object.fromEntries(Object.entries(CASES).map(([file, { text }]) => [file, text])),
    );
  });
  afterAll(() => fixture.cleanup());

  it('leaves out only files whose every imported name is read; what syntax cannot settle goes to pyright', async () => {
    const workspace = createPythonWorkspace({ root: fixture.root });
    const files = Object.keys(CASES);
    const candidates = await findUnreadImportCandidates(workspace, files);
    expect(candidates).toEqual(files.filter((file) => CASES[file]?.candidate));
    await workspace.session.close();
  });
});
