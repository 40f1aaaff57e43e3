/**
 * npm run bench:catalogue: each transform of the catalogue (replace_calls, add_parameter,
 * remove_parameter, move, remove_unused_imports; convert_promises in TypeScript) on a fresh
 * generated repo of ~1,000 files per language, run through the library to a committed branch,
 * with the dependency_graph server's own queries for it (the raw floor) measured in the same
 * run. `node dist-bench/bench/catalogue.js [<transform>] [python|typescript]` runs part of it;
 * `BENCH_CPU_PROF=<dir>` writes a CPU profile of the raw server there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { MCPOrchestrator } from 'mcp-orchestrator';
import { CATALOGUE, type CatalogueCase, type Language } from './catalogue/cases.js';
import { timeRawQueries } from './catalogue/raw-queries.js';
import { writeCataloguePythonRepo } from './generate/catalogue-python-repo.js';
import { writeCatalogueTypeScriptRepo } from './generate/catalogue-typescript-repo.js';
import { commitAll, filesChangedOnBranch, trackedFiles } from './shared/git.js';
import { printPhases, row } from './shared/report.js';

const FILES = 1_000;
const USERS = 200;
const UNUSED_IMPORTS = 100;
const PROMISE_CHAINS = 50;
const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** One line of the closing table. */
interface Figures {
  name: string;
  files: number;
  totalMs: number;
  testMs: number;
  compileMs: number;
  outsideMs: number;
  floorMs: number;
  diagnosticsMs: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Runs one transform in one language; returns its figures, or throws when it did not do its job. */
async function benchCase(testCase: CatalogueCase, language: Language): Promise<Figures> {
  const name = `${testCase.transform} ${language}`;
  const dir = mkdtempSync(path.join(tmpdir(), `mcpo-bench-${testCase.transform}-${language}-`));
  try {
    const summary =
      language === 'python'
        ? writeCataloguePythonRepo(dir, FILES, USERS, UNUSED_IMPORTS)
        : writeCatalogueTypeScriptRepo(
            dir,
            FILES,
            USERS,
            UNUSED_IMPORTS,
            PROMISE_CHAINS,
            path.join(ROOT, 'node_modules'),
          );
    commitAll(dir);
    const tracked = trackedFiles(dir);
    const raw = await timeRawQueries(dir, language, testCase, tracked);
    const command = testCase.command(language);
    const result = await new MCPOrchestrator().run(command, { workspace: dir });
    if (!result.success || result.branch === null || result.commit === null)
      throw new Error(
        `${name}: "${command}" failed: ${result.error?.code} ${result.error?.message}`,
      );
    const changed = filesChangedOnBranch(dir, result.branch, result.commit);
    const minFiles = testCase.minFiles(summary);
    if (changed.length < minFiles)
      throw new Error(
        `${name}: the branch changes ${changed.length} files; at least ${minFiles} should change.`,
      );
    if (raw.files.length !== changed.length)
      throw new Error(
        `${name}: the raw compute_edits changes ${raw.files.length} files, the run ${changed.length}.`,
      );
    if (raw.newErrors > 0)
      throw new Error(`${name}: the raw changed tree has ${raw.newErrors} new type errors.`);

    process.stdout.write(
      `\n## ${name}: ${tracked.length} files, "${command}" → ${result.branch}, ${changed.length} files changed (load average ${loadavg()[0]?.toFixed(1)})\n`,
    );
    const times = printPhases(result);
    row('raw: server start (spawn + handshake)', raw.connectMs);
    for (const d of raw.definitions) row(`raw: find_definitions ${d.name}`, d.ms);
    row(`raw: compute_edits ${testCase.transform}`, raw.computeMs, `  (${raw.files.length} files)`);
    row(
      `raw: floor (start${raw.definitions.length > 0 ? ' + definitions' : ''} + edits)`,
      raw.floorMs,
    );
    row('raw: diagnostics base + changed', raw.diagnosticsMs, '  (the compile check’s queries)');
    process.stdout.write(
      `  total / floor = ${(result.durationMs / raw.floorMs).toFixed(2)}×; outside the tests / floor = ${(times.outsideTestsMs / raw.floorMs).toFixed(2)}×; peak RSS ${result.memoryPeakMb} MB\n`,
    );
    return {
      name,
      files: changed.length,
      totalMs: result.durationMs,
      testMs: times.testMs,
      compileMs: times.compileMs,
      outsideMs: times.outsideTestsMs,
      floorMs: raw.floorMs,
      diagnosticsMs: raw.diagnosticsMs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const LANGUAGES: readonly string[] = ['python', 'typescript'];
const args = process.argv.slice(2);
const onlyLanguage = args.find((arg) => LANGUAGES.includes(arg));
const onlyTransform = args.find((arg) => arg !== onlyLanguage);
const runs = CATALOGUE.filter((c) => onlyTransform === undefined || c.transform === onlyTransform)
  .flatMap((c) => c.languages.map((language) => ({ testCase: c, language })))
  .filter((run) => onlyLanguage === undefined || run.language === onlyLanguage);
const understood = (onlyTransform === undefined ? 0 : 1) + (onlyLanguage === undefined ? 0 : 1);
if (runs.length === 0 || args.length > understood) {
  process.stderr.write(
    `Nothing to run for "${args.join(' ')}". Usage: node dist-bench/bench/catalogue.js [<transform>] [python|typescript]; transforms: ${CATALOGUE.map((c) => `${c.transform} (${c.languages.join(', ')})`).join(', ')}.\n`,
  );
  process.exit(2);
}
const figures: Figures[] = [];
const failures: string[] = [];
for (const { testCase, language } of runs) {
  try {
    figures.push(await benchCase(testCase, language));
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error));
    process.stdout.write(`\n## ${testCase.transform} ${language}: FAILED\n  ${failures.at(-1)}\n`);
  }
}
process.stdout.write(
  '\n| transform | files changed | total | tests | compile check | outside the tests | raw floor | outside / floor | raw diagnostics |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n',
);
for (const f of figures)
  process.stdout.write(
    `| ${f.name} | ${f.files} | ${seconds(f.totalMs)} | ${seconds(f.testMs)} | ${seconds(f.compileMs)} | ${seconds(f.outsideMs)} | ${seconds(f.floorMs)} | ${(f.outsideMs / f.floorMs).toFixed(2)}× | ${seconds(f.diagnosticsMs)} |\n`,
  );
process.stdout.write(
  `load average ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}\n`,
);
if (failures.length > 0) throw new Error(`catalogue bench failed:\n  ${failures.join('\n  ')}`);
