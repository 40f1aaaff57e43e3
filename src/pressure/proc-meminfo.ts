import { OrchestratorError } from '../core/errors.js';

/** The `/proc/meminfo` figures the monitor uses, in bytes. */
export interface MeminfoBytes {
  totalBytes: number;
  availableBytes: number;
  swapUsedBytes: number;
}

function field(text: string, name: string): number | undefined {
  const lines = `\n${text}`;
  const at = lines.indexOf(`\n${name}:`);
  if (at === -1) return undefined;
  const end = lines.indexOf('\n', at + 1);
  const kb = Number.parseInt(lines.slice(at + name.length + 2, end === -1 ? undefined : end), 10);
  return Number.isFinite(kb) ? kb * 1024 : undefined;
}

/**
 * Parses `/proc/meminfo` text. `MemAvailable` is missing before Linux 3.14: then free + buffers
 * + cached stands in for it. Throws `INTERNAL` when `MemTotal` is missing.
 */
export function toMeminfoBytes(text: string): MeminfoBytes {
  const totalBytes = field(text, 'MemTotal');
  if (totalBytes === undefined || totalBytes <= 0) {
    throw new OrchestratorError('INTERNAL', '/proc/meminfo has no usable MemTotal line.');
  }
  const availableBytes =
    field(text, 'MemAvailable') ??
    (field(text, 'MemFree') ?? 0) + (field(text, 'Buffers') ?? 0) + (field(text, 'Cached') ?? 0);
  const swapUsedBytes = Math.max(
    0,
    (field(text, 'SwapTotal') ?? 0) - (field(text, 'SwapFree') ?? 0),
  );
  return { totalBytes, availableBytes: Math.min(availableBytes, totalBytes), swapUsedBytes };
}
