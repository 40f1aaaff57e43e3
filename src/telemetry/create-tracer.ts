import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import {
  type Attributes,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOnSampler,
  BasicTracerProvider,
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { toErrorMessage } from '../core/errors.js';
import { ATTR } from '../core/span-attributes.js';
import type { ModelCallTracer, SpanAttributes, SpanHandle, SpanRunner } from '../core/spans.js';
import { createOtlpExporter } from './create-otlp-exporter.js';
import {
  toModelCallSpanName,
  toModelRequestAttributes,
  toModelResponseAttributes,
} from './model-call-attributes.js';
import { createTraceFileExporter, TRACE_FILE_NAME } from './trace-file.js';
import { type ResolvedTraceSettings, resolveTraceSettings } from './trace-settings.js';

/** Options for {@link createRunTracer}. */
export interface RunTracerOptions {
  /** Where the `OTEL_*`, `PHOENIX_*` and `ORCHESTRATOR_TRACE_CONTENT` settings are read. @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
  /** Told about unusable settings and a failed export (once). @default ignore */
  warn?: (message: string) => void;
  /** Attributes of the run's root span (run id, command). */
  attributes?: SpanAttributes;
  /** `input.value` of the root span: the command, as a trace viewer lists it. */
  input?: string;
}

/** How the run ended, for its root span. */
export interface RunOutcome {
  success: boolean;
  error: { code: string; message: string } | null;
  attributes?: SpanAttributes;
}

/**
 * The tracer of one run. One run is one trace: the root span `run` starts with the tracer and
 * ends at `shutdown()`, and every span opened through it descends from it. Spans go, one JSON
 * line each, to `<runDir>/trace.jsonl` as they end, and over OTLP when a collector is set.
 */
export interface RunTracer extends SpanRunner, ModelCallTracer {
  /** The OpenTelemetry tracer (not registered globally). */
  readonly tracer: Tracer;
  /** Absolute path of the trace file. */
  readonly filePath: string;
  /** The run's trace id (32 hex digits). */
  readonly traceId: string;
  /** The settings read from the environment (`export: null` when spans stay local). */
  readonly settings: ResolvedTraceSettings;
  /** Records the outcome on the root span (status, attributes); the span ends at `shutdown()`. */
  recordRunOutcome(outcome: RunOutcome): void;
  /**
   * Ends the root span, writes what is left and closes the file; with a collector, waits for
   * the last export at most the export timeout (`OTEL_EXPORTER_OTLP_TIMEOUT`, 3 s by default).
   * Safe to call twice; spans ending later are dropped.
   */
  shutdown(): Promise<void>;
}

/**
 * Creates the run's tracer (the folder is created). It always samples, ignores `OTEL_*`
 * sampler settings and registers nothing globally. Settings that cannot be used are told
 * through `warn` and never fail the run.
 */
export function createRunTracer(runDir: string, options: RunTracerOptions = {}): RunTracer {
  const warn = options.warn ?? (() => {});
  const settings = resolveTraceSettings(options.env ?? process.env);
  for (const message of settings.warnings) warn(message);
  const filePath = path.resolve(runDir, TRACE_FILE_NAME);
  const processors: SpanProcessor[] = [new SimpleSpanProcessor(createTraceFileExporter(filePath))];
  // The first export problem is told, once: a failed export, or a flush that gave up.
  let exportWarned = false;
  const warnExport = (message: string): void => {
    if (!exportWarned) warn(message);
    exportWarned = true;
  };
  if (settings.export !== null) {
    const exporter = createOtlpExporter(settings.export, { warn: warnExport, traceFile: filePath });
    processors.push(
      new BatchSpanProcessor(exporter, { exportTimeoutMillis: settings.export.timeoutMs }),
    );
  }
  const provider = new BasicTracerProvider({
    sampler: new AlwaysOnSampler(),
    resource: resourceFromAttributes({
      ...settings.resourceAttributes,
      'service.name': settings.serviceName,
    }),
    spanProcessors: processors,
  });
  const tracer = provider.getTracer('mcp-orchestrator');
  const root = tracer.startSpan(
    'run',
    {
      attributes: toAttributes({
        [ATTR.spanKind]: 'CHAIN',
        ...(options.input === undefined ? {} : { [ATTR.inputValue]: options.input }),
        ...options.attributes,
      }),
    },
    ROOT_CONTEXT,
  );
  const current = new AsyncLocalStorage<Span>();
  let rootStatusSet = false;
  let shutdown: Promise<void> | undefined;

  const withSpan: RunTracer['withSpan'] = async (name, attributes, body) => {
    const parent = current.getStore() ?? root;
    const kind = attributes[ATTR.spanKind] === 'TOOL' ? SpanKind.CLIENT : SpanKind.INTERNAL;
    const span = tracer.startSpan(
      name,
      { attributes: toAttributes(attributes), kind },
      trace.setSpan(ROOT_CONTEXT, parent),
    );
    const handle = toHandle(span);
    try {
      const result = await current.run(span, () => body(handle.span));
      if (!handle.failed()) span.setStatus({ code: SpanStatusCode.OK });
      return result;
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      const code = (error as { code?: unknown })?.code;
      if (typeof code === 'string') span.setAttribute(ATTR.errorType, code);
      span.setStatus({ code: SpanStatusCode.ERROR, message: toErrorMessage(error) });
      throw error;
    } finally {
      span.end();
    }
  };

  return {
    tracer,
    filePath,
    traceId: root.spanContext().traceId,
    settings,
    withSpan,
    traceModelCall(request, body) {
      return withSpan(
        toModelCallSpanName(request),
        toModelRequestAttributes(request, settings.recordContent),
        (span) =>
          body({
            recordResponse: (response) =>
              span.setAttributes(toModelResponseAttributes(response, settings.recordContent)),
          }),
      );
    },
    recordRunOutcome(outcome) {
      root.setAttributes(
        toAttributes({
          [ATTR.runSuccess]: outcome.success,
          [ATTR.outputValue]: outcome.error === null ? 'success' : outcome.error.message,
          ...(outcome.error === null ? {} : { [ATTR.errorType]: outcome.error.code }),
          ...outcome.attributes,
        }),
      );
      root.setStatus(
        outcome.error === null
          ? { code: SpanStatusCode.OK }
          : { code: SpanStatusCode.ERROR, message: outcome.error.message },
      );
      rootStatusSet = true;
    },
    shutdown() {
      shutdown ??= (async () => {
        if (!rootStatusSet) root.setAttribute(ATTR.runSuccess, false);
        root.end();
        const closing = provider.shutdown();
        const boundMs = settings.export === null ? undefined : settings.export.timeoutMs + 250;
        if (boundMs === undefined) return closing;
        const outcome = await withDeadline(closing, boundMs);
        if (outcome !== 'done') {
          const why =
            outcome === 'late' ? `within ${boundMs} ms` : `(${toErrorMessage(outcome.error)})`;
          warnExport(
            `Trace export to ${settings.export?.url} did not finish ${why}; the run did not wait longer. Its spans are in ${filePath}.`,
          );
        }
      })();
      return shutdown;
    },
  };
}

/** OpenTelemetry attributes from ours: `undefined` values left out. */
function toAttributes(attributes: SpanAttributes): Attributes {
  const result: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== undefined) result[key] = value as Attributes[string];
  }
  return result;
}

function toHandle(span: Span): { span: SpanHandle; failed: () => boolean } {
  let failed = false;
  return {
    failed: () => failed,
    span: {
      setAttributes: (attributes) => span.setAttributes(toAttributes(attributes)),
      addEvent: (name, attributes) =>
        span.addEvent(name, attributes === undefined ? undefined : toAttributes(attributes)),
      setError: (code, message) => {
        failed = true;
        span.setAttribute(ATTR.errorType, code);
        span.setStatus({ code: SpanStatusCode.ERROR, message });
      },
    },
  };
}

/** Waits for `promise` at most `ms` (an `unref()`ed timer): `'done'`, `'late'`, or its error. */
async function withDeadline(
  promise: Promise<unknown>,
  ms: number,
): Promise<'done' | 'late' | { error: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
    timer.unref();
  });
  try {
    return await Promise.race([promise.then(() => 'done' as const), late]);
  } catch (error) {
    return { error };
  } finally {
    clearTimeout(timer);
  }
}
