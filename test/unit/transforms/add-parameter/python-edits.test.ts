import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSignatureWorkspace,
  type SignatureWorkspace,
} from '../../../fixtures/transforms/add-parameter-halves.js';
import { LEDGER_PY } from '../../../fixtures/transforms/add-parameter-ledger-py.js';

const CORE = 'ledger/core.py';
const add = (args: Record<string, unknown>) => ({ mode: 'edit', ...args });

describe('add_parameter on Python (pyright and ast)', () => {
  let ws: SignatureWorkspace;
  beforeAll(async () => {
    ws = await createSignatureWorkspace(LEDGER_PY);
  });
  afterAll(() => ws?.close());

  it('adds a defaulted parameter before the keyword-only marker and leaves every call alone', async () => {
    const result = await ws.run(
      'add_parameter',
      { file: CORE, needle: 'post_entry(ledger' },
      add({ name: 'currency', default: '"USD"' }),
    );
    expect(result.facts.problems).toEqual([]);
    expect(result.after[CORE]).toContain(
      'def post_entry(ledger, amount, memo="", currency="USD", *, verbose=False):',
    );
    expect(result.computed.changes.map((c) => c.file)).toEqual([CORE]);
    expect(result.facts.calls.every((c) => c.edit === 'none')).toBe(true);
    // Reported, not refused: the default makes them safe.
    expect(result.facts.reported.map((r) => `${r.file}:${r.line} ${r.kind}`)).toEqual([
      'ledger/core.py:14 decorator',
      'ledger/dynamic.py:5 spread',
    ]);
  });

  it('writes a type annotation with spaces around the default', async () => {
    const result = await ws.run(
      'add_parameter',
      { file: CORE, needle: 'post_entry(ledger' },
      add({ name: 'timeout', type: 'float', default: '30' }),
    );
    expect(result.after[CORE]).toContain(
      'def post_entry(ledger, amount, memo="", timeout: float = 30, *, verbose=False):',
    );
  });

  it('passes the value by position, by keyword where the call uses keywords, and shifts nothing it should not', async () => {
    const result = await ws.run(
      'add_parameter',
      { file: CORE, needle: 'schedule(' },
      add({ name: 'owner', value: '"ops"' }),
    );
    expect(result.facts.problems).toEqual([]);
    expect(result.after[CORE]).toContain(
      'def schedule(\n    task,\n    when,\n    owner,\n    verbose=False,\n):',
    );
    expect(result.after['ledger/reports.py']).toContain('schedule("close", "eom", "ops")');
  });

  it('refuses a value without a default when a caller passes *args, naming the line', async () => {
    const result = await ws.run(
      'add_parameter',
      { file: CORE, needle: 'post_entry(ledger' },
      add({ name: 'currency', value: '"EUR"' }),
    );
    expect(result.computed.changes).toEqual([]);
    expect(result.facts.problems.map((p) => `${p.file}:${p.line} ${p.code}`)).toEqual([
      'ledger/dynamic.py:5 unknown-position',
    ]);
    expect(result.facts.problems[0]?.lineText).toBe('    return post_entry(*args, **kwargs)');
  });

  it('adds a required parameter before the first defaulted one; calls by position, keyword and alias', async () => {
    const files = { ...LEDGER_PY, 'ledger/dynamic.py': '' };
    const clean = await createSignatureWorkspace(files);
    try {
      const result = await clean.run(
        'add_parameter',
        { file: CORE, needle: 'post_entry(ledger' },
        add({ name: 'currency', value: '"EUR"' }),
      );
      expect(result.facts.problems).toEqual([]);
      expect(result.after[CORE]).toContain(
        'def post_entry(ledger, amount, currency, memo="", *, verbose=False):',
      );
      const reports = result.after['ledger/reports.py'] ?? '';
      expect(reports).toContain('    record(ledger, 10, "EUR")\n');
      expect(reports).toContain('    record(ledger, 10, "EUR", "shifted")\n');
      expect(reports).toContain('    core.post_entry(ledger, 5, memo="rent", currency="EUR")\n');
      expect(reports).toContain('    return record(ledger, amount=1, currency="EUR")\n');
      expect(result.after['ledger/__init__.py']).toBe(LEDGER_PY['ledger/__init__.py']);
    } finally {
      await clean.close();
    }
  });

  it('adds to a method, the abstract member it implements and its override; self., super() and Class.method calls get the value', async () => {
    const result = await ws.run(
      'add_parameter',
      { file: CORE, needle: 'post(self, amount):\n        self.total' },
      add({ name: 'dry_run', default: 'False', value: 'True' }),
    );
    expect(result.facts.problems).toEqual([]);
    expect(result.facts.declarations.map((d) => `${d.role} ${d.container}.${d.name}`)).toEqual([
      'target Ledger.post',
      'abstract Base.post',
      'override AuditedLedger.post',
    ]);
    const core = result.after[CORE] ?? '';
    expect(core.match(/def post\(self, amount, dry_run=False\):/g)).toHaveLength(3);
    expect(core).toContain(
      '        self.post(amount, True)\n        return self.post(amount, True)',
    );
    expect(core).toContain('return super().post(amount, True)');
    // `ledger` has no type there, so pyright cannot say that call is Ledger.post's.
    expect(core).toContain('return ledger.post(amount)\n');
    const reports = result.after['ledger/reports.py'] ?? '';
    expect(reports).toContain('    ledger.post(3, True)\n');
    expect(reports).toContain('    Ledger.post(ledger, 4, True)\n');
  });

  it('refuses a name that is already a parameter, and one the body uses, naming the lines', async () => {
    const taken = await ws.run(
      'add_parameter',
      { file: CORE, needle: 'post_entry(ledger' },
      add({ name: 'memo', default: '""' }),
    );
    expect(taken.facts.problems.map((p) => `${p.line} ${p.code}`)).toEqual([
      '14 already-a-parameter',
    ]);
    const shadow = await ws.run(
      'add_parameter',
      { file: CORE, needle: 'summarize(' },
      add({ name: 'count', default: '0' }),
    );
    expect(shadow.facts.problems.map((p) => `${p.line} ${p.code} ${p.lineText.trim()}`)).toEqual([
      '44 shadows-a-name count = len(entries)',
      '45 shadows-a-name return count',
    ]);
    expect(shadow.computed.changes).toEqual([]);
  });

  it('refuses a default or value that is not one Python expression', async () => {
    const broken = await ws.run(
      'add_parameter',
      { file: CORE, needle: 'summarize(' },
      add({ name: 'limit', default: '"USD' }),
    );
    expect(broken.facts.problems.map((p) => p.code)).toEqual(['bad-text']);
    const two = await ws.run(
      'add_parameter',
      { file: CORE, needle: 'summarize(' },
      add({ name: 'limit', value: '1, 2' }),
    );
    expect(two.facts.problems[0]?.detail).toContain('more than one expression');
  });

  it('refuses a function passed as a value when no default makes its unseen callers safe', async () => {
    const result = await ws.run(
      'add_parameter',
      { file: CORE, needle: 'summarize(' },
      add({ name: 'limit', value: '10' }),
    );
    expect(result.facts.problems.map((p) => `${p.file}:${p.line} ${p.code}`)).toContain(
      'ledger/dynamic.py:8 dynamic-use',
    );
  });

  it('passes the value inside an f-string where the tokens allow it (3.12+), else reports the call it cannot edit', async () => {
    const result = await ws.run(
      'add_parameter',
      { file: CORE, needle: 'summarize(' },
      add({ name: 'limit', default: '5', value: '10' }),
    );
    const dynamic = result.facts.reported.find(
      (r) => r.line === 9 && r.file === 'ledger/dynamic.py',
    );
    if (dynamic !== undefined) expect(dynamic.kind).toBe('opaque-call');
    else
      expect(result.after['ledger/dynamic.py']).toContain('LABEL = f"{summarize([], 10)} entries"');
  });

  it('refuses a constructor and a property', async () => {
    const init = await ws.run(
      'add_parameter',
      { file: CORE, needle: '__init__' },
      add({ name: 'x', default: '0' }),
    );
    expect(init.facts.problems[0]?.detail).toContain('constructors are not supported yet');
  });
});
