import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSignatureWorkspace,
  type SignatureWorkspace,
} from '../../../fixtures/transforms/add-parameter-halves.js';
import { REMOVE_LEDGER_PY } from '../../../fixtures/transforms/remove-parameter-ledger-py.js';

const CORE = 'ledger/core.py';
const REPORTS = 'ledger/reports.py';
const remove = (name: string) => ({ mode: 'edit', name });

describe('remove_parameter on Python (pyright and ast)', () => {
  let ws: SignatureWorkspace;
  beforeAll(async () => {
    ws = await createSignatureWorkspace(REMOVE_LEDGER_PY);
  });
  afterAll(() => ws?.close());

  it("removes a decorated function's parameter and its argument at every call, positional (later ones shift) or keyword", async () => {
    const result = await ws.run(
      'remove_parameter',
      { file: CORE, needle: 'transfer(' },
      remove('verbose'),
    );
    expect(result.facts.problems).toEqual([]);
    expect(result.after[CORE]).toContain('def transfer(source, target, amount=0, *, note=None):');
    const reports = result.after[REPORTS] ?? '';
    expect(reports).toContain('    move("cash", "bank", 3)\n');
    expect(reports).toContain('    move("cash", "bank", note="rent")\n');
    expect(reports).toContain('    core.transfer("cash", target="bank")\n');
    expect(result.facts.calls.map((c) => c.edit)).toEqual(['removed', 'removed', 'removed']);
  });

  it('removes a keyword-only parameter with the bare * that nothing follows any more', async () => {
    const result = await ws.run(
      'remove_parameter',
      { file: CORE, needle: 'transfer(' },
      remove('note'),
    );
    expect(result.after[CORE]).toContain('def transfer(source, verbose, target, amount=0):');
    expect(result.after[REPORTS]).toContain('    move("cash", False, "bank")\n');
    expect(result.after[REPORTS]).toContain('    move("cash", True, "bank", 3)\n');
  });

  it("keeps a multi-line signature's layout; calls that leave the default out need no edit", async () => {
    const result = await ws.run(
      'remove_parameter',
      { file: CORE, needle: 'schedule(' },
      remove('verbose'),
    );
    expect(result.facts.problems).toEqual([]);
    expect(result.after[CORE]).toContain('def schedule(\n    task,\n    when=None,\n):');
    expect(result.after[REPORTS]).toContain(
      '    schedule("close", "eom")\n    schedule("close", when="eom")\n',
    );
    expect(result.facts.calls.map((c) => c.edit)).toEqual(['removed', 'none']);
  });

  it('refuses while the body uses the parameter, naming the lines, and leaves everything as it is', async () => {
    const result = await ws.run(
      'remove_parameter',
      { file: CORE, needle: 'report(' },
      remove('verbose'),
    );
    expect(result.computed.changes).toEqual([]);
    expect(
      result.facts.problems.map((p) => `${p.file}:${p.line} ${p.code} ${p.lineText.trim()}`),
    ).toEqual([
      'ledger/core.py:27 uses-parameter if verbose:',
      'ledger/dynamic.py:5 unknown-position return report(*args)',
    ]);
  });

  it('refuses a call through *args whose position cannot be known', async () => {
    const files = {
      ...REMOVE_LEDGER_PY,
      'ledger/core.py': `${REMOVE_LEDGER_PY['ledger/core.py']}\n\ndef tally(entries, verbose=False):\n    return len(entries)\n`,
      'ledger/dynamic.py':
        'from ledger.core import tally\n\n\ndef forward(*args):\n    return tally(*args)\n',
    };
    const other = await createSignatureWorkspace(files);
    try {
      const result = await other.run(
        'remove_parameter',
        { file: CORE, needle: 'tally(' },
        remove('verbose'),
      );
      expect(result.facts.problems.map((p) => `${p.file}:${p.line} ${p.code}`)).toEqual([
        'ledger/dynamic.py:5 unknown-position',
      ]);
    } finally {
      await other.close();
    }
  });

  it("refuses a method whose override still uses the parameter, naming the override's line", async () => {
    const result = await ws.run(
      'remove_parameter',
      { file: CORE, needle: 'post(self, amount, verbose=False):\n        return amount' },
      remove('verbose'),
    );
    expect(result.facts.declarations.map((d) => `${d.role} ${d.container}.${d.name}`)).toEqual([
      'target Ledger.post',
      'abstract Base.post',
      'override LoudLedger.post',
    ]);
    expect(result.facts.problems.map((p) => `${p.line} ${p.code} ${p.lineText.trim()}`)).toEqual([
      '49 uses-parameter if verbose:',
    ]);
  });

  it('refuses what the parameter is not: a missing name, self, *args', async () => {
    const missing = await ws.run(
      'remove_parameter',
      { file: CORE, needle: 'transfer(' },
      remove('verbosity'),
    );
    expect(missing.facts.problems[0]?.detail).toBe(
      'transfer has no parameter "verbosity"; its parameters are: source, verbose, target, amount, note',
    );
    const receiver = await ws.run(
      'remove_parameter',
      { file: CORE, needle: 'post_twice' },
      remove('self'),
    );
    expect(receiver.facts.problems.map((p) => p.code)).toEqual(['receiver']);
    const variadic = await ws.run(
      'remove_parameter',
      { file: CORE, needle: 'wrapper(' },
      remove('args'),
    );
    expect(variadic.facts.problems.map((p) => p.code)).toContain('variadic');
  });
});

describe('remove_parameter on a method family (Python)', () => {
  const FILES = {
    ...REMOVE_LEDGER_PY,
    'ledger/core.py': (REMOVE_LEDGER_PY['ledger/core.py'] ?? '').replace(
      '        if verbose:\n            print(amount)\n',
      '',
    ),
  };
  let ws: SignatureWorkspace;
  beforeAll(async () => {
    ws = await createSignatureWorkspace(FILES);
  });
  afterAll(() => ws?.close());

  it('removes it from the method, the abstract member and the override; self. and Class.method calls lose the argument', async () => {
    const result = await ws.run(
      'remove_parameter',
      { file: CORE, needle: 'post(self, amount, verbose=False):\n        return amount' },
      remove('verbose'),
    );
    expect(result.facts.problems).toEqual([]);
    const core = result.after[CORE] ?? '';
    expect(core.match(/def post\(self, amount\):/g)).toHaveLength(3);
    expect(core).toContain('        self.post(amount)\n        return self.post(amount)\n');
    expect(result.after[REPORTS]).toContain(
      '    Ledger.post(ledger, 1)\n    return ledger.post(2)\n',
    );
  });
});
