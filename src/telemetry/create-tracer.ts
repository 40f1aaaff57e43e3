import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import {
  type Attributes,
  ROOT_CONTEXT,
  type Span,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import {
  AlwaysOnSampler,
  BasicTracerProvider,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { createTraceFileExporter, TRACE_FILE_NAME } from './trace-file.js';

/** The tracer of one run, writing `<runDir>/trace.jsonl`. */
export interface RunTracer {
  /** The OpenTelemetry tracer (not registered globally). */
  readonly tracer: Tracer;
  /** Absolute path of the trace file. */
  readonly filePath: string;
  /**
   * Runs `fn` inside a span named `name`. A span started inside `fn` (also across `await`)
   * becomes its child. The span ends when `fn` settles; a thrown error is recorded on it
   * (status ERROR) and rethrown.
   */
  withSpan<T>(name: string, attributes: Attributes, fn: (span: Span) => Promise<T> | T): Promise<T>;
  /** Flushes and closes the trace file. Safe to call twice; spans ending later are dropped. */
  shutdown(): Promise<void>;
}

/**
 * Creates a tracer whose spans go, one JSON line each, to `<runDir>/trace.jsonl` (the folder is
 * created). It ignores `OTEL_*` sampling settings (always samples) and registers nothing globally.
 */
export function createRunTracer(runDir: string): RunTracer {
  const filePath = path.resolve(runDir, TRACE_FILE_NAME);
  const provider = new BasicTracerProvider({
    sampler: new AlwaysOnSampler(),
    spanProcessors: [new SimpleSpanProcessor(createTraceFileExporter(filePath))],
  });
  const tracer = provider.getTracer('mcp-orchestrator');
  const current = new AsyncLocalStorage<Span>();
  let shutdown: Promise<void> | undefined;

  return {
    tracer,
    filePath,
    async withSpan(name, attributes, fn) {
      const parent = current.getStore();
      const context = parent === undefined ? ROOT_CONTEXT : trace.setSpan(ROOT_CONTEXT, parent);
      const span = tracer.startSpan(name, { attributes }, context);
      try {
        const result = await current.run(span, () => fn(span));
        span.setStatus({ code: SpanStatusCode.OK });
        return result;
      } catch (error) {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({
          code: SpanStatusCode.ERROR,
          message: error instanceof Error ? error.message : String(error),
        });
        throw error;
      } finally {
        span.end();
      }
    },
    shutdown() {
      shutdown ??= provider.shutdown();
      return shutdown;
    },
  };
}
