import { execFile, execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRefactorAction } from '../../src/action/run-refactor-action.js';
import { createTempDir } from '../fixtures/git/create-fixture-repo.js';
import { type FakeGithubApi, startFakeGithubApi } from '../helpers/fake-github-api.js';
import { createExampleRepo, type ExampleRepo, REPO_ROOT } from '../helpers/fixture-repo.js';

/** Runs the built entry script as the runner would, with `env` added to this process's. */
function runAction(
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [ACTION],
      { env: { ...process.env, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
const ACTION = path.join(REPO_ROOT, 'dist', 'action', 'main.js');
/** The fields of the recorded event the tests edit. */
interface RecordedEvent {
  comment: { body: string; author_association: string; user: { login: string } };
}

const RECORDED = path.join(REPO_ROOT, 'test', 'fixtures', 'github', 'issue-comment-refactor.json');

describe('the /refactor action on a recorded issue_comment event', () => {
  let repo: ExampleRepo;
  let bare: string;
  let temp: string;
  let github: FakeGithubApi;

  /** The recorded event, with `edit` applied, written where GITHUB_EVENT_PATH points. */
  const eventFile = async (name: string, edit: (event: RecordedEvent) => void) => {
    const event = JSON.parse(await readFile(RECORDED, 'utf8')) as RecordedEvent;
    edit(event);
    const file = path.join(temp, name);
    await writeFile(file, JSON.stringify(event));
    return file;
  };

  const runnerEnv = (eventPath: string): Record<string, string> => ({
    GITHUB_EVENT_NAME: 'issue_comment',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: repo.dir,
    GITHUB_TOKEN: 'test-token',
    GITHUB_API_URL: github.apiUrl,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_REPOSITORY: 'acme/users',
    GITHUB_RUN_ID: '1234',
    GITHUB_OUTPUT: path.join(temp, 'output.txt'),
    RUNNER_TEMP: temp,
  });

  beforeAll(async () => {
    repo = await createExampleRepo({ example: 'users-ts' });
    temp = await createTempDir('mcpo-action-');
    bare = path.join(temp, 'remote.git');
    execFileSync('git', ['init', '--quiet', '--bare', bare]);
    await repo.git(['remote', 'add', 'origin', bare]);
    github = await startFakeGithubApi();
  });

  afterAll(async () => {
    await github?.close();
    await repo?.cleanup();
    if (temp) execFileSync('rm', ['-rf', temp]);
  });

  it('refuses a comment from an outsider: answers why, runs nothing, opens nothing', async () => {
    const eventPath = await eventFile('outsider.json', (event) => {
      event.comment.author_association = 'CONTRIBUTOR';
      event.comment.user.login = 'drive-by';
    });
    const before = github.received.length;
    const lines: string[] = [];
    const code = await runRefactorAction(runnerEnv(eventPath), (line) => lines.push(line));
    expect(code).toBe(2);
    const sent = github.received.slice(before);
    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /repos/acme/users/issues/7/comments',
    ]);
    expect(String(sent[0]?.body.body)).toContain(
      '@drive-by: /refactor may be run only by OWNER, MEMBER, COLLABORATOR; your association with acme/users is CONTRIBUTOR. Nothing was run.',
    );
    expect(await repo.git(['branch', '--list', 'mcp-orchestrator/*'])).toBe('');
    expect(lines.join('\n')).toContain('Refused');
  });

  it('does nothing for a comment without a /refactor line', async () => {
    const eventPath = await eventFile('chatter.json', (event) => {
      event.comment.body = 'Why not /refactors later?';
    });
    const before = github.received.length;
    expect(await runRefactorAction(runnerEnv(eventPath), () => {})).toBe(0);
    expect(github.received.length).toBe(before);
  });

  it('carries out an OWNER comment: pushes the branch, opens the pull request, writes pr.json and answers with the phase table', async () => {
    const before = github.received.length;
    const { code, stdout, stderr } = await runAction(runnerEnv(RECORDED));
    expect(code, stdout + stderr).toBe(0);
    expect(stdout).toContain(
      '/refactor rename function getUser to fetchUser (from @octo-dev, OWNER)',
    );
    const sent = github.received.slice(before);
    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /repos/acme/users/pulls',
      'POST /repos/acme/users/issues/7/comments',
    ]);
    const pull = sent[0]?.body as { head: string; base: string };
    const pushed = execFileSync('git', ['rev-parse', `refs/heads/${pull.head}`], {
      cwd: bare,
      encoding: 'utf8',
    });
    expect(pushed.trim()).toMatch(/^[0-9a-f]{40}$/);
    expect(pull.base).toBe('main');
    const answer = String(sent[1]?.body.body);
    expect(answer).toContain('✅ Done in');
    expect(answer).toContain('opened https://github.example/acme/users/pull/42');
    expect(answer).toMatch(/\| execute \| ok \| [\d.]+ s \|/);
    expect(answer).toContain('Risk: P(break)');
    expect(answer).toContain('[Workflow run](https://github.example/acme/users/actions/runs/1234)');
    const prJson = JSON.parse(
      await readFile(path.join(temp, 'mcp-orchestrator', 'pr.json'), 'utf8'),
    ) as { head: string };
    expect(prJson.head).toBe(pull.head);
    const outputs = await readFile(path.join(temp, 'output.txt'), 'utf8');
    expect(outputs).toContain('success=true\n');
    expect(outputs).toContain('pr-url=https://github.example/acme/users/pull/42\n');
  }, 120_000);
});
