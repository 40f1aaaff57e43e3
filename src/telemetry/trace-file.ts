import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { HrTime } from '@opentelemetry/api';
import { SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { z } from 'zod';

/** File name of the trace inside a run folder. */
export const TRACE_FILE_NAME = 'trace.jsonl';

/** One line of `trace.jsonl`: one ended span. */
export interface TraceLine {
  traceId: string;
  spanId: string;
  /** `null` for a root span. */
  parentSpanId: string | null;
  name: string;
  /** ISO 8601 start time. */
  startTime: string;
  /** Wall time of the span, in milliseconds (microsecond precision). */
  durationMs: number;
  attributes: Record<string, unknown>;
  status: { code: 'UNSET' | 'OK' | 'ERROR'; message?: string };
  events: Array<{ name: string; time: string; attributes: Record<string, unknown> }>;
}

type ExportCallback = Parameters<SpanExporter['export']>[1];
/** `ExportResultCode` from `@opentelemetry/core`, which is not a direct dependency. */
const SUCCESS = 0;
const FAILED = 1;

/**
 * A span exporter that appends one JSON line per span ({@link TraceLine}) to `filePath`,
 * synchronously, so a line is on disk as soon as its span ends — even if the process dies next.
 * Creates the folder. `shutdown()` closes the file and is safe to call twice.
 */
export function createTraceFileExporter(filePath: string): SpanExporter {
  mkdirSync(path.dirname(filePath), { recursive: true });
  let fd: number | null = openSync(filePath, 'a');
  const close = () => {
    if (fd === null) return;
    const open = fd;
    fd = null;
    closeSync(open);
  };
  return {
    export(spans: ReadableSpan[], resultCallback: ExportCallback) {
      if (fd === null) {
        resultCallback({ code: FAILED, error: new Error(`Trace file ${filePath} is closed.`) });
        return;
      }
      try {
        writeSync(fd, spans.map((span) => `${JSON.stringify(toTraceLine(span))}\n`).join(''));
        resultCallback({ code: SUCCESS });
      } catch (error) {
        resultCallback({
          code: FAILED,
          error: error instanceof Error ? error : new Error(String(error)),
        });
      }
    },
    async shutdown() {
      close();
    },
    async forceFlush() {
      // Every export is written synchronously; there is nothing buffered.
    },
  };
}

/** Converts an ended span to its {@link TraceLine}. */
export function toTraceLine(span: ReadableSpan): TraceLine {
  const context = span.spanContext();
  const status: TraceLine['status'] = { code: toStatusCode(span.status.code) };
  if (span.status.message !== undefined && span.status.message !== '')
    status.message = span.status.message;
  return {
    traceId: context.traceId,
    spanId: context.spanId,
    parentSpanId: span.parentSpanContext?.spanId ?? null,
    name: span.name,
    startTime: toIso(span.startTime),
    durationMs: Math.round((span.duration[0] * 1e3 + span.duration[1] / 1e6) * 1000) / 1000,
    attributes: { ...span.attributes },
    status,
    events: span.events.map((event) => ({
      name: event.name,
      time: toIso(event.time),
      attributes: { ...(event.attributes ?? {}) },
    })),
  };
}

function toIso(time: HrTime): string {
  return new Date(time[0] * 1000 + Math.floor(time[1] / 1e6)).toISOString();
}

function toStatusCode(code: SpanStatusCode): TraceLine['status']['code'] {
  if (code === SpanStatusCode.OK) return 'OK';
  if (code === SpanStatusCode.ERROR) return 'ERROR';
  return 'UNSET';
}

/** A line of `trace.jsonl` as read back (a file from an older or crashed run is checked too). */
export const TraceLineSchema = z.object({
  traceId: z.string(),
  spanId: z.string(),
  parentSpanId: z.string().nullable(),
  name: z.string(),
  startTime: z.iso.datetime(),
  durationMs: z.number().finite().nonnegative(),
  attributes: z.record(z.string(), z.unknown()),
  status: z.object({
    code: z.enum(['UNSET', 'OK', 'ERROR']),
    message: z.string().optional(),
  }),
  events: z.array(
    z.object({ name: z.string(), time: z.string(), attributes: z.record(z.string(), z.unknown()) }),
  ),
}) satisfies z.ZodType<TraceLine>;
