import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isOrchestratorError } from '../../../../src/core/errors.js';
import { clipLineText, lineClipSchema } from '../../../../src/servers/shared/clip-line-text.js';
import { capReply, REPLY_CUT_SHAPE } from '../../../../src/servers/shared/reply-cap.js';
import { runTool } from '../../../../src/servers/shared/tool-result.js';
import { SKIPPED_FILES_SHAPE } from '../../../../src/servers/shared/workspace-file-filter.js';
import { connectInMemory } from '../../../integration/servers/connect-in-memory.js';

const bytesOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');
const items = (count: number, width = 50): string[] =>
  Array.from({ length: count }, (_, i) => `${String(i).padStart(4, '0')}${'é'.repeat(width)}`);

describe('capReply', () => {
  it('returns a reply under the cap unchanged', () => {
    const value = { matches: items(3), truncated: false };
    expect(capReply(value, 10_000)).toBe(value);
  });

  it('drops items from the end of the largest list, keeps small lists whole, and fits', () => {
    const value = { edits: items(500), files: ['a.py', 'b.py'], note: 'kept' };
    const capped = capReply(value, 5000);
    expect(bytesOf(capped)).toBeLessThanOrEqual(5000);
    expect(capped.files).toEqual(['a.py', 'b.py']);
    expect(capped.note).toBe('kept');
    const kept = capped.edits as string[];
    expect(kept).toEqual(value.edits.slice(0, kept.length));
    expect(capped.truncated).toBe(true);
    expect(capped.replyCut).toEqual({ maxReplyBytes: 5000, dropped: { edits: 500 - kept.length } });
  });

  it('shares the budget between two large lists', () => {
    const capped = capReply({ a: items(300), b: items(300) }, 8000);
    expect(bytesOf(capped)).toBeLessThanOrEqual(8000);
    const { a, b } = capped as { a: string[]; b: string[] };
    expect(a.length).toBeGreaterThan(10);
    expect(Math.abs(a.length - b.length)).toBeLessThanOrEqual(1);
  });

  it('refuses with BAD_INPUT a reply that has no list to shorten', () => {
    try {
      capReply({ text: 'x'.repeat(2000) }, 1000);
      expect.unreachable();
    } catch (error) {
      expect(isOrchestratorError(error, 'BAD_INPUT')).toBe(true);
      expect((error as Error).message).toMatch(/over the 1000-byte reply cap/);
    }
  });
});

describe('runTool with an output schema', () => {
  async function serve(
    shape: z.ZodRawShape,
    value: Record<string, unknown> = { names: items(400) },
  ) {
    const server = new McpServer({ name: 'cap-test', version: '0.0.0' });
    server.registerTool('list', { inputSchema: {}, outputSchema: shape }, () =>
      runTool(async () => value, shape, { maxReplyBytes: 3000 }),
    );
    const connected = await connectInMemory(server);
    return { ...connected, close: () => server.close() };
  }

  it('sends a cut reply that a client validating the schema accepts, when the schema declares REPLY_CUT_SHAPE', async () => {
    const { call, close } = await serve({ names: z.array(z.string()), ...REPLY_CUT_SHAPE });
    try {
      const value = await call('list', {});
      expect(value.truncated).toBe(true);
      expect((value.replyCut as { dropped: { names: number } }).dropped.names).toBeGreaterThan(0);
    } finally {
      await close();
    }
  });

  it('answers a tool error instead of a cut reply the schema does not allow', async () => {
    const { callError, close } = await serve({ names: z.array(z.string()) });
    try {
      const error = await callError('list', {});
      expect(error.code).toBe('BAD_INPUT');
      expect(error.message).toMatch(/reply cap/);
    } finally {
      await close();
    }
  });

  it('passes skippedFiles and clipped line texts through a schema that declares them', async () => {
    const reference = { file: 'a.ts', ...clipLineText('x'.repeat(5000), 10, 1, 100) };
    const shape = {
      references: z.array(
        z.object({ file: z.string(), lineText: z.string(), clipped: lineClipSchema.optional() }),
      ),
      ...REPLY_CUT_SHAPE,
      ...SKIPPED_FILES_SHAPE,
    };
    const { call, close } = await serve(shape, { references: [reference], skippedFiles: ['b.ts'] });
    try {
      expect(await call('list', {})).toEqual({ references: [reference], skippedFiles: ['b.ts'] });
      expect(reference.clipped).toEqual({ lineStart: 1, lineLength: 5000 });
    } finally {
      await close();
    }
  });
});
