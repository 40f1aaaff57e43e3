import { existsSync } from 'node:fs';
import {
  MEMORY_SERVER,
  type MemoryEntity,
  type MemoryGraph,
  type MemoryRelation,
  memoryGraphSchema,
} from '../contracts/memory-graph.js';
import { OrchestratorError } from '../core/errors.js';
import type { ChangeMemoryReader, RememberedRun, ToolCaller } from '../core/services.js';
import { runGitRaw } from '../vcs/run-git.js';

/** A run to record, with a rename's old and new name when it was one. */
export interface RunToRemember extends RememberedRun {
  renamed?: { from: string; to: string };
}

/** The runs the memory server knows, read and written through its tools. */
export interface ChangeMemory extends ChangeMemoryReader {
  /** Records a run that committed a change: entities for it and what it touched, and relations. */
  record(run: RunToRemember, options?: { signal?: AbortSignal }): Promise<void>;
  /** The recorded runs (that changed `symbol`, when given), oldest first. */
  runs(options?: { symbol?: string; signal?: AbortSignal }): Promise<RememberedRun[]>;
}

const RUN = 'run:';
const SYMBOL = 'symbol:';
const FILE = 'file:';
const OBSERVED = ['command', 'kind', 'at', 'branch', 'commit', 'base'] as const;

/**
 * The change memory of repository `root` over the pool's `memory` server; undefined when no
 * server of that name is configured. When `memoryFile` (the server's `MEMORY_FILE_PATH`) does
 * not exist yet, nothing was recorded: reads answer empty without starting the server.
 */
export function createChangeMemory(
  tools: ToolCaller,
  options: { root: string; memoryFile?: string | undefined },
): ChangeMemory | undefined {
  if (!tools.serverNames().includes(MEMORY_SERVER)) return undefined;
  const nothingRecorded = () => options.memoryFile !== undefined && !existsSync(options.memoryFile);
  const call = async (tool: string, args: Record<string, unknown>, signal?: AbortSignal) =>
    tools.callTool(MEMORY_SERVER, tool, args, signal ? { signal } : {});
  const readGraph = async (tool: string, args: Record<string, unknown>, signal?: AbortSignal) => {
    const parsed = memoryGraphSchema.safeParse(await call(tool, args, signal));
    if (!parsed.success) {
      throw new OrchestratorError(
        'MCP_TOOL_FAILED',
        `The memory server's ${tool} answered outside its schema: ${parsed.error.issues[0]?.message ?? 'invalid'}.`,
        { data: { server: MEMORY_SERVER, tool } },
      );
    }
    return parsed.data;
  };

  const memory: ChangeMemory = {
    async record(run, recordOptions = {}) {
      const { entities, relations } = toGraph(run);
      await call('create_entities', { entities }, recordOptions.signal);
      await call('create_relations', { relations }, recordOptions.signal);
    },
    async runs(readOptions = {}) {
      if (nothingRecorded()) return [];
      const { signal, symbol } = readOptions;
      if (symbol === undefined) return toRuns(await readGraph('read_graph', {}, signal));
      const around = await readGraph('open_nodes', { names: [`${SYMBOL}${symbol}`] }, signal);
      const runNames = unique(
        around.relations
          .filter((r) => r.relationType === 'changed' && r.to === `${SYMBOL}${symbol}`)
          .map((r) => r.from),
      );
      if (runNames.length === 0) return [];
      return toRuns(await readGraph('open_nodes', { names: runNames }, signal));
    },
    async unmergedChanges(symbols, base, readOptions = {}) {
      if (nothingRecorded()) return [];
      const found = new Map<string, RememberedRun>();
      for (const symbol of unique(symbols)) {
        for (const run of await memory.runs({ symbol, ...readOptions })) found.set(run.runId, run);
      }
      const unmerged: RememberedRun[] = [];
      for (const run of found.values()) {
        if (await isUnmerged(options.root, run.commit, base, readOptions.signal))
          unmerged.push(run);
      }
      return unmerged.sort((a, b) => a.at.localeCompare(b.at));
    },
  };
  return memory;
}

/** True when `commit` exists and is not in `base`'s history (`git merge-base --is-ancestor` exits 1). */
async function isUnmerged(
  root: string,
  commit: string,
  base: string,
  signal?: AbortSignal,
): Promise<boolean> {
  if (!/^[0-9a-f]{7,64}$/.test(commit)) return false;
  const output = await runGitRaw(['merge-base', '--is-ancestor', commit, base], {
    cwd: root,
    ...(signal ? { signal } : {}),
  });
  return output.exitCode === 1;
}

function toGraph(run: RunToRemember): { entities: MemoryEntity[]; relations: MemoryRelation[] } {
  const runName = `${RUN}${run.runId}`;
  const entities: MemoryEntity[] = [
    {
      name: runName,
      entityType: 'run',
      observations: OBSERVED.map((key) => `${key}: ${run[key]}`),
    },
    { name: `commit:${run.commit}`, entityType: 'commit', observations: [`run: ${run.runId}`] },
    { name: `branch:${run.branch}`, entityType: 'branch', observations: [`base: ${run.base}`] },
    ...run.symbols.map((s) => ({ name: `${SYMBOL}${s}`, entityType: 'symbol', observations: [] })),
    ...run.files.map((f) => ({ name: `${FILE}${f}`, entityType: 'file', observations: [] })),
  ];
  const relations: MemoryRelation[] = [
    { from: runName, to: `commit:${run.commit}`, relationType: 'committed' },
    { from: runName, to: `branch:${run.branch}`, relationType: 'on_branch' },
    ...run.symbols.map((s) => ({ from: runName, to: `${SYMBOL}${s}`, relationType: 'changed' })),
    ...run.files.map((f) => ({ from: runName, to: `${FILE}${f}`, relationType: 'edited' })),
    ...(run.renamed
      ? [
          {
            from: `${SYMBOL}${run.renamed.from}`,
            to: `${SYMBOL}${run.renamed.to}`,
            relationType: 'renamed_to',
          },
        ]
      : []),
  ];
  return { entities, relations };
}

function toRuns(graph: MemoryGraph): RememberedRun[] {
  const runs = graph.entities
    .filter((e) => e.entityType === 'run' && e.name.startsWith(RUN))
    .map((entity): RememberedRun => {
      const observed = new Map(
        entity.observations.map((o) => {
          const at = o.indexOf(': ');
          return [o.slice(0, at), o.slice(at + 2)] as const;
        }),
      );
      const targets = (prefix: string, type: string) =>
        graph.relations
          .filter((r) => r.from === entity.name && r.relationType === type)
          .map((r) => r.to.slice(prefix.length));
      return {
        runId: entity.name.slice(RUN.length),
        command: observed.get('command') ?? '',
        kind: observed.get('kind') ?? '',
        at: observed.get('at') ?? '',
        branch: observed.get('branch') ?? '',
        commit: observed.get('commit') ?? '',
        base: observed.get('base') ?? '',
        symbols: targets(SYMBOL, 'changed'),
        files: targets(FILE, 'edited'),
      };
    });
  return runs.sort((a, b) => a.at.localeCompare(b.at));
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
