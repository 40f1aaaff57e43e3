import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../src/core/errors.js';
import { createGithubPullRequest } from '../../../src/vcs/create-github-pull-request.js';
import type { PullRequest } from '../../../src/vcs/pull-request.js';

const PR: PullRequest = {
  title: 'mcp-orchestrator: rename getUser to fetchUser',
  body: '## Command\n\n`rename getUser to fetchUser`\n',
  head: 'mcp-orchestrator/rename-getuser-to-fetchuser',
  base: 'main',
  commit: 'b'.repeat(40),
  files: ['src/user.ts'],
  additions: 1,
  deletions: 1,
};

interface Received {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingMessage['headers'];
  body: unknown;
}

let server: Server | undefined;

/** A stand-in for the GitHub REST API on 127.0.0.1 that records each request. */
async function startFakeGithub(
  reply: (req: Received, res: ServerResponse) => void,
): Promise<{ apiUrl: string; received: Received[] }> {
  const received: Received[] = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const entry = {
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') as unknown,
      };
      received.push(entry);
      reply(entry, res);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { apiUrl: `http://127.0.0.1:${port}/api/v3/`, received };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

afterEach(async () => {
  if (server !== undefined) {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
    server = undefined;
  }
  delete process.env.GITHUB_API_URL;
});

describe('createGithubPullRequest', () => {
  it('POSTs title, body, head and base with the token and GitHub headers, and returns number and URL', async () => {
    const { apiUrl, received } = await startFakeGithub((_req, res) =>
      json(res, 201, {
        number: 17,
        html_url: 'https://github.example/acme/widgets/pull/17',
        id: 1,
      }),
    );
    const result = await createGithubPullRequest(PR, {
      owner: 'acme',
      repo: 'widgets',
      token: 'tok-123',
      apiUrl,
    });
    expect(result).toEqual({ number: 17, url: 'https://github.example/acme/widgets/pull/17' });
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/api/v3/repos/acme/widgets/pulls');
    expect(request?.headers.authorization).toBe('Bearer tok-123');
    expect(request?.headers.accept).toBe('application/vnd.github+json');
    expect(request?.headers['x-github-api-version']).toBe('2022-11-28');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['user-agent']).toBe('mcp-orchestrator');
    expect(request?.body).toEqual({
      title: PR.title,
      body: PR.body,
      head: PR.head,
      base: 'main',
      draft: false,
    });
  });

  it('uses GITHUB_API_URL when no apiUrl is given', async () => {
    const { apiUrl, received } = await startFakeGithub((_req, res) =>
      json(res, 201, { number: 2, html_url: 'https://x/pull/2' }),
    );
    process.env.GITHUB_API_URL = apiUrl;
    await createGithubPullRequest(PR, { owner: 'acme', repo: 'widgets', token: 't', draft: true });
    expect(received[0]?.url).toBe('/api/v3/repos/acme/widgets/pulls');
    expect(received[0]?.body).toMatchObject({ draft: true });
  });

  it("throws GIT_FAILED with GitHub's message, without the token, when GitHub refuses", async () => {
    const { apiUrl } = await startFakeGithub((_req, res) =>
      json(res, 422, {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: 'A pull request already exists for acme:x.',
          },
        ],
      }),
    );
    const error = await createGithubPullRequest(PR, {
      owner: 'acme',
      repo: 'widgets',
      token: 'secret-token',
      apiUrl,
    }).catch((e: unknown) => e);
    expect(isOrchestratorError(error, 'GIT_FAILED')).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain('(422)');
    expect(message).toContain('Validation Failed: A pull request already exists for acme:x.');
    expect(message).not.toContain('secret-token');
    expect((error as { retryable: boolean }).retryable).toBe(false);
  });

  it('marks a server error as retryable', async () => {
    const { apiUrl } = await startFakeGithub((_req, res) =>
      json(res, 502, { message: 'Bad gateway' }),
    );
    const error = await createGithubPullRequest(PR, {
      owner: 'acme',
      repo: 'widgets',
      token: 't',
      apiUrl,
    }).catch((e: unknown) => e);
    expect((error as { retryable: boolean }).retryable).toBe(true);
  });

  it('throws CANCELLED when the signal aborts while waiting for GitHub', async () => {
    const { apiUrl } = await startFakeGithub(() => {
      // Never answers.
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50).unref();
    const error = await createGithubPullRequest(PR, {
      owner: 'acme',
      repo: 'widgets',
      token: 't',
      apiUrl,
      signal: controller.signal,
    }).catch((e: unknown) => e);
    expect(isOrchestratorError(error, 'CANCELLED')).toBe(true);
  });

  it('gives up after timeoutMs with a retryable GIT_FAILED', async () => {
    const { apiUrl } = await startFakeGithub(() => {
      // Never answers.
    });
    const error = await createGithubPullRequest(PR, {
      owner: 'acme',
      repo: 'widgets',
      token: 't',
      apiUrl,
      timeoutMs: 100,
    }).catch((e: unknown) => e);
    expect(isOrchestratorError(error, 'GIT_FAILED')).toBe(true);
    expect((error as Error).message).toContain('timed out after 100 ms');
  });
});
