import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../src/core/errors.js';
import { writeRunReport } from '../../../src/report/write-run-report.js';
import { createFixtureRepo, type FixtureRepo } from '../../fixtures/git/create-fixture-repo.js';
import { writeFixtureRunFolder } from '../../helpers/run-folder-fixture.js';

describe('writeRunReport', () => {
  let repo: FixtureRepo;

  beforeEach(async () => {
    repo = await createFixtureRepo({ files: { 'src/a.ts': 'export const a = 1;\n' } });
  });
  afterEach(() => repo.cleanup());

  it('writes report.html into the newest run folder for "last", from a subfolder of the repo', async () => {
    await writeFixtureRunFolder(repo.dir, '20260101T110000Z-000001');
    const newest = await writeFixtureRunFolder(repo.dir, '20260101T120000Z-a1b2c3');
    const result = await writeRunReport('last', { workspace: path.join(repo.dir, 'src') });
    expect(result).toMatchObject({
      runId: '20260101T120000Z-a1b2c3',
      runDir: newest,
      reportPath: path.join(newest, 'report.html'),
      problems: [],
    });
    const html = await readFile(result.reportPath, 'utf8');
    expect(Buffer.byteLength(html)).toBe(result.bytes);
    expect(html).toContain('<section id="timeline">');
    expect(html).toContain('rename function getUser to fetchUser');
  });

  it('writes the report of the run named by its id', async () => {
    const older = await writeFixtureRunFolder(repo.dir, '20260101T110000Z-000001');
    await writeFixtureRunFolder(repo.dir, '20260101T120000Z-a1b2c3');
    const result = await writeRunReport('20260101T110000Z-000001', { workspace: repo.dir });
    expect(result.reportPath).toBe(path.join(older, 'report.html'));
  });

  it('reports on a run that crashed: damaged and missing files are named, the page still written', async () => {
    const runDir = await writeFixtureRunFolder(repo.dir, '20260101T120000Z-a1b2c3');
    await writeFile(path.join(runDir, 'result.json'), '{"success": tru');
    await writeFile(path.join(runDir, 'plan.json'), '{"command": 3}');
    await writeFile(path.join(runDir, 'memory.jsonl'), '{"timestamp": 1}\nnot json\n');
    await rm(path.join(runDir, 'diff.patch'));
    const result = await writeRunReport('last', { workspace: repo.dir });
    expect(result.problems).toEqual([
      'diff.patch: not in the run folder.',
      expect.stringMatching(/^result\.json: not JSON/),
      'plan.json: command: Invalid input: expected string, received number.',
      'memory.jsonl: 2 line(s) could not be read and are left out.',
    ]);
    const html = await readFile(result.reportPath, 'utf8');
    expect(html).toContain('<span class="badge failed">no result</span>');
    expect(html).toContain('<section id="timeline">');
    expect(html).toContain('class="phase-bar"');
  });

  it('refuses what is not a run id, naming it, before looking at the disk', async () => {
    const error = await writeRunReport('../../etc', { workspace: repo.dir }).catch((e) => e);
    expect(isOrchestratorError(error) && error.code).toBe('BAD_INPUT');
    expect(error.message).toContain('"../../etc" is not a run id');
  });

  it('names the newest runs when the id is unknown, and says how to make one when there is none', async () => {
    const none = await writeRunReport('last', { workspace: repo.dir }).catch((e) => e);
    expect(none.code).toBe('BAD_INPUT');
    expect(none.message).toMatch(
      /^No runs in .*\.mcp-orchestrator\/runs\. Run "mcp-orchestrator run/,
    );
    await writeFixtureRunFolder(repo.dir, '20260101T120000Z-a1b2c3');
    await mkdir(path.join(repo.dir, '.mcp-orchestrator', 'runs', 'not a run'));
    const unknown = await writeRunReport('20990101T000000Z-ffffff', { workspace: repo.dir }).catch(
      (e) => e,
    );
    expect(unknown.code).toBe('BAD_INPUT');
    expect(unknown.message).toContain('The newest: 20260101T120000Z-a1b2c3; or pass "last".');
  });

  it('says NOT_A_GIT_REPO outside a repository', async () => {
    const outside = path.dirname(repo.dir);
    const error = await writeRunReport('last', { workspace: outside }).catch((e) => e);
    expect(error.code).toBe('NOT_A_GIT_REPO');
  });
});
