import { describe, expect, it } from 'vitest';
import { OrchestratorError } from '../../../src/core/errors.js';
import type { AnyPhase, PhaseContext, PhaseName, Upstream } from '../../../src/core/phase.js';
import { runPipeline } from '../../../src/core/pipeline/run-pipeline.js';
import type { ToolCaller } from '../../../src/core/services.js';
import { resolveSettings } from '../../../src/core/settings.js';
import { NO_SPANS } from '../../../src/core/spans.js';
import { createDefaultPhaseSettings } from '../../../src/phases/phase-settings.js';
import { MemoryPressureMonitor } from '../../../src/pressure/memory-pressure-monitor.js';
import { countTokens, trimToTokenBudget } from '../../../src/telemetry/count-tokens.js';

const noTools: ToolCaller = {
  serverNames: () => [],
  hasTool: () => false,
  callTool: () => Promise.reject(new Error('no tools in this test')),
  reconnectCount: () => 0,
};

function createContext(overrides: Partial<PhaseContext> = {}): PhaseContext {
  return {
    runId: 'test',
    command: 'rename a to b',
    intent: { kind: 'rename' },
    workspace: '/nowhere',
    baseCommit: '0123456789abcdef0123456789abcdef01234567',
    settings: resolveSettings({ CLAUDE_CODE_THINKING_BUDGET_TOKENS: '50' }),
    options: { phaseSettings: createDefaultPhaseSettings(), allowUnresolved: false },
    signal: new AbortController().signal,
    tools: noTools,
    graph: {} as PhaseContext['graph'],
    search: {} as PhaseContext['search'],
    git: {} as PhaseContext['git'],
    commands: {} as PhaseContext['commands'],
    files: {} as PhaseContext['files'],
    runFiles: {} as PhaseContext['runFiles'],
    parallelism: 8,
    warn: () => {},
    progress: () => {},
    ...overrides,
  };
}

const pipelineOptions = {
  maxRetries: 3,
  baseBackoffMs: 1,
  tokens: { count: countTokens, trim: trimToTokenBudget },
  spans: NO_SPANS,
};

type TestOutcome = { success: true; data: Record<string, unknown>; contextPack: string };

/** A phase whose typed output is whatever `output` says (an empty object by default). */
function phase(
  name: PhaseName,
  run: (upstream: Upstream) => Promise<TestOutcome>,
  output: unknown = {},
): AnyPhase {
  return {
    name,
    run: async (_context, upstream) => ({ ...(await run(upstream)), output }),
  } as AnyPhase;
}

describe('runPipeline', () => {
  it('retries a retryable fault with backoff and records the retries', async () => {
    let attempts = 0;
    const flaky = phase('map', async () => {
      attempts += 1;
      if (attempts < 3) throw new OrchestratorError('MCP_TIMEOUT', 'slow', { retryable: true });
      return { success: true, data: {}, contextPack: 'ok' };
    });
    const [result] = await runPipeline([flaky], createContext(), pipelineOptions);
    expect(result).toMatchObject({ phase: 'map', success: true, retries: 2 });
    expect(result?.warnings).toHaveLength(2);
  });

  it('does not retry bad input, and stops the pipeline at the failed phase', async () => {
    let later = false;
    const results = await runPipeline(
      [
        phase('logic', async () => {
          throw new OrchestratorError('SYMBOL_NOT_FOUND', 'No symbol named "a"');
        }),
        phase('plan', async () => {
          later = true;
          return { success: true, data: {}, contextPack: '' };
        }),
      ],
      createContext(),
      pipelineOptions,
    );
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      success: false,
      retries: 0,
      error: { code: 'SYMBOL_NOT_FOUND' },
    });
    expect(later).toBe(false);
  });

  it('trims a context pack to the phase token budget with a warning', async () => {
    const chatty = phase('map', async () => ({
      success: true,
      data: {},
      contextPack: 'word '.repeat(500),
    }));
    const [result] = await runPipeline([chatty], createContext(), pipelineOptions);
    expect(result?.tokenCount).toBeLessThanOrEqual(50);
    expect(result?.warnings.join()).toContain('trimmed to the 50-token budget');
  });

  it('backs off under memory pressure: waits, halves the parallelism and records it', async () => {
    let ratio = 0.95;
    const monitor = new MemoryPressureMonitor({
      thresholdRatio: 0.7,
      sampleIntervalMs: 10,
      sampler: () => ({
        usedMb: ratio * 1000,
        limitMb: 1000,
        availableMb: (1 - ratio) * 1000,
        swapMb: 0,
        rssMb: 100,
        treeRssMb: 100,
        source: 'os',
        fallbacks: [],
      }),
    });
    monitor.start();
    setTimeout(() => {
      ratio = 0.2;
    }, 50);
    const context = createContext({ pressure: monitor });
    try {
      const [result] = await runPipeline(
        [phase('optimize', async () => ({ success: true, data: {}, contextPack: '' }))],
        context,
        pipelineOptions,
      );
      expect(result?.backoffs).toHaveLength(1);
      expect(result?.backoffs[0]).toMatchObject({
        pressureCleared: true,
        parallelismBefore: 8,
        parallelismAfter: 4,
      });
      expect(context.parallelism).toBe(4);
    } finally {
      monitor.stop();
    }
  });

  it('records an abort as a CANCELLED phase and keeps the results before it', async () => {
    const controller = new AbortController();
    const results = await runPipeline(
      [
        phase('map', async () => ({ success: true, data: { found: 1 }, contextPack: '' })),
        phase('logic', async () => {
          controller.abort(new Error('SIGINT'));
          throw new OrchestratorError('MCP_TIMEOUT', 'interrupted', { retryable: true });
        }),
        phase('plan', async () => ({ success: true, data: {}, contextPack: '' })),
      ],
      createContext({ signal: controller.signal }),
      pipelineOptions,
    );
    expect(results.map((r) => [r.phase, r.success, r.error?.code])).toEqual([
      ['map', true, undefined],
      ['logic', false, 'CANCELLED'],
    ]);
  });

  it('hands each phase the outputs before it, frozen, and keeps the first writer', async () => {
    const seen: Upstream[] = [];
    const outputs = {};
    await runPipeline(
      [
        phase('map', async () => ({ success: true, data: {}, contextPack: '' }), { files: ['a'] }),
        phase(
          'logic',
          async (upstream) => {
            seen.push(upstream);
            expect(() => {
              (upstream as Record<string, unknown>).map = 'overwritten';
            }).toThrow(TypeError);
            return { success: true, data: {}, contextPack: '' };
          },
          { title: 'x' },
        ),
      ],
      createContext(),
      { ...pipelineOptions, outputs },
    );
    expect(Object.isFrozen(seen[0])).toBe(true);
    expect(seen[0]?.map).toEqual({ files: ['a'] });
    expect(outputs).toEqual({ map: { files: ['a'] }, logic: { title: 'x' } });
  });

  it('reports a bug in a phase as an INTERNAL failure instead of losing the run', async () => {
    const [result] = await runPipeline(
      [
        phase('plan', async () => {
          throw new TypeError('x is undefined');
        }),
      ],
      createContext(),
      pipelineOptions,
    );
    expect(result?.error).toEqual({
      code: 'INTERNAL',
      message: 'plan failed unexpectedly: x is undefined',
    });
  });
});
