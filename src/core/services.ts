/**
 * The service interfaces phases see through their `PhaseContext`. Concrete services live in
 * `mcp/`, `cache/`, `pressure/`, `vcs/` and `telemetry/`; `orchestrator.ts` wires them in.
 */

/** Options for one MCP tool call. */
export interface ToolCallOptions {
  signal?: AbortSignal;
  /** Deadline for this call. @default 30000 */
  timeoutMs?: number;
}

/** What a phase learns about a call after it finished (for retries and reporting). */
export interface ToolCallStats {
  /** Reconnects of a crashed server that this call needed. */
  reconnects: number;
}

/** Calls tools on named MCP servers (the client pool). */
export interface ToolCaller {
  /** Names of servers that are configured (connected or not). */
  serverNames(): string[];
  /** True when `server` is connected and lists `tool`. */
  hasTool(server: string, tool: string): boolean;
  /**
   * Calls `tool` on `server` and returns its structured result (or its JSON text parsed).
   * Throws `MCP_TOOL_FAILED` for a tool error, `MCP_TIMEOUT`, `MCP_SERVER_UNAVAILABLE`.
   */
  callTool<T = Record<string, unknown>>(
    server: string,
    tool: string,
    args: Record<string, unknown>,
    options?: ToolCallOptions,
  ): Promise<T>;
  /** Total reconnects since the pool started. */
  reconnectCount(): number;
}

/** A cached code slice. */
export interface SliceData {
  file: string;
  content: string;
  [key: string]: unknown;
}

/** The SliceCache as MAP uses it. */
export interface SliceStore {
  retrieve(sliceHash: string): Promise<(SliceData & { vector?: number[] }) | null>;
  storeMany(
    items: ReadonlyArray<{ sliceHash: string; data: SliceData; vector?: Float32Array | number[] }>,
  ): Promise<void>;
  searchSimilar(
    queryVector: Float32Array | number[],
    topK: number,
  ): Promise<Array<{ hash: string; score: number }>>;
  embed(text: string): Promise<Float32Array>;
}

/** Memory pressure as the pipeline consults it. */
export interface PressureGauge {
  isPressureHigh(): boolean;
  waitForLowPressure(timeoutMs: number, options?: { signal?: AbortSignal }): Promise<boolean>;
  suggestGc(): boolean;
  /** Current memory use of this process and its children, in MB. */
  treeRssMb(): number;
}
