import type { FileChange } from '../core/change/change-types.js';
import type { CodeGraph, ToolCaller } from '../core/services.js';
import { callContract } from './call-contract.js';
import {
  classifyPositionsContract,
  computeEditsContract,
  diagnosticsContract,
  findCallersContract,
  findDefinitionsContract,
  findReferencesContract,
  importGraphContract,
} from './dependency-graph.js';

/** Deadline of one analysis call: a cold language server on a large repository is slow. */
export const ANALYSIS_TIMEOUT_MS = 180_000;

/** A {@link CodeGraph} over the dependency_graph server, every reply checked. */
export function createCodeGraph(tools: ToolCaller, server = 'dependency_graph'): CodeGraph {
  const call = <C extends Parameters<typeof callContract>[1]>(
    contract: C,
    args: Parameters<typeof callContract<C>>[2],
    signal: AbortSignal | undefined,
    timeoutMs = ANALYSIS_TIMEOUT_MS,
  ) =>
    callContract(tools, { ...contract, server }, args, {
      timeoutMs,
      ...(signal ? { signal } : {}),
    });
  const position = (at: { file: string; line: number; column: number }) => ({
    file: at.file,
    line: at.line,
    column: at.column,
  });
  return {
    async definitions(name, options = {}) {
      const args = { name, ...(options.language ? { language: options.language } : {}) };
      const reply = await call(findDefinitionsContract, args, options.signal);
      if (reply.skipped !== undefined && reply.skipped.length > 0)
        options.onSkipped?.(reply.skipped);
      return reply.definitions;
    },
    async references(at, options = {}) {
      return (await call(findReferencesContract, position(at), options.signal)).references;
    },
    async callers(at, options = {}) {
      return (await call(findCallersContract, position(at), options.signal)).callers;
    },
    async importGraph(options = {}) {
      const args = options.language ? { language: options.language } : {};
      return (await call(importGraphContract, args, options.signal)).edges;
    },
    async classify(positions, options = {}) {
      if (positions.length === 0) return [];
      const args = { positions: positions.map(position) };
      return (await call(classifyPositionsContract, args, options.signal)).positions;
    },
    async computeEdits(transform, at, args, options = {}) {
      const reply = await call(
        computeEditsContract,
        {
          transform,
          file: at.file,
          ...(at.line === undefined ? {} : { line: at.line }),
          ...(at.column === undefined ? {} : { column: at.column }),
          args,
          ...(options.overlay ? { overlay: [...options.overlay] } : {}),
        },
        options.signal,
      );
      return { changes: reply.changes as FileChange[], facts: reply.facts };
    },
    async diagnostics(request, options = {}) {
      return call(
        diagnosticsContract,
        {
          files: [...request.files],
          ...(request.importers ? { importers: true } : {}),
          ...(request.overlay ? { overlay: [...request.overlay] } : {}),
        },
        options.signal,
        options.timeoutMs,
      );
    },
  };
}
