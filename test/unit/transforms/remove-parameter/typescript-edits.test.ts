import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSignatureWorkspace,
  type SignatureWorkspace,
} from '../../../fixtures/transforms/add-parameter-halves.js';
import { REMOVE_LEDGER_TS } from '../../../fixtures/transforms/remove-parameter-ledger-ts.js';

const LEDGER = 'src/ledger.ts';
const REPORTS = 'src/reports.ts';
const remove = (name: string) => ({ mode: 'edit', name });

describe('remove_parameter on TypeScript (the LanguageService)', () => {
  let ws: SignatureWorkspace;
  beforeAll(async () => {
    ws = await createSignatureWorkspace(REMOVE_LEDGER_TS);
  });
  afterAll(() => ws?.close());

  it('removes a parameter and its argument through an alias and a namespace import; later arguments shift', async () => {
    const result = await ws.run(
      'remove_parameter',
      { file: LEDGER, needle: 'transfer' },
      remove('verbose'),
    );
    expect(result.facts.problems).toEqual([]);
    expect(result.after[LEDGER]).toContain(
      'export function transfer(source: string, target: string, amount = 0): string {',
    );
    expect(result.after[REPORTS]).toContain(
      "  move('cash', 'bank', 3);\n  ledgers.transfer('cash', 'bank');\n",
    );
  });

  it('keeps a multi-line signature with its trailing comma; reports the .bind it leaves, as the parameter has a default', async () => {
    const result = await ws.run(
      'remove_parameter',
      { file: LEDGER, needle: 'schedule' },
      remove('verbose'),
    );
    expect(result.facts.problems).toEqual([]);
    expect(result.after[LEDGER]).toContain(
      'export function schedule(\n  task: string,\n  when: string,\n): string {',
    );
    expect(result.after[REPORTS]).toContain(
      "  schedule('close', 'eom');\n  return schedule('close', 'eom');\n",
    );
    expect(result.facts.reported.map((r) => `${r.file}:${r.line} ${r.kind}`)).toEqual([
      'src/dynamic.ts:7 bind',
    ]);
    expect(result.facts.calls.map((c) => c.edit)).toEqual(['removed', 'none']);
  });

  it('refuses a spread call where the parameter may be', async () => {
    const result = await ws.run(
      'remove_parameter',
      { file: LEDGER, needle: 'tally' },
      remove('verbose'),
    );
    expect(result.facts.problems.map((p) => `${p.file}:${p.line} ${p.code}`)).toEqual([
      'src/dynamic.ts:4 unknown-position',
    ]);
  });

  it('refuses a .bind when the parameter has no default, with the body that uses it', async () => {
    const result = await ws.run(
      'remove_parameter',
      { file: LEDGER, needle: 'schedule' },
      remove('when'),
    );
    expect(result.facts.problems.map((p) => `${p.file}:${p.line} ${p.code}`)).toEqual([
      'src/dynamic.ts:7 dynamic-use',
      'src/ledger.ts:31 uses-parameter',
    ]);
  });

  it('refuses while the body uses the parameter or reads arguments, naming the lines', async () => {
    const used = await ws.run(
      'remove_parameter',
      { file: LEDGER, needle: 'report' },
      remove('verbose'),
    );
    expect(used.facts.problems.map((p) => `${p.line} ${p.code} ${p.lineText.trim()}`)).toEqual([
      '35 uses-parameter if (verbose) console.log(entries);',
    ]);
    const legacy = await ws.run(
      'remove_parameter',
      { file: LEDGER, needle: 'legacy' },
      remove('verbose'),
    );
    expect(legacy.facts.problems.map((p) => `${p.line} ${p.code}`)).toEqual(['44 uses-parameter']);
  });

  it('refuses the method while its override passes the parameter on, naming that line', async () => {
    const result = await ws.run(
      'remove_parameter',
      {
        file: LEDGER,
        needle: 'post(amount: number, verbose = false): number {\n    return amount',
      },
      remove('verbose'),
    );
    expect(result.facts.declarations.map((d) => `${d.role} ${d.container}.${d.name}`)).toEqual([
      'target Ledger.post',
      'abstract Poster.post',
      'override LoudLedger.post',
    ]);
    expect(result.facts.problems.map((p) => `${p.line} ${p.code} ${p.lineText.trim()}`)).toEqual([
      '18 uses-parameter return super.post(amount, verbose);',
    ]);
  });
});

describe('remove_parameter on a TypeScript method family', () => {
  let ws: SignatureWorkspace;
  beforeAll(async () => {
    const ledger = (REMOVE_LEDGER_TS[LEDGER] ?? '').replace(
      'return super.post(amount, verbose);',
      'return super.post(amount);',
    );
    ws = await createSignatureWorkspace({ ...REMOVE_LEDGER_TS, [LEDGER]: ledger });
  });
  afterAll(() => ws?.close());

  it('removes it from the interface member, the method and the override; this. calls lose the argument', async () => {
    const result = await ws.run(
      'remove_parameter',
      {
        file: LEDGER,
        needle: 'post(amount: number, verbose = false): number {\n    return amount',
      },
      remove('verbose'),
    );
    expect(result.facts.problems).toEqual([]);
    const ledger = result.after[LEDGER] ?? '';
    expect(ledger).toContain('  post(amount: number): number;\n');
    expect(ledger).toContain('  post(amount: number): number {\n    return amount;');
    expect(ledger).toContain('  override post(amount: number): number {');
    expect(ledger).toContain('    this.post(amount);\n    return this.post(amount);');
  });
});
