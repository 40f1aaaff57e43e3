import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { packageRoot } from '../core/package-root.js';

/**
 * V8 code caches for the large CommonJS bundles our processes load: the TypeScript compiler
 * (9 MB, in dependency_graph) and pyright's language server (4 MB, its own process). Node 20
 * has no compile cache (`module.enableCompileCache` is Node 22), so each start parsed and
 * compiled them again, and compiled lazily every function the first rename touched. The build
 * (`scripts/code-cache.mjs`) runs a rename and a type check with recording on and keeps what V8
 * compiled, in `dist/code-cache/`; a process then compiles those files from the cache.
 *
 * A cache is used only for a file with the same name, length and SHA-1 as the one recorded, by
 * the same V8; V8 itself refuses data from other flags, and a refused cache compiles as usual.
 * Nothing is written at run time: recording happens only in the build.
 */

/** The manifest `dist/code-cache/manifest.json`: what each cache was recorded from. */
export interface CodeCacheManifest {
  /** `process.versions.v8` of the recording Node. */
  v8: string;
  /** By `<file name>:<length in UTF-16 units>`. */
  files: Record<string, { sha1: string; cache: string }>;
}

/** One file the recording mode compiled, as it reports it in `recorded.json`. */
export interface RecordedFile {
  key: string;
  sha1: string;
  cache: string;
}

/** Set (to a folder) by the build only: compile without caches and write what V8 compiled. */
export const RECORD_ENV = 'MCP_ORCHESTRATOR_CODE_CACHE_RECORD';

/** Files below this size compile in a few milliseconds; a cache would not pay for its read. */
const RECORDED_MIN_LENGTH = 256 * 1024;

type Compile = (this: NodeJS.Module, content: string, filename: string) => unknown;

let installed = false;

/** What this process compiled from a cache, and whether V8 took the data. */
const used: Array<{ file: string; rejected: boolean }> = [];

/** The files this process compiled from a code cache so far (for checks and reports). */
export function codeCacheUse(): ReadonlyArray<{ file: string; rejected: boolean }> {
  return used;
}

/** The cache recorded for this file's text, if any: same name, length and SHA-1. */
export function cacheEntryFor(
  manifest: CodeCacheManifest,
  filename: string,
  content: string,
): { sha1: string; cache: string } | undefined {
  const entry = manifest.files[`${path.basename(filename)}:${content.length}`];
  return entry !== undefined && entry.sha1 === sha1(content) ? entry : undefined;
}

/** The ES module a child `node` process preloads (`--import`) to use the caches. */
export function codeCachePreloadFile(): string {
  return path.join(packageRoot(), 'dist', 'process', 'code-cache-preload.js');
}

function readManifest(folder: string): CodeCacheManifest | undefined {
  try {
    const manifest = JSON.parse(
      readFileSync(path.join(folder, 'manifest.json'), 'utf8'),
    ) as CodeCacheManifest;
    return manifest.v8 === process.versions.v8 ? manifest : undefined;
  } catch {
    // Not built (a build without caches): everything compiles as usual.
    return undefined;
  }
}

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');

function compileScript(content: string, filename: string, cachedData?: Buffer): vm.Script {
  return new vm.Script(Module.wrap(content), {
    filename,
    ...(cachedData ? { cachedData } : {}),
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
}

function runScript(script: vm.Script, module: NodeJS.Module, filename: string): unknown {
  const wrapper = script.runInThisContext({ displayErrors: true }) as (
    ...args: unknown[]
  ) => unknown;
  return wrapper.call(
    module.exports,
    module.exports,
    createRequire(filename),
    module,
    filename,
    path.dirname(filename),
  );
}

/**
 * Makes this process compile the recorded files from their caches (or, with {@link RECORD_ENV}
 * set, record them). Call before the files are required; a second call does nothing.
 */
export function installCodeCache(): void {
  if (installed) return;
  installed = true;
  const recordTo = process.env[RECORD_ENV];
  const folder = path.join(packageRoot(), 'dist', 'code-cache');
  const manifest = recordTo === undefined ? readManifest(folder) : undefined;
  if (recordTo === undefined && manifest === undefined) return;
  const proto = Module.prototype as unknown as { _compile: Compile };
  const original = proto._compile;
  const recorded: Array<{ script: vm.Script; file: RecordedFile }> = [];

  proto._compile = function compileFromCache(content, filename) {
    if (content.startsWith('#!')) return original.call(this, content, filename);
    const key = `${path.basename(filename)}:${content.length}`;
    if (recordTo !== undefined) {
      if (content.length < RECORDED_MIN_LENGTH) return original.call(this, content, filename);
      const script = compileScript(content, filename);
      recorded.push({
        script,
        file: { key, sha1: sha1(content), cache: `${key.replace(':', '.')}.bin` },
      });
      return runScript(script, this, filename);
    }
    const entry = manifest && cacheEntryFor(manifest, filename, content);
    if (entry === undefined) return original.call(this, content, filename);
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(path.join(folder, entry.cache));
    } catch {
      cachedData = undefined;
    }
    const script = compileScript(content, filename, cachedData);
    used.push({
      file: filename,
      rejected: cachedData === undefined || script.cachedDataRejected === true,
    });
    return runScript(script, this, filename);
  };

  if (recordTo !== undefined) {
    process.on('exit', () => {
      for (const { script, file } of recorded) {
        writeFileSync(path.join(recordTo, file.cache), script.createCachedData());
      }
      const files = recorded.map((r) => r.file);
      writeFileSync(path.join(recordTo, `recorded-${process.pid}.json`), JSON.stringify(files));
    });
  }
}
