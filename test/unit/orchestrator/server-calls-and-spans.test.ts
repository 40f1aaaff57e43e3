import { describe, expect, it } from 'vitest';
import type { ToolCaller } from '../../../src/core/services.js';
import type { SpanRunner } from '../../../src/core/spans.js';
import { countServerCalls } from '../../../src/orchestrator/count-server-calls.js';
import { createSpanRelay } from '../../../src/orchestrator/span-relay.js';

/** A tool caller that answers every call with the server and tool it was asked. */
const echoTools: ToolCaller = {
  serverNames: () => ['ripgrep', 'memory'],
  hasTool: () => true,
  reconnectCount: () => 0,
  callTool: async <T>(server: string, tool: string) => ({ server, tool }) as T,
};

describe('countServerCalls', () => {
  it('counts each call under its server and the stage set last, and passes it through', async () => {
    const counter = countServerCalls(echoTools);
    await counter.tools.callTool('ripgrep', 'search', {});
    counter.setStage('map');
    await counter.tools.callTool('ripgrep', 'search', {});
    await counter.tools.callTool('ripgrep', 'search', {});
    counter.setStage('record');
    expect(await counter.tools.callTool('memory', 'create_entities', {})).toEqual({
      server: 'memory',
      tool: 'create_entities',
    });
    expect(counter.counts()).toEqual({
      ripgrep: { setup: 1, map: 2 },
      memory: { record: 1 },
    });
  });

  it('hands out a copy: later calls do not change counts already taken', async () => {
    const counter = countServerCalls(echoTools);
    const before = counter.counts();
    await counter.tools.callTool('memory', 'read_graph', {});
    expect(before).toEqual({});
  });
});

describe('createSpanRelay', () => {
  /** A span runner that records the names of the spans opened in it. */
  const recorder = () => {
    const names: string[] = [];
    const runner: SpanRunner = {
      withSpan: async (name, _attributes, body) => {
        names.push(name);
        return body({ setAttributes() {}, addEvent() {}, setError() {} });
      },
    };
    return { names, runner };
  };

  it("sends spans to the attached run's tracer only while it is attached", async () => {
    const relay = createSpanRelay();
    const first = recorder();
    const second = recorder();
    expect(await relay.withSpan('before', {}, () => 1)).toBe(1);
    const detachFirst = relay.attach(first.runner);
    await relay.withSpan('one', {}, () => undefined);
    detachFirst();
    await relay.withSpan('between', {}, () => undefined);
    relay.attach(second.runner);
    detachFirst(); // a stale detach leaves the current run attached
    await relay.withSpan('two', {}, () => undefined);
    expect(first.names).toEqual(['one']);
    expect(second.names).toEqual(['two']);
  });
});
