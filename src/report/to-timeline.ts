import { ATTR } from '../core/span-attributes.js';
import type { TraceLine } from '../telemetry/trace-file.js';

/** A span placed on the run's time axis. */
export interface TimelineSpan {
  spanId: string;
  name: string;
  /** Start, in ms after the run started. */
  startMs: number;
  durationMs: number;
  failed: boolean;
  /** What the bar is: an MCP call (`mcp`), a subprocess, a model call, or anything else. */
  kind: 'mcp' | 'process' | 'llm' | 'other';
  /** The MCP server, the process label or the model: what colours the bar. */
  group: string;
  attributes: Record<string, unknown>;
  statusMessage?: string;
}

/** One phase attempt and the spans inside it. */
export interface TimelinePhase extends TimelineSpan {
  phase: string;
  attempt: number;
  children: TimelineSpan[];
}

/** The run's spans on one time axis. */
export interface Timeline {
  /** Epoch ms of the run's start (its root span, else its earliest span). */
  startEpochMs: number;
  totalMs: number;
  phases: TimelinePhase[];
  /** Spans under no phase (server start-up, shutdown). */
  outside: TimelineSpan[];
  /** The root span's attributes (empty when the run died before writing it). */
  run: Record<string, unknown>;
  /** False when the root span is missing: the run did not end normally. */
  complete: boolean;
}

/** Places the spans of `trace.jsonl` on a time axis, phases with what ran inside them. Pure. */
export function toTimeline(trace: readonly TraceLine[]): Timeline | null {
  if (trace.length === 0) return null;
  const root = trace.find((line) => line.parentSpanId === null && line.name === 'run');
  const starts = trace.map((line) => Date.parse(line.startTime));
  // reduce, not Math.min(...): a trace may hold more spans than a call has arguments.
  const startEpochMs = root
    ? Date.parse(root.startTime)
    : starts.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
  const ends = trace.map((line, i) => (starts[i] as number) + line.durationMs);
  const lastEnd = ends.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
  const totalMs = Math.max(root?.durationMs ?? 0, lastEnd - startEpochMs);
  const byId = new Map(trace.map((line) => [line.spanId, line]));
  const phaseOf = (line: TraceLine): TraceLine | undefined => {
    let parent = line.parentSpanId === null ? undefined : byId.get(line.parentSpanId);
    while (parent !== undefined) {
      if (isPhase(parent)) return parent;
      parent = parent.parentSpanId === null ? undefined : byId.get(parent.parentSpanId);
    }
    return undefined;
  };
  const place = (line: TraceLine): TimelineSpan => ({
    spanId: line.spanId,
    name: line.name,
    startMs: Date.parse(line.startTime) - startEpochMs,
    durationMs: line.durationMs,
    failed: line.status.code === 'ERROR',
    ...classify(line),
    attributes: line.attributes,
    ...(line.status.message === undefined ? {} : { statusMessage: line.status.message }),
  });
  const phases: TimelinePhase[] = trace
    .filter(isPhase)
    .map((line) => ({
      ...place(line),
      phase: String(line.attributes[ATTR.phase] ?? line.name.replace(/^phase\./, '')),
      attempt: Number(line.attributes[ATTR.attempt] ?? 0),
      children: [],
    }))
    .sort((a, b) => a.startMs - b.startMs);
  const phaseById = new Map(phases.map((phase) => [phase.spanId, phase]));
  const outside: TimelineSpan[] = [];
  for (const line of trace) {
    if (line === root || isPhase(line)) continue;
    const phase = phaseOf(line);
    const placed = place(line);
    if (phase === undefined) outside.push(placed);
    else phaseById.get(phase.spanId)?.children.push(placed);
  }
  for (const phase of phases) phase.children.sort((a, b) => a.startMs - b.startMs);
  outside.sort((a, b) => a.startMs - b.startMs);
  return {
    startEpochMs,
    totalMs,
    phases,
    outside,
    run: root?.attributes ?? {},
    complete: root !== undefined,
  };
}

function isPhase(line: TraceLine): boolean {
  return line.name.startsWith('phase.');
}

function classify(line: TraceLine): Pick<TimelineSpan, 'kind' | 'group'> {
  const attributes = line.attributes;
  const server = attributes[ATTR.mcpServer];
  if (typeof server === 'string') return { kind: 'mcp', group: server };
  if (typeof attributes[ATTR.processLabel] === 'string')
    return { kind: 'process', group: String(attributes[ATTR.processLabel]) };
  if (attributes[ATTR.spanKind] === 'LLM')
    return { kind: 'llm', group: String(attributes[ATTR.llmModelName] ?? 'model') };
  return { kind: 'other', group: line.name };
}

/** One row of the tool-call table: calls of one tool on one server. */
export interface ToolCallSummary {
  server: string;
  tool: string;
  calls: number;
  totalMs: number;
  medianMs: number;
  maxMs: number;
  argumentBytes: number;
  resultBytes: number;
  errors: number;
  retries: number;
}

/** Tool calls grouped by server and tool, the slowest in total first. Pure. */
export function toToolCallSummaries(timeline: Timeline): ToolCallSummary[] {
  const groups = new Map<string, TimelineSpan[]>();
  const all = [...timeline.outside, ...timeline.phases.flatMap((phase) => phase.children)];
  for (const span of all) {
    if (span.kind !== 'mcp' || span.attributes[ATTR.mcpMethod] !== 'tools/call') continue;
    const key = `${span.group}\u0000${String(span.attributes[ATTR.genAiTool] ?? span.name)}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [span]);
    else group.push(span);
  }
  const number = (value: unknown) => (typeof value === 'number' ? value : 0);
  return [...groups.entries()]
    .map(([key, spans]) => {
      const [server = '', tool = ''] = key.split('\u0000');
      const durations = spans.map((s) => s.durationMs).sort((a, b) => a - b);
      return {
        server,
        tool,
        calls: spans.length,
        totalMs: durations.reduce((sum, ms) => sum + ms, 0),
        medianMs: durations[Math.floor((durations.length - 1) / 2)] ?? 0,
        maxMs: durations.at(-1) ?? 0,
        argumentBytes: spans.reduce(
          (sum, s) => sum + number(s.attributes[ATTR.mcpArgumentBytes]),
          0,
        ),
        resultBytes: spans.reduce((sum, s) => sum + number(s.attributes[ATTR.mcpResultBytes]), 0),
        errors: spans.filter((s) => s.failed).length,
        retries: spans.reduce((sum, s) => sum + number(s.attributes[ATTR.mcpRetries]), 0),
      };
    })
    .sort((a, b) => b.totalMs - a.totalMs || a.server.localeCompare(b.server));
}
