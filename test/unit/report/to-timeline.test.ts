import { describe, expect, it } from 'vitest';
import { toTimeline, toToolCallSummaries } from '../../../src/report/to-timeline.js';
import { fixtureTrace, traceLine } from '../../helpers/run-folder-fixture.js';

describe('toTimeline', () => {
  it('places phase attempts on the run axis with the spans made inside them', () => {
    const timeline = toTimeline(fixtureTrace());
    expect(timeline?.complete).toBe(true);
    expect(timeline?.totalMs).toBe(1000);
    expect(timeline?.phases.map((p) => [p.phase, p.attempt, p.startMs, p.failed])).toEqual([
      ['map', 0, 100, true],
      ['map', 1, 300, false],
      ['plan', 0, 560, false],
    ]);
    expect(timeline?.phases[1]?.children.map((s) => [s.name, s.kind, s.group])).toEqual([
      ['tools/call search', 'mcp', 'ripgrep'],
      ['tools/call find_definitions', 'mcp', 'dependency_graph'],
    ]);
    expect(timeline?.phases[2]?.children.map((s) => [s.kind, s.group])).toEqual([
      ['process', 'test'],
    ]);
    expect(timeline?.outside.map((s) => s.name)).toEqual(['connect ripgrep']);
  });

  it('finds the phase of a span nested deeper than one level', () => {
    const trace = [
      traceLine('inner', 'outer', 'npm test', 20, 5, { 'orchestrator.process.label': 'test' }),
      traceLine('outer', 'p', 'batch', 10, 30),
      traceLine('p', 'root', 'phase.execute', 0, 50, { 'orchestrator.phase': 'execute' }),
      traceLine('root', null, 'run', 0, 60),
    ];
    expect(toTimeline(trace)?.phases[0]?.children.map((s) => s.name)).toEqual([
      'batch',
      'npm test',
    ]);
  });

  it('marks a trace without its run span incomplete and starts it at its earliest span', () => {
    const timeline = toTimeline(fixtureTrace().filter((line) => line.name !== 'run'));
    expect(timeline?.complete).toBe(false);
    expect(timeline?.startEpochMs).toBe(Date.parse('2026-01-01T12:00:00.000Z'));
    expect(timeline?.totalMs).toBe(960);
  });

  it('has nothing to place for an empty trace', () => {
    expect(toTimeline([])).toBeNull();
  });
});

describe('toToolCallSummaries', () => {
  it('groups tool calls by server and tool, the slowest in total first, leaving out connects', () => {
    const rows = toToolCallSummaries(
      toTimeline(fixtureTrace()) as NonNullable<ReturnType<typeof toTimeline>>,
    );
    expect(rows.map((r) => [r.server, r.tool, r.calls, r.totalMs, r.maxMs, r.resultBytes])).toEqual(
      [
        ['ripgrep', 'search', 2, 150, 90, 4096],
        ['dependency_graph', 'find_definitions', 1, 140, 140, 2048],
      ],
    );
  });
});
