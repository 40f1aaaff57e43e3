import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the stand-in received. */
export interface ReceivedRequest {
  method: string;
  url: string;
  authorization: string;
  body: Record<string, unknown>;
}

/** A stand-in for the GitHub REST API on 127.0.0.1 (tests never reach the network). */
export interface FakeGithubApi {
  apiUrl: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * Answers `POST /repos/{o}/{r}/pulls` with pull request 42 and
 * `POST /repos/{o}/{r}/issues/{n}/comments` with a comment, as GitHub does (201); anything else
 * 404. Records every request.
 */
export async function startFakeGithubApi(): Promise<FakeGithubApi> {
  const received: ReceivedRequest[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = request.url ?? '';
      received.push({
        method: request.method ?? '',
        url,
        authorization: String(request.headers.authorization ?? ''),
        body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>,
      });
      const pulls = /^\/repos\/([^/]+)\/([^/]+)\/pulls$/.exec(url);
      const comments = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(url);
      const reply = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (request.method === 'POST' && pulls)
        reply(201, {
          number: 42,
          html_url: `https://github.example/${pulls[1]}/${pulls[2]}/pull/42`,
        });
      else if (request.method === 'POST' && comments)
        reply(201, {
          id: 9000 + received.length,
          html_url: `https://github.example/${comments[1]}/${comments[2]}/issues/${comments[3]}#issuecomment-${9000 + received.length}`,
        });
      else reply(404, { message: 'Not Found' });
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}`,
    received,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
