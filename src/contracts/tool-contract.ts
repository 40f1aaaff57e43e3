import type { z } from 'zod';

/**
 * One MCP tool's contract: its name, description and zod input/output shapes. Servers declare
 * the tool with it; callers check the reply against it, so a server named in `.mcp.json`
 * (which may be anyone's) cannot hand the phases a malformed value.
 */
export interface ToolContract<I extends z.ZodRawShape, O extends z.ZodRawShape> {
  readonly server: string;
  readonly tool: string;
  readonly description: string;
  readonly input: I;
  readonly output: O;
}

/** The argument type of a contract. */
export type ContractInput<C> =
  C extends ToolContract<infer I, z.ZodRawShape> ? z.input<z.ZodObject<I>> : never;

/** The reply type of a contract. */
export type ContractOutput<C> =
  C extends ToolContract<z.ZodRawShape, infer O> ? z.output<z.ZodObject<O>> : never;

/** Declares a contract (an identity function that keeps the literal types). */
export function defineContract<I extends z.ZodRawShape, O extends z.ZodRawShape>(
  contract: ToolContract<I, O>,
): ToolContract<I, O> {
  return contract;
}
