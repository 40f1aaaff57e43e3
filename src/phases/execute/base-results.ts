import { z } from 'zod';
import type { DiagnosticsReport } from '../../core/diagnostics.js';
import type { BaseResultCache } from '../../core/services.js';

const diagnosticsSchema = z.object({
  checked: z.array(z.string()),
  configs: z.array(z.string()),
  diagnostics: z.array(
    z.object({
      file: z.string(),
      line: z.number(),
      column: z.number(),
      code: z.string(),
      message: z.string(),
      severity: z.enum(['error', 'warning']),
    }),
  ),
});

const commandRunSchema = z.object({
  exitCode: z.number().nullable(),
  lines: z.array(z.string()),
  durationMs: z.number(),
});

/** A compile command's run at the base, its output with the folder it ran in taken out. */
export type BaseCommandRun = z.infer<typeof commandRunSchema>;

/** A value computed at the base, and whether an earlier run had computed it. */
export interface AtBase<T> {
  value: T;
  cached: boolean;
}

/**
 * The type checkers' findings at `baseCommit` for exactly `files` (not their importers): from an
 * earlier run when one stored them, else computed and stored. `cache` is undefined when the analysis did
 * not see the base as committed (a dirty checkout under --allow-dirty): computed, not stored.
 */
export async function diagnosticsAtBase(
  cache: BaseResultCache | undefined,
  baseCommit: string,
  files: readonly string[],
  compute: () => Promise<DiagnosticsReport>,
): Promise<AtBase<DiagnosticsReport>> {
  // 'files only': entries of earlier versions held the files' importers' findings too.
  const key = ['diagnostics', 'files only', baseCommit, [...files].sort()];
  return remembered(cache, key, diagnosticsSchema, compute);
}

/**
 * `command` run at `baseCommit`: from an earlier run when one stored it, else run and stored —
 * unless it timed out (`exitCode` null): a slow machine's verdict is not the base's.
 */
export async function commandAtBase(
  cache: BaseResultCache | undefined,
  baseCommit: string,
  command: readonly string[],
  compute: () => Promise<BaseCommandRun>,
): Promise<AtBase<BaseCommandRun>> {
  return remembered(
    cache,
    ['command', baseCommit, command],
    commandRunSchema,
    compute,
    (run) => run.exitCode !== null,
  );
}

async function remembered<T>(
  cache: BaseResultCache | undefined,
  key: readonly unknown[],
  schema: z.ZodType<T>,
  compute: () => Promise<T>,
  storable: (value: T) => boolean = () => true,
): Promise<AtBase<T>> {
  const stored = cache === undefined ? undefined : schema.safeParse(await cache.get(key));
  if (stored?.success === true) return { value: stored.data, cached: true };
  const value = await compute();
  if (storable(value)) await cache?.set(key, value);
  return { value, cached: false };
}
