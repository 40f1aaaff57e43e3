import { describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../src/core/errors.js';
import { toToolOutput } from '../../../src/mcp/to-tool-output.js';

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('toToolOutput', () => {
  it('prefers structured content', () => {
    expect(
      toToolOutput('s', 't', {
        structuredContent: { a: 1 },
        content: [{ type: 'text', text: '{"b":2}' }],
      }),
    ).toEqual({ a: 1 });
  });

  it('parses the first text content as JSON when there is no structured content', () => {
    expect(
      toToolOutput('s', 't', {
        content: [{ type: 'image' }, { type: 'text', text: '[1,2]' }],
      }),
    ).toEqual([1, 2]);
  });

  it('wraps plain text that is not a JSON object as {text}', () => {
    expect(toToolOutput('s', 't', { content: [{ type: 'text', text: 'hello' }] })).toEqual({
      text: 'hello',
    });
    expect(toToolOutput('s', 't', { content: [{ type: 'text', text: '42' }] })).toEqual({
      text: '42',
    });
  });

  it('throws MCP_TOOL_FAILED with the server code, message and data from our JSON errors', () => {
    const error = thrown(() =>
      toToolOutput('ripgrep', 'search', {
        isError: true,
        content: [
          {
            type: 'text',
            text: '{"code":"PATH_OUTSIDE_WORKSPACE","message":"outside","data":{"f":1}}',
          },
        ],
      }),
    );
    expect(isOrchestratorError(error, 'MCP_TOOL_FAILED')).toBe(true);
    expect((error as Error).message).toBe(
      'Tool "search" on MCP server "ripgrep" failed (PATH_OUTSIDE_WORKSPACE): outside',
    );
    expect((error as { data: unknown }).data).toEqual({
      server: 'ripgrep',
      tool: 'search',
      toolError: { code: 'PATH_OUTSIDE_WORKSPACE', message: 'outside', data: { f: 1 } },
    });
  });

  it('throws MCP_TOOL_FAILED with plain-text errors from third-party servers', () => {
    const error = thrown(() =>
      toToolOutput('fs', 'read', { isError: true, content: [{ type: 'text', text: 'ENOENT: x' }] }),
    );
    expect((error as { data: unknown }).data).toMatchObject({
      toolError: { message: 'ENOENT: x' },
    });
  });
});
