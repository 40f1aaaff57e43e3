/**
 * Where a server is in its life: `idle` (configured, not yet connected), `starting`
 * (connecting or reconnecting), `ready`, `failed` (see `error`), `closed` (the pool closed).
 */
export type ServerState = 'idle' | 'starting' | 'ready' | 'failed' | 'closed';

/** A snapshot of one configured server. */
export interface ServerStatus {
  name: string;
  transport: 'stdio' | 'http';
  state: ServerState;
  /** Tools the server listed at its last successful connect. */
  toolCount: number;
  tools: string[];
  /** Duration of the last connect (spawn, initialize, list tools), in ms; 0 before any. */
  connectMs: number;
  /** How long before the last connect its process was spawned early, in ms (see `prestarted-servers.ts`). */
  prestartedMs?: number;
  /** Round trip of the last successful ping, in ms. */
  pingMs?: number;
  /** Why the server failed (with the last lines of its stderr), when `state` is `failed`. */
  error?: string;
  /** Times the server was restarted after its process died or its connection closed. */
  reconnects: number;
  /** Process id of a running stdio server. */
  pid?: number;
}
