import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExampleRepo, type ExampleRepo, runCli } from '../helpers/fixture-repo.js';
import { findChromium, launchChromium } from '../helpers/headless-chromium.js';
import { REPORT_PAGE_FACTS } from '../helpers/report-page-facts.js';

describe('run "rename function getUser to fetchUser" on the users-ts example', () => {
  let repo: ExampleRepo;
  let branch: string;
  let checkoutBefore: Record<string, string>;
  let code: number | null;
  let stderr: string;

  beforeAll(async () => {
    repo = await createExampleRepo({ example: 'users-ts' });
    checkoutBefore = await repo.checkoutSnapshot();
    const result = await runCli([
      'run',
      'rename function getUser to fetchUser',
      '--workspace',
      repo.dir,
      '--json',
    ]);
    code = result.code;
    stderr = result.stderr;
    branch = (JSON.parse(result.stdout) as { branch: string }).branch;
  }, 240_000);

  afterAll(() => repo?.cleanup());

  it('commits a test-green rename and leaves the checkout as it was', async () => {
    expect(code, stderr).toBe(0);
    expect(branch).toBe('mcp-orchestrator/rename-function-getuser-to-fetchuser');
    // --json keeps stdout to the JSON; the progress still goes to stderr (--quiet silences it).
    expect(stderr).toMatch(/^\[ *[\d.]+s\] ✔ map \(/m);
    expect(await repo.checkoutSnapshot()).toEqual(checkoutBefore);
  });

  it('renames the declaration, the re-export, the aliased and namespace uses and the tests', async () => {
    const users = await repo.show(branch, 'src/users.js');
    expect(users).toContain('export function fetchUser(id) {');
    expect(users).toContain('return fetchUser(id).name;');
    expect(await repo.show(branch, 'src/index.js')).toBe(
      "export { fetchUser, getUserName } from './users.js';\nexport * as users from './users.js';\n",
    );
    const service = await repo.show(branch, 'src/service.js');
    expect(service).toContain("import { fetchUser as loadUser } from './users.js';");
    expect(service).toContain('users.fetchUser(id)');
    const test = await repo.show(branch, 'test/users.test.js');
    expect(test).toContain("import { fetchUser, users } from '../src/index.js';");
    expect(test).toContain("users.fetchUser(2).name, 'Grace'");
  });

  it('leaves the same-named method, the shadowing parameter, longer names, strings and comments alone', async () => {
    const users = await repo.show(branch, 'src/users.js');
    expect(users).toContain('(the docs call this getUser)');
    expect(users).toContain('`getUser: no user $' + '{id}`');
    expect(users).toContain('export function getUserName(id) {');
    const service = await repo.show(branch, 'src/service.js');
    expect(service).toContain('  getUser(id) {');
    expect(service).toContain('export function describe(getUser) {');
    expect(service).toContain('return typeof getUser;');
    expect(service).toContain('return `Hello, $' + '{loadUser(id).name}`;');
    const test = await repo.show(branch, 'test/users.test.js');
    expect(test).toContain("test('getUser finds a user by id'");
    expect(test).toContain('new UserCache().getUser(1)');
  });

  // One Chromium for both pages: a broken page first, to show the checks see what goes wrong.
  it('writes report.html for the run, which renders in headless Chromium with no error and no request', async () => {
    const chromium = findChromium();
    if (chromium === null)
      throw new Error(
        "No Chromium: install Debian's chromium (.ci/run does) or set CHROMIUM_PATH.",
      );
    const scratch = await mkdtemp(path.join(tmpdir(), 'report-control-'));
    // Chromium starts while the CLI writes the report; it is closed whatever fails.
    const [reported, launched] = await Promise.allSettled([
      runCli(['report', 'last', '--workspace', repo.dir, '--json']),
      launchChromium(chromium),
    ]);
    const browser = launched.status === 'fulfilled' ? launched.value : undefined;
    try {
      if (browser === undefined) throw (launched as PromiseRejectedResult).reason;
      if (reported.status === 'rejected') throw reported.reason;
      const report = reported.value;
      expect(report.code, report.stderr).toBe(0);
      const written = JSON.parse(report.stdout) as {
        reportPath: string;
        runDir: string;
        problems: string[];
      };
      expect(written.problems).toEqual([]);
      expect(path.dirname(written.reportPath)).toBe(written.runDir);
      const trace = (await readFile(path.join(written.runDir, 'trace.jsonl'), 'utf8'))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { name: string });
      const plan = JSON.parse(await readFile(path.join(written.runDir, 'plan.json'), 'utf8'));
      const broken = path.join(scratch, 'broken.html');
      await writeFile(
        broken,
        `<!doctype html><meta http-equiv="Content-Security-Policy" content="img-src 'none'"><img src="https://example.invalid/x.png"><script>console.error('said'); null.x;</script>`,
      );
      const control = await browser.visit(broken, 'document.readyState');
      expect(control.errors).toEqual([
        expect.stringContaining("Loading the image 'https://example.invalid/x.png' violates"),
        'console.error: said',
        expect.stringMatching(/^exception: TypeError: Cannot read properties of null/),
      ]);
      const page = await browser.visit(written.reportPath, REPORT_PAGE_FACTS);
      expect(page.errors).toEqual([]);
      expect(page.requests).toEqual([new URL(`file://${written.reportPath}`).href]);
      const facts = page.value as Record<string, unknown>;
      expect(facts).toMatchObject({
        ready: true,
        sections: ['timeline', 'tokens', 'blast-radius', 'memory', 'dag', 'diff'],
        phaseBars: trace.filter((line) => line.name.startsWith('phase.')).length,
        tokenRows: 8,
        dagNodes: plan.dag.nodes.length,
        diffFiles: 4,
        externalReferences: [],
        sorted: { order: 'descending' },
      });
      expect(facts.title).toContain('rename function getUser to fetchUser');
      // Every span but the run and its phases is a bar: tool calls, connects, subprocesses.
      expect(facts.callBars).toBe(
        trace.filter((line) => line.name !== 'run' && !line.name.startsWith('phase.')).length,
      );
      expect(facts.toolRows).toBeGreaterThan(3);
      expect(facts.histogramBars).toBeGreaterThan(0);
      expect(facts.memoryPoints).toBeGreaterThan(3);
      const calls = (facts.sorted as { calls: number[] }).calls;
      expect(calls).toEqual([...calls].sort((a, b) => b - a));
      for (const chart of facts.charts as Array<{ id: string; width: number; height: number }>) {
        expect(chart.width, chart.id).toBeGreaterThan(500);
        expect(chart.height, chart.id).toBeGreaterThan(40);
      }
      expect((facts.charts as unknown[]).length).toBe(5);
    } finally {
      await browser?.close();
      await rm(scratch, { recursive: true, force: true });
    }
  });
});
