import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPythonWorkspace,
  type PythonWorkspace,
} from '../../../../src/lang/python/engine/python-workspace.js';
import { findDiagnostics } from '../../../../src/lang/python/queries/find-diagnostics.js';
import {
  createPythonFixture,
  type PythonFixture,
} from '../../../fixtures/lang-python/create-python-fixture.js';

const USER = [
  'from pkg.newmod import f',
  'from pkg import newmod',
  'from .newmod import f as g',
  'from . import (',
  '    newmod as again,',
  ')',
  'import pkg.newmod',
  'from pkg.absent import h',
  'print(f(), newmod.f(), g(), again.f(), pkg.newmod.f(), h())',
  '',
].join('\n');

describe('pyright diagnostics under an overlay that creates a module', () => {
  let fixture: PythonFixture;
  let workspace: PythonWorkspace;

  beforeAll(async () => {
    fixture = await createPythonFixture({
      'pkg/__init__.py': '',
      'pkg/user.py': USER,
      'app/__init__.py': 'from app.core import run, stop\n',
      'app/core.py': 'def run():\n    return 1\n\n\ndef stop():\n    return 0\n',
      'app/main.py': 'from app import run, stop\n\nprint(run(), stop())\n',
    });
    workspace = createPythonWorkspace({ root: fixture.root });
  });

  afterAll(async () => {
    await workspace?.session.close();
    await fixture?.cleanup();
  });

  it('leaves out the imports of the created module, absolute and relative, and keeps the rest', async () => {
    const overlay = new Map([['pkg/newmod.py', 'def f():\n    return 2\n']]);
    const report = await workspace.withOverlay(overlay, () =>
      findDiagnostics(workspace, ['pkg/user.py', 'pkg/newmod.py']),
    );
    expect(report.checked).toEqual(['pkg/newmod.py', 'pkg/user.py']);
    expect(report.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([
      '8:6 reportMissingImports Import "pkg.absent" could not be resolved',
    ]);
  });

  it("leaves out a name a package's __init__ now imports from a created module, not the others", async () => {
    const overlay = new Map([
      ['app/__init__.py', 'from app.core import stop\nfrom app.running import run\n'],
      ['app/running.py', 'def run():\n    return 1\n'],
      ['app/core.py', 'def stop():\n    return 0\n'],
      ['app/main.py', 'from app import run, stop, start\n\nprint(run(), stop())\n'],
    ]);
    const report = await workspace.withOverlay(overlay, () =>
      findDiagnostics(workspace, ['app/__init__.py', 'app/main.py']),
    );
    expect(report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'app/main.py:1:28 "start" is unknown import symbol',
    ]);
  });

  it('reports those imports as unresolved when no overlay creates the module', async () => {
    const report = await findDiagnostics(workspace, ['pkg/user.py']);
    expect(report.diagnostics.map((d) => `${d.line} ${d.code}`)).toEqual([
      '1 reportMissingImports',
      '2 reportAttributeAccessIssue',
      '3 reportMissingImports',
      '5 reportAttributeAccessIssue',
      '7 reportMissingImports',
      '8 reportMissingImports',
    ]);
  });
});
