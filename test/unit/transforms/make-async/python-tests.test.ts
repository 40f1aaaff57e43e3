import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Boundary } from '../../../../src/transforms/make-async/contract.js';
import {
  type ConvertRun,
  compileAll,
  createMakeAsyncPythonFixture,
  type MakeAsyncPythonFixture,
  positionOf,
} from '../../../fixtures/transforms/make-async-python.js';
import {
  TESTS_EXPECTED,
  TESTS_FILES,
} from '../../../fixtures/transforms/make-async-python-tests.js';

const brief = (b: Boundary) =>
  `${b.kind} ${b.handling} ${b.file}:${b.line} ${b.how ?? ''} ${b.chain.join(' ← ')}`;

describe('make_async (Python): tests without an async test plugin', () => {
  let fixture: MakeAsyncPythonFixture;
  let run: ConvertRun;

  beforeAll(async () => {
    fixture = await createMakeAsyncPythonFixture(TESTS_FILES);
    run = await fixture.convert({
      roots: [positionOf(TESTS_FILES, 'app/api.py', 'def fetch', 'fetch')],
    });
  });

  afterAll(async () => {
    await fixture?.cleanup();
  });

  it('wraps pytest calls in asyncio.run and moves unittest classes to IsolatedAsyncioTestCase', () => {
    expect(run.changed['tests/test_api.py']).toBe(TESTS_EXPECTED['tests/test_api.py']);
    expect(run.changed['tests/test_case.py']).toBe(TESTS_EXPECTED['tests/test_case.py']);
  });

  it('lists every test boundary with how it is handled', () => {
    expect(run.facts.boundaries.map(brief)).toEqual([
      'test wrapped tests/test_api.py:7 asyncio.run(...) fetch ← doubled',
      'test wrapped tests/test_api.py:15 asyncio.run(...) fetch ← test_fetch',
      'test wrapped tests/test_api.py:19 asyncio.run(...) fetch ← helper ← test_helper',
      'test wrapped tests/test_api.py:24 asyncio.run(...) fetch ← TestGroup.test_method',
      'test wrapped tests/test_case.py:8 asyncio.run(...) fetch ← FetchTest.setUp',
      'test wrapped tests/test_case.py:11 unittest.IsolatedAsyncioTestCase fetch ← FetchTest.test_value',
      'test wrapped tests/test_case.py:19 unittest.IsolatedAsyncioTestCase fetch ← OtherTest.test_other',
    ]);
    expect(run.facts.closure.map((c) => c.name)).toEqual(['fetch', 'helper']);
  });

  it('leaves a test suite that passes under pytest and unittest', async () => {
    expect(await compileAll(run.tree, Object.keys(TESTS_FILES))).toBe('');
    const pytest = await run.exec('python3', [
      '-m',
      'pytest',
      '-q',
      '-p',
      'no:cacheprovider',
      'tests',
    ]);
    expect(pytest.output).toContain('6 passed');
    expect(pytest.code).toBe(0);
    const unittest = await run.exec('python3', [
      '-m',
      'unittest',
      'discover',
      '-s',
      'tests',
      '-t',
      '.',
    ]);
    expect(unittest.code).toBe(0);
    expect(unittest.output).toContain('Ran 3 tests');
  });

  it('refuses a function a doctest calls', async () => {
    const refused = await fixture.convert({
      roots: [positionOf(TESTS_FILES, 'app/api.py', 'def documented', 'documented')],
    });
    expect(refused.facts.boundaries).toEqual([
      {
        file: 'app/api.py',
        line: 12,
        column: 5,
        kind: 'doctest',
        detail:
          'a doctest calls documented(); it would print a coroutine. Rewrite the example or convert by hand',
        chain: ['documented', 'doctest'],
        handling: 'refused',
      },
    ]);
    expect(refused.changes).toEqual([]);
  });

  it('says a doctest method call is matched by name, and what an async context manager takes', async () => {
    const refused = await fixture.convert({
      roots: [positionOf(TESTS_FILES, 'app/api.py', 'def open_gate', 'open_gate')],
    });
    expect(refused.facts.boundaries.map((b) => `${b.kind} ${b.line}: ${b.detail}`)).toEqual([
      'doctest 21: a doctest calls a method named open_gate (doctest code is not type-checked, so any .open_gate() counts); it would print a coroutine. Rewrite the example or convert by hand',
      'dunder 28: Gate.__enter__ is the dunder method __enter__, which Python calls synchronously; an async context manager needs __aenter__/__aexit__ and "async with" at every use (calls Gate.open_gate at app/api.py:29)',
    ]);
    expect(refused.changes).toEqual([]);
  });
});
