import { afterAll, describe, expect, it } from 'vitest';
import {
  compileAll,
  createMakeAsyncPythonFixture,
  type MakeAsyncPythonFixture,
  positionOf,
} from '../../../fixtures/transforms/make-async-python.js';
import {
  AUTO_MODE_FILES,
  MARKER_FILES,
} from '../../../fixtures/transforms/make-async-python-tests.js';

describe('make_async (Python): tests with pytest-asyncio configured', () => {
  const fixtures: MakeAsyncPythonFixture[] = [];

  afterAll(async () => {
    await Promise.allSettled(fixtures.map((f) => f.cleanup()));
  });

  it('makes a test async as it is under asyncio_mode = auto', async () => {
    const fixture = await createMakeAsyncPythonFixture(AUTO_MODE_FILES);
    fixtures.push(fixture);
    const run = await fixture.convert({
      roots: [positionOf(AUTO_MODE_FILES, 'app/api.py', 'def fetch', 'fetch')],
    });
    expect(run.changed['tests/test_api.py']).toBe(
      'from app.api import fetch\n\n\nasync def test_fetch():\n    assert await fetch(2) == 4\n',
    );
    expect(run.facts.boundaries).toEqual([
      {
        file: 'tests/test_api.py',
        line: 4,
        column: 5,
        kind: 'test',
        detail: 'test_fetch: asyncio_mode = auto in the pytest configuration',
        chain: ['fetch', 'test_fetch'],
        handling: 'wrapped',
        how: 'async test',
      },
    ]);
    const reasons = run.changes.flatMap((c) =>
      c.op === 'edit' ? c.edits.map((e) => `${c.file} ${e.reason}`) : [],
    );
    expect(reasons).toEqual([
      'app/api.py async def',
      'tests/test_api.py test made async',
      'tests/test_api.py await call',
    ]);
    expect(await compileAll(run.tree, ['app/api.py', 'tests/test_api.py'])).toBe('');
  });

  it('adds the pytest-asyncio marker, and the pytest import, where the repo marks its async tests', async () => {
    const fixture = await createMakeAsyncPythonFixture(MARKER_FILES);
    fixtures.push(fixture);
    const run = await fixture.convert({
      roots: [positionOf(MARKER_FILES, 'app/api.py', 'def fetch', 'fetch')],
    });
    expect(run.changed['tests/test_api.py']).toBe(
      'import pytest\nfrom app.api import fetch\n\n\n@pytest.mark.asyncio\nasync def test_fetch():\n    assert await fetch(2) == 4\n',
    );
    expect(run.facts.boundaries.map((b) => [b.how, b.detail])).toEqual([
      [
        'async test (@pytest.mark.asyncio)',
        'test_fetch: pytest-asyncio used in tests/test_other.py',
      ],
    ]);
    expect(await compileAll(run.tree, ['app/api.py', 'tests/test_api.py'])).toBe('');
  });
});
