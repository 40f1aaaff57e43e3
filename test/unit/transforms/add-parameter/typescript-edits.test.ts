import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSignatureWorkspace,
  type SignatureWorkspace,
} from '../../../fixtures/transforms/add-parameter-halves.js';
import { LEDGER_TS } from '../../../fixtures/transforms/add-parameter-ledger-ts.js';

const LEDGER = 'src/ledger.ts';
const REPORTS = 'src/reports.ts';
const add = (args: Record<string, unknown>) => ({ mode: 'edit', ...args });

describe('add_parameter on TypeScript (the LanguageService)', () => {
  let ws: SignatureWorkspace;
  beforeAll(async () => {
    ws = await createSignatureWorkspace(LEDGER_TS);
  });
  afterAll(() => ws?.close());

  it('adds a defaulted parameter before the rest parameter and leaves the calls alone', async () => {
    const result = await ws.run(
      'add_parameter',
      { file: LEDGER, needle: 'postEntry' },
      add({ name: 'currency', default: "'USD'" }),
    );
    expect(result.facts.problems).toEqual([]);
    expect(result.after[LEDGER]).toContain(
      "export function postEntry(ledger: Ledger, amount: number, memo = '', currency = 'USD', ...tags: string[]): number {",
    );
    expect(result.computed.changes.map((c) => c.file)).toEqual([LEDGER]);
  });

  it('adds a required typed parameter before the first optional one and passes the value, shifting later arguments', async () => {
    const result = await ws.run(
      'add_parameter',
      { file: LEDGER, needle: 'postEntry' },
      add({ name: 'currency', type: 'string', value: "'EUR'" }),
    );
    expect(result.facts.problems).toEqual([]);
    expect(result.after[LEDGER]).toContain(
      "postEntry(ledger: Ledger, amount: number, currency: string, memo = '', ...tags: string[])",
    );
    const reports = result.after[REPORTS] ?? '';
    expect(reports).toContain("  record(ledger, 10, 'EUR');\n");
    expect(reports).toContain("  ledgers.postEntry(ledger, 5, 'EUR', 'rent', 'a', 'b');\n");
    expect(reports).toContain("return describeEntry(record(ledger, 1, 'EUR'));");
  });

  it('pads with undefined where a call leaves optional parameters out', async () => {
    const result = await ws.run(
      'add_parameter',
      { file: LEDGER, needle: 'postEntry' },
      add({ name: 'rate', default: '1', value: '2' }),
    );
    const reports = result.after[REPORTS] ?? '';
    expect(reports).toContain('  record(ledger, 10, undefined, 2);\n');
    expect(reports).toContain("  ledgers.postEntry(ledger, 5, 'rent', 2, 'a', 'b');\n");
  });

  it('adds to the method, the interface member (optional, typed from the default) and the override; this., super. and interface calls pass the value', async () => {
    const result = await ws.run(
      'add_parameter',
      { file: LEDGER, needle: 'post(amount: number): number {' },
      add({ name: 'dryRun', default: 'false', value: 'true' }),
    );
    expect(result.facts.problems).toEqual([]);
    expect(result.facts.declarations.map((d) => `${d.role} ${d.container}.${d.name}`)).toEqual([
      'target Ledger.post',
      'abstract Poster.post',
      'override AuditedLedger.post',
    ]);
    const ledger = result.after[LEDGER] ?? '';
    expect(ledger).toContain('  post(amount: number, dryRun?: boolean): number;\n');
    expect(ledger).toContain('  post(amount: number, dryRun = false): number {\n');
    expect(ledger).toContain('  override post(amount: number, dryRun = false): number {\n');
    expect(ledger).toContain('    this.post(amount, true);\n    return this.post(amount, true);');
    expect(ledger).toContain('return super.post(amount, true);');
    expect(ledger).toContain('return ledger.post(amount, true) + memo.length');
    expect(result.after[REPORTS]).toContain('  poster.post(1, true);\n');
  });

  it('adds to an arrow function, typed from the value', async () => {
    const result = await ws.run(
      'add_parameter',
      { file: LEDGER, needle: 'describeEntry' },
      add({ name: 'unit', value: "'EUR'" }),
    );
    expect(result.after[LEDGER]).toContain(
      'export const describeEntry = (amount: number, unit: string) =>',
    );
    expect(result.after[REPORTS]).toContain("return describeEntry(record(ledger, 1), 'EUR');");
  });

  it('reports spread, .call, .apply, .bind and value uses when a default makes them safe', async () => {
    const result = await ws.run(
      'add_parameter',
      { file: LEDGER, needle: 'summarize' },
      add({ name: 'limit', default: '10' }),
    );
    expect(result.facts.problems).toEqual([]);
    expect(result.facts.reported.map((r) => `${r.line} ${r.kind}`)).toEqual([
      '4 spread',
      '7 bind',
      '8 call',
      '9 value',
      '10 apply',
    ]);
  });

  it('refuses them, naming each line, when the value has no default behind it', async () => {
    const result = await ws.run(
      'add_parameter',
      { file: LEDGER, needle: 'summarize' },
      add({ name: 'limit', type: 'number', value: '10' }),
    );
    expect(result.computed.changes).toEqual([]);
    expect(result.facts.problems.map((p) => `${p.file}:${p.line} ${p.code}`)).toEqual([
      'src/dynamic.ts:4 unknown-position',
      'src/dynamic.ts:7 dynamic-use',
      'src/dynamic.ts:8 dynamic-use',
      'src/dynamic.ts:9 dynamic-use',
      'src/dynamic.ts:10 dynamic-use',
    ]);
  });

  it('refuses a name the body declares or that is a parameter already', async () => {
    const shadow = await ws.run(
      'add_parameter',
      { file: LEDGER, needle: 'summarize' },
      add({ name: 'count', default: '0' }),
    );
    expect(shadow.facts.problems.map((p) => `${p.line} ${p.code} ${p.lineText.trim()}`)).toEqual([
      '32 shadows-a-name const count = entries.length;',
      '33 shadows-a-name return count;',
    ]);
    const taken = await ws.run(
      'add_parameter',
      { file: LEDGER, needle: 'postEntry' },
      add({ name: 'memo', default: "''" }),
    );
    expect(taken.facts.problems.map((p) => p.code)).toEqual(['already-a-parameter']);
  });

  it('refuses text that is not an expression or a type, and an interface member whose type cannot be told', async () => {
    const broken = await ws.run(
      'add_parameter',
      { file: LEDGER, needle: 'postEntry' },
      add({ name: 'currency', default: "'USD" }),
    );
    expect(broken.facts.problems.map((p) => p.code)).toEqual(['bad-text']);
    const badType = await ws.run(
      'add_parameter',
      { file: LEDGER, needle: 'postEntry' },
      add({ name: 'currency', type: 'string[', default: "'USD'" }),
    );
    expect(badType.facts.problems[0]?.detail).toContain('is not a TypeScript type');
    const untyped = await ws.run(
      'add_parameter',
      { file: LEDGER, needle: 'post(amount: number): number {' },
      add({ name: 'clock', default: 'Date.now' }),
    );
    expect(untyped.facts.problems.map((p) => `${p.line} ${p.code}`)).toEqual(['2 needs-a-type']);
  });
});

describe('add_parameter on TypeScript overloads', () => {
  const FILES = {
    'tsconfig.json': LEDGER_TS['tsconfig.json'] as string,
    'src/parse.ts': `export function parse(text: string): number;
export function parse(text: number): number;
export function parse(text: string | number): number {
  return Number(text);
}

export const value = parse('1') + parse(2);
`,
  };
  let ws: SignatureWorkspace;
  beforeAll(async () => {
    ws = await createSignatureWorkspace(FILES);
  });
  afterAll(() => ws?.close());

  it('adds an optional parameter to each signature and the default to the implementation', async () => {
    const result = await ws.run(
      'add_parameter',
      { file: 'src/parse.ts', needle: 'parse', occurrence: 3 },
      add({ name: 'radix', default: '10' }),
    );
    expect(result.facts.problems).toEqual([]);
    expect(
      result.after['src/parse.ts'],
    ).toBe(`export function parse(text: string, radix?: number): number;
export function parse(text: number, radix?: number): number;
export function parse(text: string | number, radix = 10): number {
  return Number(text);
}

export const value = parse('1') + parse(2);
`);
  });
});

describe('add_parameter on JavaScript', () => {
  const FILES = {
    'package.json': '{"type":"module"}\n',
    'src/users.js': 'export function fetchUser(id) {\n  return { id };\n}\n',
    'src/app.js': "import { fetchUser } from './users.js';\n\nexport const first = fetchUser(1);\n",
  };
  let ws: SignatureWorkspace;
  beforeAll(async () => {
    ws = await createSignatureWorkspace(FILES);
  });
  afterAll(() => ws?.close());

  it('writes no types and passes the value', async () => {
    const result = await ws.run(
      'add_parameter',
      { file: 'src/users.js', needle: 'fetchUser' },
      add({ name: 'retries', value: '3' }),
    );
    expect(result.facts.problems).toEqual([]);
    expect(result.after['src/users.js']).toContain('export function fetchUser(id, retries) {');
    expect(result.after['src/app.js']).toContain('fetchUser(1, 3);');
  });

  it('refuses a type annotation', async () => {
    const result = await ws.run(
      'add_parameter',
      { file: 'src/users.js', needle: 'fetchUser' },
      add({ name: 'retries', type: 'number', default: '3' }),
    );
    expect(result.facts.problems[0]?.detail).toContain('JavaScript has no type annotations');
  });
});
