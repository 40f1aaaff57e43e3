import { getDefaultEnvironment } from '@modelcontextprotocol/sdk/client/stdio.js';
import { describe, expect, it } from 'vitest';
import { inheritedEnvironment } from '../../../src/mcp/inherited-environment.js';

describe('inheritedEnvironment', () => {
  it("is the MCP SDK's getDefaultEnvironment, so an early start and the SDK agree", () => {
    expect(inheritedEnvironment()).toEqual(getDefaultEnvironment());
  });

  it('keeps only the safe variables, and never a shell function', () => {
    expect(
      inheritedEnvironment({ HOME: '/home/a', SHELL: '() { :; }', SECRET: 'x', PATH: '/bin' }),
    ).toEqual({ HOME: '/home/a', PATH: '/bin' });
  });
});
