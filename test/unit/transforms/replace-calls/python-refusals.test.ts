import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPythonAdapter, type PythonAdapter } from '../../../../src/lang/python/index.js';
import {
  createPythonFixture,
  type PythonFixture,
} from '../../../fixtures/lang-python/create-python-fixture.js';
import { positionIn, replaceCalls } from '../../../fixtures/transforms/replace-calls-via-halves.js';

const FILES: Record<string, string> = {
  'pay/core.py': [
    'def charge(amount, currency="USD"):',
    '    return amount',
    '',
    '',
    'def bill(amount, *, currency="USD"):',
    '    return amount',
    '',
    '',
    'def settle(total, fee):',
    '    return total + fee',
    '',
    '',
    'def flexible(*args, **kwargs):',
    '    return args',
    '',
  ].join('\n'),
  'pay/use.py': [
    'from pay.core import charge',
    '',
    '',
    'def run(extra):',
    '    charge(1, "EUR")',
    '    charge(amount=2)',
    '    charge(*extra)',
    '',
  ].join('\n'),
  'clock.py': [
    'import time',
    'from time import sleep',
    '',
    '',
    'async def tick():',
    '    time.sleep(0.1)',
    '    return sleep(0.2)',
    '',
    '',
    'def wait():',
    '    time.sleep(1)',
    '',
  ].join('\n'),
};

describe('replace_calls, Python half: what the new function cannot take', () => {
  let fixture: PythonFixture;
  let adapter: PythonAdapter;
  const at = (name: string) => ({ name, at: positionIn(FILES, 'pay/core.py', `def ${name}`) });
  const shift = (ref: { name: string; at: { file: string; line: number; column: number } }) => ({
    ...ref,
    at: { ...ref.at, column: ref.at.column + 4 },
  });

  beforeAll(async () => {
    fixture = await createPythonFixture(FILES);
    adapter = createPythonAdapter({ root: fixture.root });
  }, 60_000);

  afterAll(async () => {
    await adapter?.close();
    await fixture?.cleanup();
  });

  it('lists a positional call a keyword-only parameter refuses, and changes nothing', async () => {
    const { facts, changed } = await replaceCalls(
      adapter,
      fixture.root,
      shift(at('charge')),
      shift(at('bill')),
    );
    expect(changed).toEqual([]);
    expect(facts.mismatches.map((m) => [m.line, m.problems])).toEqual([
      [
        5,
        ['bill(amount, *, currency=…) takes at most 1 positional argument(s); the call passes 2'],
      ],
    ]);
    expect(facts.unchecked.map((u) => u.line)).toEqual([7]);
  });

  it('lists keyword calls that would not bind and required parameters left out', async () => {
    const { facts } = await replaceCalls(
      adapter,
      fixture.root,
      shift(at('charge')),
      shift(at('settle')),
    );
    expect(facts.mismatches.map((m) => [m.line, m.problems])).toEqual([
      [
        6,
        [
          'settle(total, fee) has no parameter named "amount"',
          'settle(total, fee) needs "total", which the call does not pass',
          'settle(total, fee) needs "fee", which the call does not pass',
        ],
      ],
    ]);
  });

  it('accepts any call for a function of *args and **kwargs', async () => {
    const { facts, after } = await replaceCalls(
      adapter,
      fixture.root,
      shift(at('charge')),
      shift(at('flexible')),
    );
    expect(facts.mismatches).toEqual([]);
    expect(after['pay/use.py']).toContain('from pay.core import flexible\n');
    expect(after['pay/use.py']).toContain('    flexible(amount=2)\n');
  });

  it('refuses a coroutine function where the call cannot be awaited, naming the function', async () => {
    const { facts, changed } = await replaceCalls(
      adapter,
      fixture.root,
      { name: 'time.sleep' },
      { name: 'asyncio.sleep' },
    );
    expect(changed).toEqual([]);
    expect(facts.from?.inWorkspace).toBe(false);
    expect(facts.from?.file).toBe('typeshed/stdlib/time.pyi');
    expect(facts.mismatches.map((m) => [m.file, m.line, m.problems[0]])).toEqual([
      ['clock.py', 11, expect.stringContaining('in the synchronous function wait')],
    ]);
  });

  it('says which name does not resolve', async () => {
    const { facts } = await replaceCalls(adapter, fixture.root, shift(at('charge')), {
      name: 'asyncio.slep',
    });
    expect(facts.unresolved).toEqual([
      expect.objectContaining({
        role: 'to',
        name: 'asyncio.slep',
        detail: expect.stringContaining('no "slep" in the module "asyncio"'),
      }),
    ]);
  });
});

describe('replace_calls, Python half: a library function for another (time.sleep → asyncio.sleep)', () => {
  const files: Record<string, string> = {
    'clock.py': [
      '"""Ticks."""',
      'import time',
      'from time import sleep',
      '',
      '',
      'async def tick():',
      '    time.sleep(0.1)',
      '    return sleep(0.2)',
      '',
      '',
      'async def pause():',
      '    return time.sleep(0.3).__class__',
      '',
    ].join('\n'),
  };
  let fixture: PythonFixture;
  let adapter: PythonAdapter;

  beforeAll(async () => {
    fixture = await createPythonFixture(files);
    adapter = createPythonAdapter({ root: fixture.root });
  }, 60_000);

  afterAll(async () => {
    await adapter?.close();
    await fixture?.cleanup();
  });

  it('awaits the coroutine in async code, imports its module and drops the imports left unused', async () => {
    const { facts, after } = await replaceCalls(
      adapter,
      fixture.root,
      { name: 'time.sleep' },
      { name: 'asyncio.sleep' },
    );
    expect(facts.mismatches).toEqual([]);
    expect(after['clock.py']).toBe(
      [
        '"""Ticks."""',
        'import asyncio',
        '',
        '',
        'async def tick():',
        '    await asyncio.sleep(0.1)',
        '    return await asyncio.sleep(0.2)',
        '',
        '',
        'async def pause():',
        '    return (await asyncio.sleep(0.3)).__class__',
        '',
      ].join('\n'),
    );
    expect(facts.imports.removed.map((r) => r.name)).toEqual(['time', 'sleep']);
    expect(facts.to?.signatures.length).toBeGreaterThan(0);
  });
});
