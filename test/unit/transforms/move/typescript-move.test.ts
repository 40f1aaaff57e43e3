import { describe, expect, it } from 'vitest';
import { useAdapterFixture } from '../../../fixtures/lang-typescript/use-adapter-fixture.js';
import { type MoveOutcome, moveVia } from '../../../fixtures/transforms/move-via-halves.js';

const TSCONFIG = JSON.stringify({
  compilerOptions: { strict: true, module: 'nodenext', target: 'es2022', noEmit: true },
});

const UTILS = `const RATE = 2;

function pad(text: string): string {
  return \`[\${text}]\`;
}

export function other(): number {
  return RATE;
}

/** Formats money. */
export function formatMoney(amount: number): string {
  return pad(String(amount * RATE));
}
`;

const FILES = {
  'tsconfig.json': TSCONFIG,
  'src/utils.ts': UTILS,
  'src/index.ts': `export { formatMoney, other } from './utils';\nexport * from './utils';\n`,
  'src/app.ts': `import { formatMoney as fm, other } from './utils';\nimport * as u from './utils';\n\nexport const total = fm(1) + u.formatMoney(2) + other();\n`,
  'test/utils.test.ts': `import { formatMoney } from '../src/utils';\n\nif (formatMoney(1) !== '[2]') throw new Error('formatMoney');\n`,
};

describe('move (TypeScript): the LanguageService "Move to file" refactor', () => {
  const open = useAdapterFixture();

  const move = async (files: Record<string, string>, file: string, needle: string, to: string) => {
    const { fixture, adapter } = await open(files);
    return moveVia(adapter, fixture.root, fixture.positionOf(file, needle), to);
  };

  // The main move, computed once: its outcome is data, read by the tests below.
  let main: Promise<MoveOutcome> | undefined;
  const mainMove = (): Promise<MoveOutcome> => {
    main ??= move(FILES, 'src/utils.ts', 'formatMoney', 'src/money/format.ts');
    return main;
  };

  it('moves a function into a new module with the private helper only it uses, and exports and imports the helper it shares', async () => {
    const { changes, facts, after } = await mainMove();
    expect(facts.refusal).toBeUndefined();
    expect(facts.moved.map((m) => [m.name, m.role])).toEqual([
      ['formatMoney', 'symbol'],
      ['pad', 'helper'],
    ]);
    expect(facts.importedFromSource).toEqual(['RATE']);
    expect(facts.newCycles).toEqual([]);
    const created = changes.find((c) => c.file === 'src/money/format.ts');
    expect(created?.op).toBe('create');
    const moved = after['src/money/format.ts'] ?? '';
    expect(moved).toContain("import { RATE } from '../utils';");
    expect(moved).toContain('function pad(text: string): string {');
    expect(moved).not.toContain('export function pad');
    expect(moved).toContain(
      'export function formatMoney(amount: number): string {\n  return pad(String(amount * RATE));\n}',
    );
    expect(moved).toContain('/** Formats money. */');
    const utils = after['src/utils.ts'] ?? '';
    expect(utils).toContain('export const RATE = 2;');
    expect(utils).not.toContain('pad');
    expect(utils).not.toContain('formatMoney');
  });

  it('follows with aliased and namespace-qualified imports, the tests and both kinds of re-export', async () => {
    const { after } = await mainMove();
    const app = after['src/app.ts'] ?? '';
    expect(app).toContain("import { other } from './utils';");
    expect(app).toContain("import { formatMoney as fm } from './money/format';");
    expect(app).toContain("import * as format from './money/format';");
    expect(app).toContain('fm(1) + format.formatMoney(2) + other()');
    expect(after['test/utils.test.ts']).toContain(
      "import { formatMoney } from '../src/money/format';",
    );
    expect(after['src/index.ts']).toBe(
      "export { other } from './utils';\nexport { formatMoney } from './money/format';\nexport * from './utils';\nexport { formatMoney } from './money/format';\n",
    );
  });

  it('says why each edit exists', async () => {
    const { changes } = await mainMove();
    const reasons = changes.flatMap((c) =>
      c.op === 'edit' ? c.edits.map((e) => `${c.file}: ${e.reason}`) : [`${c.file}: ${c.reason}`],
    );
    expect(reasons).toEqual(
      expect.arrayContaining([
        'src/app.ts: import updated',
        'src/app.ts: import added',
        'src/app.ts: qualified use (now through src/money/format.ts)',
        'src/index.ts: re-export updated',
        'src/index.ts: re-export added',
        'src/money/format.ts: new module for formatMoney, moved from src/utils.ts',
        'src/utils.ts: declaration moved to src/money/format.ts',
      ]),
    );
  });

  it('takes a helper declared right before the function in the same range', async () => {
    const files = {
      'tsconfig.json': TSCONFIG,
      'src/text.ts': `export const WIDTH = 8;\n\nfunction fill(text: string): string {\n  return text.padEnd(WIDTH);\n}\n\nexport function label(text: string): string {\n  return fill(text);\n}\n`,
    };
    const { facts, after } = await move(files, 'src/text.ts', 'label', 'src/label.ts');
    expect(facts.moved.map((m) => m.name)).toEqual(['label', 'fill']);
    expect(after['src/text.ts']).toBe('export const WIDTH = 8;\n\n');
    // No string anywhere to take quotes from: TypeScript's default.
    expect(after['src/label.ts']).toContain('import { WIDTH } from "./text";');
    expect(after['src/label.ts']).toContain('function fill(text: string): string {');
  });

  it('moves a class into an existing module, keeping what that module has', async () => {
    const files = {
      'tsconfig.json': TSCONFIG,
      'src/shapes.ts': `export class Square {\n  constructor(readonly side: number) {}\n  area(): number {\n    return this.side * this.side;\n  }\n}\n\nexport const unit = new Square(1);\n`,
      'src/geometry.ts': `export const ORIGIN = { x: 0, y: 0 };\n`,
      'src/main.ts': `import { Square, unit } from './shapes';\n\nexport const area = new Square(2).area() + unit.area();\n`,
    };
    const { changes, facts, after } = await move(
      files,
      'src/shapes.ts',
      'Square',
      'src/geometry.ts',
    );
    expect(facts.refusal).toBeUndefined();
    expect(facts.moved).toEqual([{ name: 'Square', kind: 'class', role: 'symbol', line: 1 }]);
    expect(changes.every((c) => c.op === 'edit')).toBe(true);
    expect(after['src/geometry.ts']).toContain('export const ORIGIN = { x: 0, y: 0 };\n');
    expect(after['src/geometry.ts']).toContain('export class Square {');
    expect(after['src/shapes.ts']).toContain("import { Square } from './geometry';");
    expect(after['src/shapes.ts']).toContain('export const unit = new Square(1);');
    expect(after['src/main.ts']).toContain("import { unit } from './shapes';");
    expect(after['src/main.ts']).toContain("import { Square } from './geometry';");
  });

  it('reports the import cycle a move would bring, naming the files', async () => {
    const files = {
      'tsconfig.json': TSCONFIG,
      'src/utils.ts': `${UTILS}\nexport function report(): string {\n  return formatMoney(3);\n}\n`,
    };
    const { facts } = await move(files, 'src/utils.ts', 'formatMoney', 'src/money.ts');
    expect(facts.newCycles).toEqual([['src/money.ts', 'src/utils.ts', 'src/money.ts']]);
    expect(facts.importedFromSource).toEqual(['RATE']);
  });

  it('refuses a member, a name the target already declares, and the module it is in', async () => {
    const files = {
      'tsconfig.json': TSCONFIG,
      'src/utils.ts': UTILS,
      'src/money.ts': `export function formatMoney(): string {\n  return '';\n}\n`,
      'src/shapes.ts': `export class Square {\n  area(): number {\n    return 1;\n  }\n}\n`,
    };
    const clash = await move(files, 'src/utils.ts', 'formatMoney', 'src/money.ts');
    expect(clash.facts.refusal).toEqual({
      reason: 'name-exists',
      message:
        'src/money.ts already declares formatMoney at line 1: moving formatMoney there would clash with it. Rename one of them first.',
    });
    expect(clash.changes).toEqual([]);
    const member = await move(files, 'src/shapes.ts', 'area', 'src/area.ts');
    expect(member.facts.refusal?.reason).toBe('not-module-level');
    expect(member.facts.refusal?.message).toContain(
      'area at src/shapes.ts:2 is declared inside Square',
    );
    const same = await move(files, 'src/utils.ts', 'formatMoney', 'src/utils.ts');
    expect(same.facts.refusal?.reason).toBe('same-module');
  });
});
