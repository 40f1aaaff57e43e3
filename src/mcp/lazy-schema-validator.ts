import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type {
  JsonSchemaValidator,
  jsonSchemaValidator,
} from '@modelcontextprotocol/sdk/validation/types.js';

/**
 * The MCP SDK's ajv validation of tool results against their output schemas, compiled on a
 * tool's first call instead of when its server lists its tools: a run calls a handful of the
 * servers' ~30 tools, and compiling every schema at connect cost the CLI ~0.1 s of CPU. One
 * ajv instance serves every client of the process (the SDK made one per client).
 */
export function createLazySchemaValidator(): jsonSchemaValidator {
  let ajv: AjvJsonSchemaValidator | undefined;
  return {
    getValidator<T>(schema: Parameters<jsonSchemaValidator['getValidator']>[0]) {
      let compiled: JsonSchemaValidator<T> | undefined;
      return (input: unknown) => {
        ajv ??= new AjvJsonSchemaValidator();
        compiled ??= ajv.getValidator<T>(schema);
        return compiled(input);
      };
    },
  };
}
