import { z } from 'zod';

/** Where and how spans go over OTLP. */
export interface ResolvedTraceExport {
  /** The full traces URL spans are POSTed to. */
  url: string;
  protocol: 'http/protobuf' | 'http/json';
  headers: Record<string, string>;
  /**
   * Longest one export may take, retries included, and so the longest the run waits for the
   * collector when it ends, in ms.
   */
  timeoutMs: number;
  /** The variable the URL came from. */
  source: string;
}

/** The run's tracing settings, from the environment. */
export interface ResolvedTraceSettings {
  /** `null`: spans go to `trace.jsonl` only. */
  export: ResolvedTraceExport | null;
  /** `service.name` of the resource. @default 'mcp-orchestrator' */
  serviceName: string;
  /** Further resource attributes (`OTEL_RESOURCE_ATTRIBUTES`, Phoenix's project name). */
  resourceAttributes: Record<string, string>;
  /** Record tool arguments and results, and model messages (`ORCHESTRATOR_TRACE_CONTENT=1`). */
  recordContent: boolean;
  /** Variables that were set but could not be used, each saying what was done instead. */
  warnings: string[];
}

/**
 * Default of {@link ResolvedTraceExport.timeoutMs}: shorter than OTLP's 10 s, so a collector
 * that is down delays the end of a run by at most this much.
 */
export const DEFAULT_EXPORT_TIMEOUT_MS = 3_000;
const DEFAULT_SERVICE_NAME = 'mcp-orchestrator';
const TRACES_PATH = 'v1/traces';

type Env = Readonly<Record<string, string | undefined>>;

const protocolSchema = z.enum(['http/protobuf', 'http/json']);
const timeoutSchema = z.coerce.number().int().positive().max(600_000);
const flagSchema = z.enum(['1', 'true', '0', 'false', '']);

/**
 * Reads the standard OTLP variables (`OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT`, `_PROTOCOL`,
 * `_HEADERS`, `_TIMEOUT`, `OTEL_SERVICE_NAME`, `OTEL_RESOURCE_ATTRIBUTES`, `OTEL_SDK_DISABLED`),
 * Phoenix's (`PHOENIX_COLLECTOR_ENDPOINT`, `PHOENIX_PROJECT_NAME`, `PHOENIX_API_KEY`,
 * `PHOENIX_CLIENT_HEADERS`) and `ORCHESTRATOR_TRACE_CONTENT`. As OpenTelemetry SDKs do, a bad
 * value never fails the run: it is named in a warning and its default used (for a bad URL: no
 * export). Pure.
 */
export function resolveTraceSettings(env: Env): ResolvedTraceSettings {
  const warnings: string[] = [];
  const resourceAttributes = parsePairs(env, 'OTEL_RESOURCE_ATTRIBUTES', warnings);
  const project = nonEmpty(env.PHOENIX_PROJECT_NAME);
  if (project !== undefined) resourceAttributes['openinference.project.name'] = project;
  return {
    export: resolveExport(env, warnings),
    serviceName:
      nonEmpty(env.OTEL_SERVICE_NAME) ?? resourceAttributes['service.name'] ?? DEFAULT_SERVICE_NAME,
    resourceAttributes,
    recordContent: resolveFlag(env, 'ORCHESTRATOR_TRACE_CONTENT', warnings),
    warnings,
  };
}

function resolveExport(env: Env, warnings: string[]): ResolvedTraceExport | null {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return null;
  const target = resolveUrl(env, warnings);
  if (target === null) return null;
  const headers = {
    ...(target.phoenix ? parsePairs(env, 'PHOENIX_CLIENT_HEADERS', warnings) : {}),
    ...(target.phoenix && nonEmpty(env.PHOENIX_API_KEY) !== undefined
      ? { authorization: `Bearer ${env.PHOENIX_API_KEY?.trim()}` }
      : {}),
    ...parsePairs(env, 'OTEL_EXPORTER_OTLP_HEADERS', warnings),
    ...parsePairs(env, 'OTEL_EXPORTER_OTLP_TRACES_HEADERS', warnings),
  };
  return {
    url: target.url,
    protocol: resolveProtocol(env, warnings),
    headers,
    timeoutMs: resolveTimeout(env, warnings),
    source: target.source,
  };
}

/** The traces URL: the traces variable as is, else a base URL with `/v1/traces` added. */
function resolveUrl(
  env: Env,
  warnings: string[],
): { url: string; source: string; phoenix: boolean } | null {
  const candidates = [
    { name: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', full: true, phoenix: false },
    { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', full: false, phoenix: false },
    { name: 'PHOENIX_COLLECTOR_ENDPOINT', full: false, phoenix: true },
  ];
  for (const candidate of candidates) {
    const raw = nonEmpty(env[candidate.name]);
    if (raw === undefined) continue;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      warnings.push(`${candidate.name}=${raw} is not a URL; traces are not exported.`);
      return null;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      warnings.push(
        `${candidate.name}=${raw}: only http:// and https:// collectors are supported; traces are not exported.`,
      );
      return null;
    }
    const href = url.href;
    const full =
      candidate.full || (candidate.phoenix && url.pathname.replace(/\/$/, '').endsWith(TRACES_PATH))
        ? href
        : `${href.endsWith('/') ? href : `${href}/`}${TRACES_PATH}`;
    return { url: full, source: candidate.name, phoenix: candidate.phoenix };
  }
  return null;
}

function resolveProtocol(env: Env, warnings: string[]): ResolvedTraceExport['protocol'] {
  for (const name of ['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL', 'OTEL_EXPORTER_OTLP_PROTOCOL']) {
    const raw = nonEmpty(env[name]);
    if (raw === undefined) continue;
    const parsed = protocolSchema.safeParse(raw.toLowerCase());
    if (parsed.success) return parsed.data;
    warnings.push(
      `${name}=${raw} is not supported (use http/protobuf or http/json); exporting with http/protobuf.`,
    );
    return 'http/protobuf';
  }
  return 'http/protobuf';
}

function resolveTimeout(env: Env, warnings: string[]): number {
  for (const name of ['OTEL_EXPORTER_OTLP_TRACES_TIMEOUT', 'OTEL_EXPORTER_OTLP_TIMEOUT']) {
    const raw = nonEmpty(env[name]);
    if (raw === undefined) continue;
    const parsed = timeoutSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    warnings.push(
      `${name}=${raw} is not a whole number of milliseconds from 1 to 600000; using ${DEFAULT_EXPORT_TIMEOUT_MS}.`,
    );
    return DEFAULT_EXPORT_TIMEOUT_MS;
  }
  return DEFAULT_EXPORT_TIMEOUT_MS;
}

function resolveFlag(env: Env, name: string, warnings: string[]): boolean {
  const raw = env[name];
  if (raw === undefined) return false;
  const parsed = flagSchema.safeParse(raw.trim().toLowerCase());
  if (!parsed.success) {
    warnings.push(`${name}=${raw} is not 1, true, 0 or false; content is not recorded.`);
    return false;
  }
  return parsed.data === '1' || parsed.data === 'true';
}

/**
 * `key=value,key2=value2` as the OpenTelemetry specification writes headers and resource
 * attributes: keys and values percent-decoded and trimmed. A malformed entry is left out and
 * named in a warning.
 */
export function parsePairs(env: Env, name: string, warnings: string[]): Record<string, string> {
  const pairs: Record<string, string> = {};
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return pairs;
  for (const entry of raw.split(',')) {
    if (entry.trim() === '') continue;
    const equals = entry.indexOf('=');
    const key = equals > 0 ? decode(entry.slice(0, equals).trim()) : undefined;
    const value = equals > 0 ? decode(entry.slice(equals + 1).trim()) : undefined;
    if (key === undefined || key === '' || value === undefined) {
      // The value may be a secret: name the key alone.
      const shown = equals > 0 ? `${entry.slice(0, equals).trim()}=…` : '(no "=")';
      warnings.push(`${name}: left out the malformed entry ${shown}; write key=value,key2=value2.`);
      continue;
    }
    pairs[key] = value;
  }
  return pairs;
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
