import type { Boundary } from './contract.js';
import type { Hierarchy } from './hierarchy.python.js';
import type { EntryPoint, ProjectConfig } from './project-config.python.js';
import type { SiteIndex } from './site-index.python.js';
import type { BaseFacts, FunctionFacts } from './site-types.python.js';

/** What a function is, for make_async: whether it may become `async def`, and if not, why. */
export type FunctionRole =
  | { kind: 'plain' }
  | { kind: 'refused'; boundary: Boundary['kind']; detail: string }
  | { kind: 'entry-point'; entry: EntryPoint }
  | { kind: 'pytest-test' }
  /** A unittest test method; `base` is the direct `TestCase` base to move, if any. */
  | { kind: 'unittest-test'; base?: BaseFacts }
  /** Test set-up that stays synchronous: a pytest fixture, `setUp`, `setUpModule`, … */
  | { kind: 'test-setup'; detail: string };

const PROPERTY_DECORATORS = new Set(['property', 'functools.cached_property', 'cached_property']);
/** Decorators that cache, wrap or call the function synchronously: a coroutine would break them. */
const SYNC_DECORATORS = new Set([
  'functools.lru_cache',
  'functools.cache',
  'lru_cache',
  'contextlib.contextmanager',
  'atexit.register',
  'click.command',
  'click.group',
]);
const TEST_CASES = new Set(['unittest.TestCase', 'unittest.case.TestCase']);
const ASYNC_TEST_CASES = new Set([
  'unittest.IsolatedAsyncioTestCase',
  'unittest.async_case.IsolatedAsyncioTestCase',
]);
const UNITTEST_SETUP = new Set(['setUp', 'tearDown', 'setUpClass', 'tearDownClass']);

/** True for `test_*.py` and `*_test.py` (pytest's default `python_files`). */
export function isTestFile(file: string): boolean {
  const base = file.split('/').at(-1) ?? '';
  return /^test_.*\.py$/.test(base) || /_test\.py$/.test(base);
}

/** Decides the role of functions, caching each answer. */
export function createRoles(
  index: SiteIndex,
  hierarchy: Hierarchy,
  config: ProjectConfig,
): (fn: FunctionFacts) => Promise<FunctionRole> {
  const known = new Map<string, Promise<FunctionRole>>();
  return (fn) => {
    const key = `${fn.file}:${fn.line}:${fn.column}`;
    let role = known.get(key);
    if (role === undefined) {
      role = toRole(fn, index, hierarchy, config);
      known.set(key, role);
    }
    return role;
  };
}

/** What the async counterpart of a synchronous protocol's dunder would take. */
const ASYNC_PROTOCOL_HINTS: Readonly<Record<string, string>> = {
  __enter__: '; an async context manager needs __aenter__/__aexit__ and "async with" at every use',
  __exit__: '; an async context manager needs __aenter__/__aexit__ and "async with" at every use',
  __iter__: '; an async iterator needs __aiter__/__anext__ and "async for" at every use',
  __next__: '; an async iterator needs __aiter__/__anext__ and "async for" at every use',
};

async function toRole(
  fn: FunctionFacts,
  index: SiteIndex,
  hierarchy: Hierarchy,
  config: ProjectConfig,
): Promise<FunctionRole> {
  const decorators = fn.decorators.map((d) => d.resolved);
  if (/^__\w+__$/.test(fn.name)) {
    return {
      kind: 'refused',
      boundary: 'dunder',
      detail: `${fn.qualname} is the dunder method ${fn.name}, which Python calls synchronously${ASYNC_PROTOCOL_HINTS[fn.name] ?? ''}`,
    };
  }
  const property = decorators.find(
    (d) => PROPERTY_DECORATORS.has(d) || /\.(setter|getter|deleter)$/.test(d),
  );
  if (property !== undefined) {
    return {
      kind: 'refused',
      boundary: 'property',
      detail: `${fn.qualname} is a property (@${property}); attribute access cannot await`,
    };
  }
  const caching = decorators.find((d) => SYNC_DECORATORS.has(d));
  if (caching !== undefined) {
    return {
      kind: 'refused',
      boundary: 'other',
      detail: `${fn.qualname} is decorated with @${caching}, which would cache, wrap or call a coroutine as if it were a value`,
    };
  }
  if (decorators.some((d) => d === 'pytest.fixture' || d === 'pytest_asyncio.fixture')) {
    return { kind: 'test-setup', detail: `pytest fixture ${fn.qualname}` };
  }
  const unittest = await unittestRole(fn, index, hierarchy);
  if (unittest !== undefined) return unittest;
  const library = await libraryOverride(fn, index, hierarchy);
  if (library !== undefined) {
    return {
      kind: 'refused',
      boundary: 'other',
      detail: `${fn.qualname} overrides ${library}, which library code calls synchronously`,
    };
  }
  if (fn.isGenerator) {
    return {
      kind: 'refused',
      boundary: 'generator',
      detail: `${fn.qualname} is a generator; an async generator is consumed differently`,
    };
  }
  const entry = config.entryPoints.find(
    (e) => fn.topLevel && e.file === fn.file && e.functionName === fn.name,
  );
  if (entry !== undefined) return { kind: 'entry-point', entry };
  if (isTestFile(fn.file)) {
    if (fn.topLevel && /^(setup|teardown)_module$|^setUpModule$|^tearDownModule$/.test(fn.name)) {
      return { kind: 'test-setup', detail: `module set-up ${fn.name}` };
    }
    const inTestClass =
      fn.container !== undefined && /^Test/.test(fn.container.split('.').at(-1) ?? '');
    if (/^test/.test(fn.name) && (fn.topLevel || inTestClass)) return { kind: 'pytest-test' };
  }
  return { kind: 'plain' };
}

/** The library method (`threading.Thread.run`) a method overrides, if any. */
async function libraryOverride(
  fn: FunctionFacts,
  index: SiteIndex,
  hierarchy: Hierarchy,
): Promise<string | undefined> {
  const cls =
    fn.classAt === undefined ? undefined : index.classAt({ file: fn.file, ...fn.classAt });
  if (cls === undefined) return undefined;
  for (const ancestor of await hierarchy.ancestors(cls)) {
    if (ancestor.kind === 'library' && (await hierarchy.declares(ancestor.cls, fn.name))) {
      return `${ancestor.cls.name}.${fn.name}`;
    }
  }
  return undefined;
}

/** The role of a method of a unittest class, or undefined when it is not one. */
async function unittestRole(
  fn: FunctionFacts,
  index: SiteIndex,
  hierarchy: Hierarchy,
): Promise<FunctionRole | undefined> {
  if (fn.classAt === undefined) return undefined;
  const cls = index.classAt({ file: fn.file, ...fn.classAt });
  if (cls === undefined) return undefined;
  const direct = cls.bases.find((b) => TEST_CASES.has(b.resolved));
  const directAsync = cls.bases.some((b) => ASYNC_TEST_CASES.has(b.resolved));
  let indirect: 'sync' | 'async' | undefined;
  if (direct === undefined && !directAsync) {
    const names = (await hierarchy.ancestors(cls)).flatMap((a) =>
      a.kind === 'library' ? [a.cls.name] : [],
    );
    if (names.some((n) => ASYNC_TEST_CASES.has(n))) indirect = 'async';
    else if (names.some((n) => TEST_CASES.has(n))) indirect = 'sync';
    else return undefined;
  }
  if (UNITTEST_SETUP.has(fn.name))
    return { kind: 'test-setup', detail: `${fn.qualname} (unittest set-up)` };
  if (!fn.name.startsWith('test')) return { kind: 'plain' };
  if (direct !== undefined) {
    if (direct.resolved === 'unittest.TestCase' && /(^|\.)TestCase$/.test(direct.text))
      return { kind: 'unittest-test', base: direct };
    return {
      kind: 'refused',
      boundary: 'test',
      detail: `${cls.qualname} derives from unittest.TestCase as ${direct.text}; move it to unittest.IsolatedAsyncioTestCase by hand`,
    };
  }
  if (directAsync || indirect === 'async') return { kind: 'unittest-test' };
  return {
    kind: 'refused',
    boundary: 'test',
    detail: `${cls.qualname} derives from unittest.TestCase through a base class of the workspace; move that base to unittest.IsolatedAsyncioTestCase first`,
  };
}
