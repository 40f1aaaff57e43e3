const TEST_FILE = [
  /(^|\/)test_[^/]*\.py$/,
  /(^|\/)[^/]*_test\.py$/,
  /(^|\/)conftest\.py$/,
  /\.(test|spec)\.[cm]?[jt]sx?$/,
  /(^|\/)(tests?|__tests__)\//,
];

/** True for files that test runners treat as tests (pytest, unittest, Jest/Vitest/Mocha layouts). */
export function isTestFile(file: string): boolean {
  return TEST_FILE.some((pattern) => pattern.test(file));
}
