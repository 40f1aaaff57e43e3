import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { createLazySchemaValidator } from '../../../src/mcp/lazy-schema-validator.js';

describe('createLazySchemaValidator', () => {
  it('compiles a schema on its first use, not when it is handed over', () => {
    const validator = createLazySchemaValidator();
    // An unresolvable $ref fails to compile: only once the validator is called.
    const broken = validator.getValidator({ $ref: '#/$defs/missing' });
    expect(() => broken({})).toThrow(/missing/);
  });

  it('validates as the SDK does: the data when it fits, ajv’s message when not', () => {
    const validate = createLazySchemaValidator().getValidator<{ count: number }>({
      type: 'object',
      properties: { count: { type: 'number' } },
      required: ['count'],
    });
    expect(validate({ count: 2 })).toEqual({
      valid: true,
      data: { count: 2 },
      errorMessage: undefined,
    });
    expect(validate({ count: 'two' })).toMatchObject({
      valid: false,
      errorMessage: expect.stringContaining('must be number'),
    });
  });

  it('still makes the SDK client refuse a tool result that breaks its output schema', async () => {
    // A low-level server: the SDK's McpServer would check its own output first.
    const server = new Server(
      { name: 'shapes', version: '0.0.0' },
      { capabilities: { tools: {} } },
    );
    server.setRequestHandler(ListToolsRequestSchema, () => ({
      tools: [
        {
          name: 'counted',
          inputSchema: { type: 'object' as const },
          outputSchema: {
            type: 'object' as const,
            properties: { count: { type: 'number' } },
            required: ['count'],
          },
        },
      ],
    }));
    server.setRequestHandler(CallToolRequestSchema, () => ({
      content: [{ type: 'text', text: '{"count":"many"}' }],
      structuredContent: { count: 'many' },
    }));
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const client = new Client(
      { name: 'test', version: '0.0.0' },
      { jsonSchemaValidator: createLazySchemaValidator() },
    );
    await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
    try {
      await client.listTools();
      await expect(client.callTool({ name: 'counted', arguments: {} })).rejects.toThrow(
        /does not match the tool's output schema/,
      );
    } finally {
      await client.close();
      await server.close();
    }
  });
});
