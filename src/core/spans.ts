/**
 * Trace spans as the layers below `telemetry/` see them: the run's tracer implements these
 * interfaces (see `telemetry/create-tracer.ts`); code that only opens spans depends on nothing
 * else.
 */

/** A value a span attribute may hold (OpenTelemetry's primitive and array values). */
export type SpanAttributeValue =
  | string
  | number
  | boolean
  | readonly string[]
  | readonly number[]
  | readonly boolean[];

/** Attributes of a span; entries whose value is `undefined` are left out. */
export type SpanAttributes = Readonly<Record<string, SpanAttributeValue | undefined>>;

/** The span a body runs in: it adds what it learns as it goes. */
export interface SpanHandle {
  setAttributes(attributes: SpanAttributes): void;
  addEvent(name: string, attributes?: SpanAttributes): void;
  /**
   * Marks the span failed (status ERROR, `error.type` = `code`) for an expected failure that is
   * returned as a value, not thrown. A body that throws needs no call: the error is recorded.
   */
  setError(code: string, message: string): void;
}

/** Wraps work in a trace span. */
export interface SpanRunner {
  /**
   * Runs `body` inside a span named `name`; spans opened inside it (across `await`s too) are its
   * children. The span ends when `body` settles; a thrown error is recorded and rethrown.
   */
  withSpan<T>(
    name: string,
    attributes: SpanAttributes,
    body: (span: SpanHandle) => Promise<T> | T,
  ): Promise<T>;
}

/** One message to or from a language model. */
export interface ModelMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
}

/** What a model call is asked (recorded as OpenInference `llm.*` attributes). */
export interface ModelCallRequest {
  /** e.g. `claude-sonnet-4-5`: `llm.model_name`. */
  modelName: string;
  /** e.g. `anthropic`: `llm.provider`. */
  provider?: string;
  /** The messages sent; their text is recorded only with `ORCHESTRATOR_TRACE_CONTENT=1`. */
  messages: readonly ModelMessage[];
  /** Temperature, max tokens…: `llm.invocation_parameters` (as JSON). */
  invocationParameters?: Readonly<Record<string, unknown>>;
}

/** What a model call answered. */
export interface ModelCallResponse {
  /** `llm.token_count.prompt`. */
  promptTokens: number;
  /** `llm.token_count.completion`. */
  completionTokens: number;
  /** The reply; its text is recorded only with `ORCHESTRATOR_TRACE_CONTENT=1`. */
  messages?: readonly ModelMessage[];
}

/** The span of one model call. */
export interface ModelCallSpan {
  /** Records the reply's token counts (and messages). Call once, when the reply is in. */
  recordResponse(response: ModelCallResponse): void;
}

/**
 * Opens model-call spans (OpenInference span kind `LLM`), children of whatever span is open.
 * A model client takes one of these and wraps each request:
 * `tracer.traceModelCall({modelName, messages}, async (span) => { const r = await send(); span.recordResponse({...}); return r; })`.
 */
export interface ModelCallTracer {
  traceModelCall<T>(
    request: ModelCallRequest,
    body: (span: ModelCallSpan) => Promise<T> | T,
  ): Promise<T>;
}

const NOOP_SPAN: SpanHandle = {
  setAttributes() {},
  addEvent() {},
  setError() {},
};

/** A {@link SpanRunner} that records nothing (for code run without a tracer, and tests). */
export const NO_SPANS: SpanRunner = {
  withSpan: async (_name, _attributes, body) => body(NOOP_SPAN),
};
