import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { runResultShape } from '../../../src/contracts/run-result-schema.js';
import type { RunResult } from '../../../src/orchestrator.js';

type Declared = { [K in keyof typeof runResultShape]: z.infer<(typeof runResultShape)[K]> };

describe("the MCP server's declaration of RunResult", () => {
  // The server's output schema forbids fields it does not declare: a field RunResult gains
  // without a declaration here fails every run_change call at run time. tsc checks this.
  it('declares every field of RunResult, and no other', () => {
    expectTypeOf<keyof Declared>().toEqualTypeOf<keyof RunResult>();
  });
});
