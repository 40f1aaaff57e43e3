/**
 * The raw floor for TS/JS: the TypeScript LanguageService alone, as an editor would run it — load
 * the compiler, build the program over the tsconfig's files and every other TS/JS file of the
 * repository (the scope the orchestrator analyses), rename the symbol at a position (cold), then
 * again after one file changed (warm). Run as its own process:
 * `node typescript-rename.js <root> <file> <line> <column>`; prints one JSON line.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type TypeScript from 'typescript';

const [root = '.', file = '', line = '1', column = '1'] = process.argv.slice(2);
const started = performance.now();
const ts = createRequire(import.meta.url)('typescript') as typeof TypeScript;
const loadMs = performance.now() - started;

const configPath = path.join(root, 'tsconfig.json');
let options: TypeScript.CompilerOptions = { allowJs: true, skipLibCheck: true };
let configFiles: string[] = [];
try {
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root, undefined, configPath);
  options = { ...parsed.options, allowJs: true, noEmit: true };
  configFiles = parsed.fileNames;
} catch {
  // No tsconfig: the defaults above.
}
const tracked = execFileSync(
  'git',
  ['ls-files', '-z', '--', '*.ts', '*.tsx', '*.mts', '*.cts', '*.js', '*.mjs', '*.cjs', '*.jsx'],
  {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  },
)
  .split('\0')
  .filter((f) => f !== '' && !/(^|\/)(node_modules|dist|build|coverage)\//.test(f))
  .map((f) => path.join(root, f));
const fileNames = [...new Set([...configFiles.map((f) => path.resolve(f)), ...tracked])];
const versions = new Map<string, number>();
const host: TypeScript.LanguageServiceHost = {
  getCompilationSettings: () => options,
  getScriptFileNames: () => fileNames,
  getScriptVersion: (f) => String(versions.get(f) ?? 0),
  getScriptSnapshot: (f) => {
    try {
      return ts.ScriptSnapshot.fromString(readFileSync(f, 'utf8'));
    } catch {
      return undefined;
    }
  },
  getCurrentDirectory: () => root,
  getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
  fileExists: ts.sys.fileExists,
  readFile: ts.sys.readFile,
  readDirectory: ts.sys.readDirectory,
  directoryExists: ts.sys.directoryExists,
  getDirectories: ts.sys.getDirectories,
  realpath: ts.sys.realpath,
};
const service = ts.createLanguageService(host, ts.createDocumentRegistry());
const target = path.resolve(root, file);

function rename(): number {
  const program = service.getProgram();
  const source = program?.getSourceFile(target);
  if (source === undefined) throw new Error(`${file} is not in the program`);
  const offset = source.getPositionOfLineAndCharacter(Number(line) - 1, Number(column) - 1);
  const locations = service.findRenameLocations(target, offset, false, false, {
    providePrefixAndSuffixTextForRename: true,
  });
  return locations?.length ?? 0;
}

const locations = rename();
// performance.now() counts from the process start: Node's own start-up is included.
const coldMs = performance.now();
versions.set(target, 1);
const warmStarted = performance.now();
rename();
const warmMs = performance.now() - warmStarted;
process.stdout.write(
  `${JSON.stringify({ loadMs, coldMs, warmMs, locations, files: service.getProgram()?.getSourceFiles().length ?? 0 })}\n`,
);
