import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes what every generated TypeScript bench repo shares: an ESM `package.json` named `name`
 * whose tests compile with tsc and run with node --test, a strict NodeNext `tsconfig.json` over
 * `src` and `test`, a `.gitignore`, the `src` and `test` folders, and `node_modules` linked to
 * `nodeModules` (untracked, as in a real checkout).
 */
export function writeTypeScriptProject(dir: string, name: string, nodeModules: string): void {
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  mkdirSync(path.join(dir, 'test'), { recursive: true });
  const manifest = {
    name,
    private: true,
    type: 'module',
    scripts: { test: 'tsc -p tsconfig.json && node --test build/test/' },
  };
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const compilerOptions = {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    outDir: 'build',
    rootDir: '.',
    skipLibCheck: true,
    types: ['node'],
  };
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    `${JSON.stringify({ compilerOptions, include: ['src', 'test'] }, null, 2)}\n`,
  );
  writeFileSync(path.join(dir, '.gitignore'), 'build/\nnode_modules\n');
  symlinkSync(nodeModules, path.join(dir, 'node_modules'), 'dir');
}
