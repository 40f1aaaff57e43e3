import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * Transpiles `src/cache` and `src/core` into `outDir` so a plain `node` child process can load
 * the cache without a build step; returns the URL of the cache's index module.
 */
export function transpileCacheModule(outDir: string): string {
  for (const folder of ['src/cache', 'src/core']) {
    mkdirSync(path.join(outDir, folder), { recursive: true });
    for (const name of readdirSync(path.join(ROOT, folder)).filter((file) =>
      file.endsWith('.ts'),
    )) {
      const source = readFileSync(path.join(ROOT, folder, name), 'utf8');
      const { outputText } = ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      });
      writeFileSync(path.join(outDir, folder, name.replace(/\.ts$/, '.js')), outputText);
    }
  }
  writeFileSync(path.join(outDir, 'package.json'), '{"type": "module"}');
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(outDir, 'node_modules'), 'dir');
  return new URL(`file://${path.join(outDir, 'src/cache/index.js')}`).href;
}
