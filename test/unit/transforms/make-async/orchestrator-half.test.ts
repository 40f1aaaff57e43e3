import { describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../../src/core/errors.js';
import { parseIntent } from '../../../../src/intent/parse-intent.js';
import { checkMakeAsyncChange } from '../../../../src/transforms/make-async/check-change.js';
import type { ConvertFacts } from '../../../../src/transforms/make-async/contract.js';
import { refuseWhatCannotBeConverted } from '../../../../src/transforms/make-async/refusals.js';
import {
  findModules,
  resolveModule,
} from '../../../../src/transforms/make-async/resolve-module.js';
import { toTargetNames } from '../../../../src/transforms/make-async/target-names.js';

const thrown = (body: () => unknown): unknown => {
  try {
    body();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('make_async commands', () => {
  it.each([
    ['make load_prices async', { target: 'load_prices', targetKind: 'symbol' }],
    [
      'make load_prices and fetch_quotes async',
      { target: 'load_prices and fetch_quotes', targetKind: 'symbol' },
    ],
    [
      'convert fetchUser to async in src/users',
      { target: 'fetchUser', targetKind: 'symbol', scope: 'src/users' },
    ],
    ['make method Ledger.total async', { target: 'Ledger.total', targetKind: 'symbol' }],
    ['make module risk/management.py async', { target: 'risk/management.py', targetKind: 'path' }],
    [
      'Refactor the risk management module to use async patterns',
      { target: 'risk management', targetKind: 'module' },
    ],
    ['refactor the pricing module to async', { target: 'pricing', targetKind: 'module' }],
  ])('reads "%s"', (command, expected) => {
    expect(parseIntent(command)).toEqual({ kind: 'make_async', ...expected });
  });

  it('splits the names of the function form, keeping Class.name whole', () => {
    expect(toTargetNames('load_prices, fetch_quotes and Ledger.total')).toEqual([
      'load_prices',
      'fetch_quotes',
      'Ledger.total',
    ]);
  });

  it('is reached through the common parser', () => {
    expect(parseIntent('Refactor the risk management module to use async patterns')).toEqual({
      kind: 'make_async',
      target: 'risk management',
      targetKind: 'module',
    });
  });
});

describe('module phrases', () => {
  const files = [
    'risk_management.py',
    'pricing/risk/management.py',
    'src/risk-management/index.ts',
    'src/risk-management/limits.ts',
    'src/riskManagement.ts',
    'tests/test_risk_management.py',
    'README.md',
  ];

  it('match module files and packages by their last path words, leaving tests out', () => {
    expect(findModules(['risk', 'management'], files).map((m) => m.path)).toEqual([
      'pricing/risk/management.py',
      'risk_management.py',
      'src/risk-management',
      'src/riskManagement.ts',
    ]);
    expect(findModules(['risk', 'management'], files)[2]?.files).toEqual([
      'src/risk-management/index.ts',
      'src/risk-management/limits.ts',
    ]);
  });

  it('list every match when several, and the closest paths when none', () => {
    const several = thrown(() => resolveModule('risk management', files));
    expect(isOrchestratorError(several, 'BAD_INPUT')).toBe(true);
    expect((several as Error).message).toContain('names 4 modules');
    const none = thrown(() => resolveModule('risk reports', ['risk/limits.py', 'reports/a.py']));
    expect((none as Error).message).toMatch(/No module matches "risk reports"\. The closest: /);
  });
});

describe('what make_async may write', () => {
  const edit = (oldText: string, newText: string) => ({
    op: 'edit' as const,
    file: 'a.py',
    edits: [
      {
        start: [1, 1] as const,
        end: [1, 1 + oldText.length] as const,
        oldText,
        newText,
        reason: 'x',
      },
    ],
  });

  it('allows async, await, the runners and the async equivalents', () => {
    for (const [oldText, newText] of [
      ['def f():', 'async def f():'],
      ['time.sleep(1)', 'await asyncio.sleep(1)'],
      ['requests.get(url)', 'await asyncio.to_thread(requests.get, url)'],
      ['main()', 'asyncio.run(main())'],
      ["fs.readFileSync(p, 'utf8')", "await fs.promises.readFile(p, 'utf8')"],
      ['(): string', '(): Promise<string>'],
    ]) {
      expect(
        checkMakeAsyncChange(edit(oldText as string, newText as string)),
        newText,
      ).toBeUndefined();
    }
  });

  it('refuses new code, new strings and whole-file changes', () => {
    expect(checkMakeAsyncChange(edit('f()', 'await f(); os.system("rm -rf ~")'))).toMatch(
      /would write "os"/,
    );
    expect(checkMakeAsyncChange(edit('f()', 'await f("x")'))).toMatch(/would write the string "x"/);
    expect(checkMakeAsyncChange({ op: 'delete', file: 'a.py', reason: 'x' })).toMatch(
      /does not delete/,
    );
  });
});

describe('refusals', () => {
  const fn = (name: string) => ({
    file: 'ledger/core.py',
    line: 3,
    column: 5,
    name,
    kind: 'function' as const,
  });
  const facts = (over: Partial<ConvertFacts>): ConvertFacts => ({
    roots: [fn('post_entry')],
    closure: [],
    alreadyAsync: [],
    generators: [],
    boundaries: [],
    rewrites: [],
    blocking: [],
    ...over,
  });
  const intent = {
    kind: 'make_async' as const,
    target: 'post_entry',
    targetKind: 'symbol' as const,
  };

  it('names the chain of a boundary with no safe wrapping', () => {
    const error = thrown(() =>
      refuseWhatCannotBeConverted(
        intent,
        facts({
          boundaries: [
            {
              file: 'ledger/core.py',
              line: 40,
              column: 5,
              kind: 'property',
              detail: 'Ledger.total is a @property',
              chain: ['post_entry', 'batch_post', 'Ledger.total'],
              handling: 'refused',
            },
          ],
        }),
        [],
      ),
    );
    expect(isOrchestratorError(error, 'TRANSFORM_REFUSED')).toBe(true);
    expect((error as Error).message).toContain(
      'post_entry ← batch_post ← Ledger.total (property, ledger/core.py:40: Ledger.total is a @property)',
    );
  });

  it('says there is nothing to do for async roots and for a module with nothing blocking', () => {
    const async = thrown(() =>
      refuseWhatCannotBeConverted(intent, facts({ alreadyAsync: [fn('post_entry')] }), []),
    );
    expect(isOrchestratorError(async, 'NOTHING_TO_DO')).toBe(true);
    const quiet = thrown(() =>
      refuseWhatCannotBeConverted({ ...intent, targetKind: 'module' }, facts({ roots: [] }), [
        'risk.py',
      ]),
    );
    expect((quiet as Error).message).toContain('Nothing in risk.py blocks');
    expect((quiet as Error).message).toContain('make <name> async');
  });

  it('refuses a generator root', () => {
    const error = thrown(() =>
      refuseWhatCannotBeConverted(intent, facts({ generators: [fn('ticks')] }), []),
    );
    expect((error as Error).message).toContain('ticks (ledger/core.py:3) is a generator');
  });
});
