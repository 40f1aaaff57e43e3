/** The call graph both make-async bench repos share: storage ← services ← features ← reports ← main. */
export interface AsyncRepoShape {
  services: number;
  features: number;
  reports: number;
  /** Service `k` also has a class whose two methods call it (one through `self.`/`this.`). */
  hasClass(k: number): boolean;
  serviceOf(feature: number): number;
  featuresOf(report: number): number[];
  /** Root, services, methods, features, reports and main (the tests are boundaries: async tests). */
  functions: number;
  /** The files those are in (the test file and the entry's top level change too). */
  files: number;
}

/** What a generated make-async repo is: its root and what the closure should come to. */
export interface AsyncRepoSummary {
  /** The blocking function the bench makes async. */
  root: string;
  definition: string;
  /** Functions the closure should hold, and the files they are in. */
  expectedFunctions: number;
  expectedFiles: number;
}

const SERVICES = 20;
const FEATURES_PER_REPORT = 8;
const REPORTS = 10;

/** The shape for a repo of `files` files (the closure's part is fixed; the rest is filler). */
export function toAsyncRepoShape(files: number): AsyncRepoShape {
  const features = FEATURES_PER_REPORT * REPORTS;
  if (files < SERVICES + features + REPORTS + 20)
    throw new Error(
      `A make-async bench repo needs at least ${SERVICES + features + REPORTS + 20} files; got ${files}.`,
    );
  const hasClass = (k: number) => k % 5 === 0;
  const classes = Array.from({ length: SERVICES }, (_, k) => k).filter(hasClass).length;
  return {
    services: SERVICES,
    features,
    reports: REPORTS,
    hasClass,
    serviceOf: (j) => j % SERVICES,
    featuresOf: (r) =>
      Array.from({ length: FEATURES_PER_REPORT }, (_, i) => r * FEATURES_PER_REPORT + i),
    functions: 1 + SERVICES + 2 * classes + features + REPORTS + 1,
    files: 1 + SERVICES + features + REPORTS + 1,
  };
}
