import ts from '../../lang/typescript/typescript.js';
import { unwrapExpression } from './expressions.typescript.js';
import { resolveModuleBinding } from './module-bindings.typescript.js';

/** A call of a test framework's test, hook or suite function. */
export interface TestCallee {
  /** `global` when the name is a global (Jest, Mocha, Vitest with `globals: true`). */
  framework: 'vitest' | 'jest' | 'mocha' | 'node:test' | 'bun' | 'global';
  role: 'test' | 'hook' | 'suite';
  /** The callee as written, for people: `it`, `test.each(…)`, `beforeEach`. */
  label: string;
}

const ROLES: Readonly<Record<string, TestCallee['role']>> = {
  it: 'test',
  test: 'test',
  specify: 'test',
  fit: 'test',
  xit: 'test',
  xtest: 'test',
  beforeEach: 'hook',
  afterEach: 'hook',
  beforeAll: 'hook',
  afterAll: 'hook',
  before: 'hook',
  after: 'hook',
  describe: 'suite',
  suite: 'suite',
  context: 'suite',
  fdescribe: 'suite',
  xdescribe: 'suite',
};

const FRAMEWORKS: Readonly<Record<string, TestCallee['framework']>> = {
  vitest: 'vitest',
  '@jest/globals': 'jest',
  mocha: 'mocha',
  'node:test': 'node:test',
  'bun:test': 'bun',
};

/**
 * The test function `call` calls (`it(…)`, `test.only(…)`, `test.each(rows)(…)`, `beforeEach(…)`),
 * imported from vitest, `@jest/globals`, mocha, `node:test` or `bun:test` (imports and
 * `require` resolved by the checker), or a global of that name not declared in the workspace.
 */
export function findTestCallee(
  checker: ts.TypeChecker,
  call: ts.CallExpression,
): TestCallee | undefined {
  let root: ts.Expression = unwrapExpression(call.expression);
  while (ts.isPropertyAccessExpression(root) || ts.isCallExpression(root))
    root = unwrapExpression(root.expression);
  if (!ts.isIdentifier(root)) return undefined;
  const label = call.expression.getText().replace(/\(.*$/s, '(…)');
  const binding = resolveModuleBinding(checker, root);
  if (binding !== undefined) {
    const framework = FRAMEWORKS[binding.module] ?? FRAMEWORKS[`node:${binding.module}`];
    if (framework === undefined) return undefined;
    const imported =
      binding.imported === '*' || binding.imported === 'default' ? 'test' : binding.imported;
    const role = ROLES[imported];
    return role === undefined ? undefined : { framework, role, label };
  }
  const role = ROLES[root.text];
  if (role === undefined) return undefined;
  const declarations = checker.getSymbolAtLocation(root)?.declarations ?? [];
  if (!declarations.every((d) => d.getSourceFile().isDeclarationFile)) return undefined;
  return { framework: 'global', role, label };
}

/**
 * Why a test callback cannot become async, or undefined when it can: suite callbacks collect
 * tests synchronously, and a callback that takes `done` (Jest, Mocha; `node:test`'s second
 * parameter) may not also return a promise.
 */
export function refuseAsyncTestCallback(
  callee: TestCallee,
  callback: ts.SignatureDeclaration,
): string | undefined {
  if (callee.role === 'suite') {
    return `${callee.label} callbacks run synchronously to collect the tests; move the call into a test or a hook`;
  }
  const doneIndex = callee.framework === 'vitest' || callee.framework === 'node:test' ? 1 : 0;
  if (callee.framework === 'vitest' || callback.parameters.length <= doneIndex) return undefined;
  const done = callback.parameters[doneIndex]?.name.getText() ?? 'done';
  return `the ${callee.label} callback takes a "${done}" callback, and may not also return a promise; remove "${done}" first`;
}
