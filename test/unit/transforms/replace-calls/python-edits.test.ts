import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPythonAdapter, type PythonAdapter } from '../../../../src/lang/python/index.js';
import type { ReplaceCallsFacts } from '../../../../src/transforms/replace-calls/contract.js';
import {
  createPythonFixture,
  type PythonFixture,
} from '../../../fixtures/lang-python/create-python-fixture.js';
import { positionIn, replaceCalls } from '../../../fixtures/transforms/replace-calls-via-halves.js';

const FILES: Record<string, string> = {
  'ledger/__init__.py': 'from .core import old_fn\n\n__all__ = ["old_fn"]\n',
  'ledger/core.py': [
    'def old_fn(amount, note=None):',
    '    return amount',
    '',
    '',
    'def new_fn(amount, note=None):',
    '    return amount * 2',
    '',
    '',
    'def total(xs):',
    '    return sum(old_fn(x) for x in xs)',
    '',
  ].join('\n'),
  'app/__init__.py': '',
  'app/direct.py':
    'from ledger.core import old_fn\n\n\ndef run():\n    return old_fn(1, note="a")\n',
  'app/aliased.py': 'from ledger.core import old_fn as pe\n\n\ndef run():\n    return pe(3)\n',
  'app/qualified.py':
    'import ledger.core as c\nimport ledger.core\n\n\ndef run():\n    return c.old_fn(1) + ledger.core.old_fn(2)\n',
  'app/reexport.py': 'from ledger import old_fn\n\n\ndef run():\n    return old_fn(6)\n',
  'app/value.py':
    'from ledger.core import old_fn\n\nHANDLERS = [old_fn]\n\n\ndef run():\n    return old_fn(1)\n',
  'app/crlf.py': 'import os\r\nfrom ledger import old_fn\r\n\r\nprint(old_fn(os.sep))\r\n',
};

describe('replace_calls, Python half: old_fn → new_fn in the workspace', () => {
  let fixture: PythonFixture;
  let adapter: PythonAdapter;
  let after: Record<string, string>;
  let facts: ReplaceCallsFacts;

  beforeAll(async () => {
    fixture = await createPythonFixture(FILES);
    adapter = createPythonAdapter({ root: fixture.root });
    ({ after, facts } = await replaceCalls(
      adapter,
      fixture.root,
      { name: 'old_fn', at: positionIn(FILES, 'ledger/core.py', 'old_fn') },
      { name: 'new_fn', at: positionIn(FILES, 'ledger/core.py', 'new_fn') },
    ));
  }, 120_000);

  afterAll(async () => {
    await adapter?.close();
    await fixture?.cleanup();
  });

  it('replaces a call inside the declaring module without an import', () => {
    expect(after['ledger/core.py']).toContain('return sum(new_fn(x) for x in xs)');
    expect(after['ledger/core.py']).toContain('def old_fn(amount, note=None):');
  });

  it('turns the import of the old function into the new one when nothing else uses it', () => {
    expect(after['app/direct.py']).toBe(
      'from ledger.core import new_fn\n\n\ndef run():\n    return new_fn(1, note="a")\n',
    );
    expect(after['app/aliased.py']).toBe(
      'from ledger.core import new_fn\n\n\ndef run():\n    return new_fn(3)\n',
    );
  });

  it('keeps module-qualified calls qualified through the same module object', () => {
    expect(after['app/qualified.py']).toBe(
      'import ledger.core as c\nimport ledger.core\n\n\ndef run():\n    return c.new_fn(1) + ledger.core.new_fn(2)\n',
    );
  });

  it("replaces calls through the package's re-export, importing the new function where it lives", () => {
    expect(after['app/reexport.py']).toBe(
      'from ledger.core import new_fn\n\n\ndef run():\n    return new_fn(6)\n',
    );
    expect(after['ledger/__init__.py']).toBeUndefined();
  });

  it('leaves a use as a value alone, keeping its import and adding the new name to it', () => {
    expect(after['app/value.py']).toBe(
      'from ledger.core import old_fn, new_fn\n\nHANDLERS = [old_fn]\n\n\ndef run():\n    return new_fn(1)\n',
    );
    expect(facts.leftAlone).toEqual([
      expect.objectContaining({
        file: 'app/value.py',
        line: 3,
        detail: '`old_fn` stored in a collection',
      }),
    ]);
  });

  it("writes the new import in the file's own line ending", () => {
    expect(after['app/crlf.py']).toBe(
      'import os\r\nfrom ledger.core import new_fn\r\n\r\nprint(new_fn(os.sep))\r\n',
    );
  });

  it('lists every call replaced and the imports added and removed', () => {
    expect(facts.calls.map((c) => `${c.file}:${c.line} ${c.callee} → ${c.replacement}`)).toEqual([
      'app/aliased.py:5 pe → new_fn',
      'app/crlf.py:4 old_fn → new_fn',
      'app/direct.py:5 old_fn → new_fn',
      'app/qualified.py:6 c.old_fn → c.new_fn',
      'app/qualified.py:6 ledger.core.old_fn → ledger.core.new_fn',
      'app/reexport.py:5 old_fn → new_fn',
      'app/value.py:7 old_fn → new_fn',
      'ledger/core.py:10 old_fn → new_fn',
    ]);
    expect(facts.mismatches).toEqual([]);
    expect(facts.from?.signatures).toEqual(['old_fn(amount, note=…)']);
  });
});

describe('replace_calls, Python half: a new function in another module', () => {
  const files: Record<string, string> = {
    'ledger/__init__.py': '',
    'ledger/core.py':
      'def old_fn(amount):\n    return amount\n\n\ndef total(xs):\n    return sum(old_fn(x) for x in xs)\n',
    'ledger/posting.py': 'def record(amount):\n    return amount\n',
    'app.py': [
      '"""The app."""',
      'from ledger.core import (',
      '    old_fn,',
      '    total,',
      ')',
      '',
      'print(old_fn(1), total([2]))',
      '',
    ].join('\n'),
  };
  let fixture: PythonFixture;
  let adapter: PythonAdapter;
  let after: Record<string, string>;

  beforeAll(async () => {
    fixture = await createPythonFixture(files);
    adapter = createPythonAdapter({ root: fixture.root });
    ({ after } = await replaceCalls(
      adapter,
      fixture.root,
      { name: 'old_fn', at: positionIn(files, 'ledger/core.py', 'old_fn') },
      { name: 'ledger.posting.record', at: positionIn(files, 'ledger/posting.py', 'record') },
    ));
  }, 120_000);

  afterAll(async () => {
    await adapter?.close();
    await fixture?.cleanup();
  });

  it('imports it into the declaring module of the old one, after its leading imports', () => {
    expect(after['ledger/core.py']).toBe(
      'from ledger.posting import record\n\n\ndef old_fn(amount):\n    return amount\n\n\ndef total(xs):\n    return sum(record(x) for x in xs)\n',
    );
  });

  it('takes the name out of a multi-line import and imports the new one on its own line', () => {
    expect(after['app.py']).toBe(
      [
        '"""The app."""',
        'from ledger.core import (',
        '    total,',
        ')',
        'from ledger.posting import record',
        '',
        'print(record(1), total([2]))',
        '',
      ].join('\n'),
    );
  });
});
