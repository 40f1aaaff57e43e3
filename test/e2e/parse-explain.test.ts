import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExampleRepo, type ExampleRepo, REPO_ROOT, runCli } from '../helpers/fixture-repo.js';

const NOTE = 'post_entry: the function at ledger/core.py:15; method Ledger.post_entry left alone';

describe('parse needs no workspace', () => {
  let elsewhere: string;
  beforeAll(() => {
    elsewhere = mkdtempSync(path.join(tmpdir(), 'mcpo-parse-'));
  });
  afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

  it('prints {"intent": …} with --json and exits 0, outside any git repository', async () => {
    const result = await runCli(
      ['parse', 'please rename the class Invoice => BillingInvoice', '--json'],
      { cwd: elsewhere },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      intent: { kind: 'rename', from: 'Invoice', to: 'BillingInvoice', symbolKind: 'class' },
    });
  });

  it('prints the intent as a table and what it reads as, for any kind', async () => {
    const result = await runCli(['parse', 'use asyncio.sleep instead of time.sleep']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('kind       replace_calls');
    expect(result.stdout).toContain('from       time.sleep');
    expect(result.stdout).toContain('reads as   replace calls to time.sleep with asyncio.sleep');
  });

  it('exits 2 on a refused command, with {"error": {code, message}} on stdout', async () => {
    const result = await runCli(['parse', 'rename a to b; rm -rf ~', '--json']);
    expect(result.code).toBe(2);
    const { error } = JSON.parse(result.stdout) as { error: { code: string; message: string } };
    expect(error.code).toBe('INTENT_UNRECOGNISED');
    expect(error.message).toContain('holds shell syntax ("; rm -rf ~")');
    expect(error.message).toContain('rename <old> to <new>');
  });

  it('has --version, and --help shows the command forms first', async () => {
    const version = await runCli(['--version']);
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(version.stdout.trim()).toBe(pkg.version);
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout.startsWith('Commands (plain words')).toBe(true);
    expect(help.stdout.indexOf('rename <old> to <new>')).toBeLessThan(
      help.stdout.indexOf('Usage:'),
    );
    expect(help.stdout).toContain('explain');
    expect(help.stdout).toContain('parse');
  });
});

describe('explain and the module-level rule on the ledger-py example', () => {
  let repo: ExampleRepo;
  beforeAll(async () => {
    repo = await createExampleRepo({ example: 'ledger-py' });
  });
  afterAll(() => repo?.cleanup());

  it('explains "rename post_entry to record_entry": the function, the note, the edits, what stays, the risk', async () => {
    const branchesBefore = await repo.git(['branch', '--list']);
    const checkoutBefore = await repo.checkoutSnapshot();
    const result = await runCli([
      'explain',
      'rename post_entry to record_entry',
      '--workspace',
      repo.dir,
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const explained = JSON.parse(result.stdout);
    expect(explained.intent).toEqual({ kind: 'rename', from: 'post_entry', to: 'record_entry' });
    expect(explained.phases.map((p: { phase: string }) => p.phase)).toEqual([
      'map',
      'logic',
      'monte_carlo',
    ]);
    const e = explained.explanation;
    expect(e.symbols).toEqual([
      { kind: 'function', name: 'post_entry', file: 'ledger/core.py', line: 15, column: 5 },
    ]);
    expect(e.choices).toEqual([NOTE]);
    expect(explained.warnings).toContain(NOTE);
    expect(e.changes.map((c: { file: string }) => c.file)).toEqual([
      'ledger/__init__.py',
      'ledger/core.py',
      'ledger/reports.py',
      'tests/test_ledger.py',
    ]);
    expect(e.editCount).toBe(8);
    expect(e.leftAlone).toContainEqual(
      expect.objectContaining({ file: 'ledger/core.py', line: 10, reason: 'other-symbol' }),
    );
    expect(e.risk.pBreak).toBeGreaterThanOrEqual(0);
    // Nothing planned, nothing changed: no plan file, no branch, the checkout as it was.
    expect(existsSync(path.join(explained.runDir, 'plan.json'))).toBe(false);
    expect(await repo.git(['branch', '--list'])).toBe(branchesBefore);
    expect(await repo.checkoutSnapshot()).toEqual(checkoutBefore);
  }, 120_000);

  it('says it in words too', async () => {
    const result = await runCli([
      'explain',
      '--command',
      'rename post_entry to record_entry',
      '--workspace',
      repo.dir,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('symbol     function post_entry at ledger/core.py:15:5');
    expect(result.stdout).toContain(`chosen     ${NOTE}`);
    expect(result.stdout).toContain('changes    8 edit(s) in 4 file(s)');
  }, 120_000);

  it('records the choice in the plan of a dry run, as analysis.details.symbolChoices', async () => {
    const result = await runCli([
      'run',
      'rename post_entry to record_entry',
      '--dry-run',
      '--json',
      '--workspace',
      repo.dir,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const run = JSON.parse(result.stdout);
    expect(run.warnings).toContain(NOTE);
    const plan = JSON.parse(readFileSync(run.plan, 'utf8'));
    expect(plan.analysis.details).toEqual({ symbolChoices: [NOTE] });
    expect(plan.analysis.targets).toEqual([
      expect.objectContaining({ file: 'ledger/core.py', line: 15, kind: 'function' }),
    ]);
  }, 120_000);

  it('runs an --intent, naming the field of a bad one', async () => {
    const bad = await runCli([
      'run',
      '--intent',
      '{"kind":"rename","from":"post_entry"}',
      '--workspace',
      repo.dir,
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--intent is not valid:\n  to: ');
    const planned = await runCli([
      'plan',
      '--intent',
      '{"kind":"rename","to":"record_entry","from":"post_entry","symbolKind":"function"}',
      '--workspace',
      repo.dir,
      '--out',
      path.join(repo.dir, '..', `${path.basename(repo.dir)}-plan.json`),
      '--json',
    ]);
    expect(planned.code, planned.stderr).toBe(0);
    const plan = JSON.parse(readFileSync(JSON.parse(planned.stdout).plan, 'utf8'));
    expect(plan.command).toBe('rename function post_entry to record_entry');
    expect(plan.analysis.details).toEqual({});
  }, 120_000);
});

describe('run "rename post_entry to record_entry" (given with --command) on the ledger-py example', () => {
  let repo: ExampleRepo;
  beforeAll(async () => {
    repo = await createExampleRepo({ example: 'ledger-py' });
  });
  afterAll(() => repo?.cleanup());

  it('renames the module-level function, leaves the method alone, and commits', async () => {
    const result = await runCli([
      'run',
      '--command',
      'rename post_entry to record_entry',
      '--workspace',
      repo.dir,
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const run = JSON.parse(result.stdout);
    expect(run.success).toBe(true);
    expect(run.warnings).toContain(NOTE);
    const core = await repo.show(run.branch, 'ledger/core.py');
    expect(core).toContain('def record_entry(ledger, debit, credit, amount):');
    expect(core).toContain('    def post_entry(self, account, amount):');
    expect(core).toContain('ledger.post_entry(debit, -amount)');
  }, 240_000);
});
