import { createRequire } from 'node:module';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { toErrorMessage } from '../core/errors.js';
import type { ResolvedTraceExport } from './trace-settings.js';

type ExportCallback = Parameters<SpanExporter['export']>[1];
type JsonExporters = typeof import('@opentelemetry/exporter-trace-otlp-http');
type ProtobufExporters = typeof import('@opentelemetry/exporter-trace-otlp-proto');

/**
 * The exporter packages load only when a collector is configured: with theirs, OTLP's
 * transformer and metrics SDK (~150 modules, ~0.12 s), which a run exporting nowhere never needs.
 */
const require = createRequire(import.meta.url);
/** `ExportResultCode.SUCCESS` from `@opentelemetry/core`. */
const SUCCESS = 0;

/**
 * The official OTLP/HTTP exporter for `settings.protocol` (`@opentelemetry/exporter-trace-otlp-proto`
 * or `-http` for JSON), sending to `settings.url` with `settings.headers`, each export (retries
 * included) bounded by `settings.timeoutMs`. The first failed export is told once through
 * `warn`, naming the collector and where the spans still are; later failures are quiet.
 */
export function createOtlpExporter(
  settings: ResolvedTraceExport,
  options: { warn: (message: string) => void; traceFile: string },
): SpanExporter {
  const config = {
    url: settings.url,
    headers: settings.headers,
    timeoutMillis: settings.timeoutMs,
  };
  const inner: SpanExporter =
    settings.protocol === 'http/json'
      ? new (require('@opentelemetry/exporter-trace-otlp-http') as JsonExporters).OTLPTraceExporter(
          config,
        )
      : new (
          require('@opentelemetry/exporter-trace-otlp-proto') as ProtobufExporters
        ).OTLPTraceExporter(config);
  let warned = false;
  const warnOnce = (reason: string): void => {
    if (warned) return;
    warned = true;
    options.warn(
      `Trace export to ${settings.url} (${settings.protocol}, from ${settings.source}) failed: ${reason}. The run goes on; its spans are in ${options.traceFile}.`,
    );
  };
  return {
    export(spans: ReadableSpan[], resultCallback: ExportCallback) {
      inner.export(spans, (result) => {
        if (result.code !== SUCCESS) warnOnce(describe(result.error));
        resultCallback(result);
      });
    },
    shutdown: () => inner.shutdown(),
    forceFlush: async () => inner.forceFlush?.(),
  };
}

function describe(error: unknown): string {
  if (error === undefined) return 'no reason given';
  const base = toErrorMessage(error);
  const code = (error as { code?: unknown }).code;
  const cause = (error as { cause?: unknown }).cause;
  const detail = typeof code === 'string' || typeof code === 'number' ? ` (${code})` : '';
  return cause === undefined ? `${base}${detail}` : `${base}${detail}: ${toErrorMessage(cause)}`;
}
