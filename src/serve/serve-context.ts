import path from 'node:path';
import type { MCPOrchestrator } from '../orchestrator.js';

/** What every tool and resource of the orchestrator's MCP server shares. */
export interface ServeContext {
  /** One orchestrator for every client: it keeps each repository's services warm. */
  orchestrator: MCPOrchestrator;
  /** Where a call that names no workspace runs; relative workspaces are resolved against it. */
  defaultWorkspace: string;
  /** Repository roots this server ran something in: their runs are listed as resources. */
  roots: Set<string>;
  /** Aborts when the server shuts down: every run under way rolls back. */
  shutdown: AbortSignal;
}

/** The signal a run of one tool call takes: the call's own (the client cancelled) or shutdown. */
export function toRunSignal(context: ServeContext, callSignal: AbortSignal): AbortSignal {
  return AbortSignal.any([callSignal, context.shutdown]);
}

/** The folder a call names (or the default), absolute. */
export function resolveWorkspace(context: ServeContext, workspace: string | undefined): string {
  return path.resolve(context.defaultWorkspace, workspace ?? '.');
}

/** The repository root of a run folder (`<root>/.mcp-orchestrator/runs/<runId>`). */
export function toRootOfRun(runDir: string): string {
  return path.resolve(runDir, '..', '..', '..');
}

/** The resource URI of one file of a run. */
export function toRunFileUri(runId: string, file: string): string {
  return `mcp-orchestrator://runs/${runId}/${file}`;
}
