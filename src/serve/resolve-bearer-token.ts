import { createHash, timingSafeEqual } from 'node:crypto';
import { OrchestratorError } from '../core/errors.js';
import type { ListenAddress } from './listen-address.js';

/** Shortest bearer token accepted, in characters. */
export const MIN_TOKEN_LENGTH = 16;

/**
 * The bearer token HTTP clients must send: `--token`, else `ORCHESTRATOR_MCP_TOKEN`. Required for
 * a bind beyond loopback; optional (but enforced when given) on loopback.
 * @throws BAD_INPUT for a missing token on a non-loopback bind, or one that is too short.
 */
export function resolveBearerToken(
  address: ListenAddress,
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const token =
    flag ?? (env.ORCHESTRATOR_MCP_TOKEN === '' ? undefined : env.ORCHESTRATOR_MCP_TOKEN);
  const source = flag === undefined ? 'ORCHESTRATOR_MCP_TOKEN' : '--token';
  if (token === undefined) {
    if (address.loopback) return undefined;
    throw new OrchestratorError(
      'BAD_INPUT',
      `--http ${address.host}:${address.port} listens beyond this machine, so clients must authenticate: give a bearer token with --token or ORCHESTRATOR_MCP_TOKEN (clients send "Authorization: Bearer <token>"), or bind to 127.0.0.1.`,
      { data: { flag: '--token', host: address.host } },
    );
  }
  if (token.length < MIN_TOKEN_LENGTH) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `${source} is ${token.length} characters long; a bearer token needs at least ${MIN_TOKEN_LENGTH}. Make one with: openssl rand -hex 32`,
      { data: { flag: source, length: token.length } },
    );
  }
  return token;
}

/** True when the `Authorization` header carries `token` (compared in constant time). */
export function hasBearerToken(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (match === null) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest((match[1] ?? '').trim()), digest(token));
}
