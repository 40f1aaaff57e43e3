import { execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDir } from '../fixtures/git/create-fixture-repo.js';
import { createExampleRepo, type ExampleRepo, runCli } from '../helpers/fixture-repo.js';

interface Received {
  method: string;
  url: string;
  authorization: string;
  body: { title: string; head: string; base: string; body: string };
}

describe('run --github', () => {
  let repo: ExampleRepo;
  let bare: string;
  let server: Server;
  let apiUrl: string;
  const received: Received[] = [];

  beforeAll(async () => {
    repo = await createExampleRepo({ example: 'users-ts' });
    bare = await createTempDir('mcpo-remote-');
    execFileSync('git', ['init', '--quiet', '--bare', bare]);
    await repo.git(['remote', 'add', 'origin', bare]);
    server = createServer((request: IncomingMessage, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      request.on('end', () => {
        received.push({
          method: request.method ?? '',
          url: request.url ?? '',
          authorization: String(request.headers.authorization ?? ''),
          body: JSON.parse(text) as Received['body'],
        });
        response.writeHead(201, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({ number: 42, html_url: 'https://github.example/acme/users/pull/42' }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await repo?.cleanup();
    execFileSync('rm', ['-rf', bare]);
  });

  it('refuses to start without GITHUB_TOKEN, naming it', async () => {
    const result = await runCli(
      [
        'run',
        'rename function getUser to fetchUser',
        '--workspace',
        repo.dir,
        '--github',
        '--github-repo',
        'acme/users',
      ],
      { env: { GITHUB_TOKEN: '' } },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('GITHUB_TOKEN is not set');
  });

  it('pushes the branch and opens the pull request', async () => {
    const result = await runCli(
      [
        'run',
        'rename function getUser to fetchUser',
        '--workspace',
        repo.dir,
        '--json',
        '--github',
        '--github-repo',
        'acme/users',
      ],
      { env: { GITHUB_TOKEN: 'test-token', GITHUB_API_URL: apiUrl } },
    );
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as {
      branch: string;
      commit: string;
      pr: { url: string; number: number };
    };
    expect(json.pr).toMatchObject({ number: 42, url: 'https://github.example/acme/users/pull/42' });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      method: 'POST',
      url: '/repos/acme/users/pulls',
      authorization: 'Bearer test-token',
      body: { head: json.branch, base: 'main' },
    });
    expect(received[0]?.body.body).toContain('rename function getUser to fetchUser');
    const pushed = execFileSync('git', ['rev-parse', `refs/heads/${json.branch}`], {
      cwd: bare,
      encoding: 'utf8',
    });
    expect(pushed.trim()).toBe(json.commit);
  }, 240_000);
});
