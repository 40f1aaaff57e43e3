import { isIP } from 'node:net';
import { OrchestratorError } from '../core/errors.js';

/** Where the Streamable HTTP server listens. */
export interface ListenAddress {
  host: string;
  port: number;
  /** 127.0.0.0/8, ::1 or localhost: reachable from this machine only. */
  loopback: boolean;
}

/**
 * Parses `--http [host:]port` (`8080`, `0.0.0.0:8080`, `[::1]:8080`, `localhost:0`); without a
 * host it binds to 127.0.0.1. Port 0 picks a free port.
 * @throws BAD_INPUT naming the flag and the value.
 */
export function parseListenAddress(value: string): ListenAddress {
  const match = /^(?:(\[[^\]]+\]|[^:]+):)?(\d{1,5})$/.exec(value.trim());
  const port = Number(match?.[2]);
  if (match === null || !(port >= 0 && port <= 65_535)) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `--http ${JSON.stringify(value)} is not [host:]port. Give e.g. --http 8080 (127.0.0.1) or --http 0.0.0.0:8080 (with --token).`,
      { data: { flag: '--http', value } },
    );
  }
  const host = (match[1] ?? '127.0.0.1').replace(/^\[(.*)\]$/, '$1');
  if (host !== 'localhost' && isIP(host) === 0) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `--http ${JSON.stringify(value)}: ${JSON.stringify(host)} is not an IP address or localhost. Give the address to bind, e.g. 127.0.0.1 or 0.0.0.0.`,
      { data: { flag: '--http', value } },
    );
  }
  return { host, port, loopback: isLoopback(host) };
}

/** True for localhost, 127.0.0.0/8 and ::1. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
