import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAiPlanner } from '../../../../src/intent/planners/openai-planner.js';
import { buildPlannerPrompt } from '../../../../src/intent/planners/planner-prompt.js';
import {
  type ModelServer,
  openAiToolReply,
  startModelServer,
} from '../../../helpers/model-server.js';
import {
  httpSettings,
  planWith,
  RENAME,
  rejectionOf,
  TOKENS,
  UNPLACED,
} from './planner-test-kit.js';

const UNLIMITED = { tokens: 1_000_000, source: 'none' };

describe("the planner prompt's token budget", () => {
  let server: ModelServer;
  let warnings: string[];
  const planner = () =>
    createOpenAiPlanner(
      httpSettings({
        ORCHESTRATOR_PLANNER: 'openai',
        OPENAI_BASE_URL: `${server.url}/v1`,
        ORCHESTRATOR_MODEL: 'm',
      }),
    );
  beforeAll(async () => {
    server = await startModelServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    warnings = [];
    server.script([openAiToolReply({ intent: RENAME })]);
  });

  it('counts everything sent: instructions, the tool schema, the command and one example per form', () => {
    const full = buildPlannerPrompt(UNPLACED, [], {
      budget: UNLIMITED,
      maxTokens: 1,
      tokens: TOKENS,
    });
    const bare = buildPlannerPrompt(UNPLACED, [], {
      budget: { tokens: full.tokens - 1, source: 'x' },
      maxTokens: 1,
      tokens: TOKENS,
    });
    expect(full.droppedExamples).toBe(0);
    expect(TOKENS.count(full.text)).toBeGreaterThan(0.9 * full.tokens);
    expect(bare.droppedExamples).toBe(1);
    expect(bare.tokens).toBeLessThan(full.tokens);
  });

  it('trims the examples to CLAUDE_CODE_THINKING_BUDGET_TOKENS with a warning, and sends no more than the budget', async () => {
    const full = buildPlannerPrompt(UNPLACED, [], {
      budget: UNLIMITED,
      maxTokens: 1,
      tokens: TOKENS,
    });
    const budget = full.tokens - 200;
    const planned = await planWith(planner(), UNPLACED, warnings, { phaseTokenBudget: budget });
    expect(planned.usage.promptTokens).toBeLessThanOrEqual(budget);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      new RegExp(
        `trimmed to the ${budget}-token budget \\(CLAUDE_CODE_THINKING_BUDGET_TOKENS=${budget}\\): \\d+ of its examples left out`,
      ),
    );
    const body = server.requests[0]?.body as { messages: Array<{ content: string }> } | undefined;
    const system = body?.messages[0]?.content ?? '';
    expect(system).toContain('"rename getUser to fetchUser"');
    expect(system).not.toContain('remove unused imports');
  });

  it('refuses a prompt over the budget before any call, naming the variable', async () => {
    const error = await rejectionOf(
      planWith(planner(), UNPLACED, warnings, { phaseTokenBudget: 300 }),
    );
    expect(error.code).toBe('TOKEN_BUDGET_EXCEEDED');
    expect(error.message).toMatch(
      /needs \d+ tokens \(instructions, the intent schema and the command\) but its budget is 300 \(CLAUDE_CODE_THINKING_BUDGET_TOKENS=300\)/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('holds every prompt to what is left of the run budget', async () => {
    const error = await rejectionOf(
      planWith(planner(), UNPLACED, warnings, { runTokenBudget: 250 }),
    );
    expect(error.code).toBe('TOKEN_BUDGET_EXCEEDED');
    expect(error.message).toContain("what is left of the run's 250-token budget");
    expect(server.requests).toHaveLength(0);
  });
});
