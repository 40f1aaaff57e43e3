/** What the catalogue bench's generated repos hold, in both languages (each `files` in all). */
export interface CatalogueRepoSummary {
  /** Files that call the function whose parameters change and whose calls are replaced. */
  users: number;
  /** Files with an unused import (one each). */
  unusedImports: number;
  /** Files with a promise chain to convert (TypeScript only; 0 for Python). */
  promiseChains: number;
}

/** What module `i` of the generated repo is: a user of the core functions, has an unused import, or filler. */
export type ModuleRole = 'user' | 'unused-import' | 'filler';

/**
 * Spreads `users` users and `unusedImports` files with an unused import evenly over `modules`
 * modules (`mod_0000`, the first, is a user: the tests call it).
 */
export function toModuleRoles(modules: number, users: number, unusedImports: number) {
  const step = Math.floor(modules / users);
  if (step < 2 || unusedImports > users)
    throw new Error(`A catalogue repo needs ${2 * users} modules or more; got ${modules}.`);
  return (i: number): ModuleRole => {
    if (i % step === 0 && i / step < users) return 'user';
    if (i % step === 1 && (i - 1) / step < unusedImports) return 'unused-import';
    return 'filler';
  };
}
