import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPythonWorkspace,
  type PythonWorkspace,
} from '../../../../src/lang/python/engine/python-workspace.js';
import { findDefinitions } from '../../../../src/lang/python/queries/find-definitions.js';
import {
  createPythonFixture,
  type PythonFixture,
} from '../../../fixtures/lang-python/create-python-fixture.js';

describe('findDefinitions, asked again', () => {
  let fixture: PythonFixture;
  beforeAll(async () => {
    fixture = await createPythonFixture({ 'pkg/a.py': 'def post_entry():\n    pass\n' });
  });
  afterAll(() => fixture.cleanup());

  it('parses the candidates once while they stay the same, and again once one changes', async () => {
    const workspace = createPythonWorkspace({ root: fixture.root });
    let scripts = 0;
    const counting: PythonWorkspace = {
      ...workspace,
      runScript: (script, input, signal) => {
        scripts++;
        return workspace.runScript(script, input, signal);
      },
    };
    const lines = async () =>
      (await findDefinitions(counting, 'post_entry')).map((d) => `${d.file}:${d.line}`);
    expect(await lines()).toEqual(['pkg/a.py:1']);
    expect(await lines()).toEqual(['pkg/a.py:1']);
    expect(scripts).toBe(1);
    await writeFile(path.join(fixture.root, 'pkg', 'a.py'), '\n\ndef post_entry():\n    pass\n');
    expect(await lines()).toEqual(['pkg/a.py:3']);
    expect(scripts).toBe(2);
    await workspace.session.close();
  });
});
