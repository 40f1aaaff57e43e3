import { createHash } from 'node:crypto';
import { mapInOrder } from '../../core/map-in-order.js';
import type { SliceRef, TextOccurrence } from '../../core/phase-outputs.js';
import type { SliceData, SliceStore, WorkspaceFiles } from '../../core/services.js';
import { compareText } from '../../core/whole-word.js';

/** Lines of context kept on each side of an occurrence. */
const CONTEXT_LINES = 3;
/** Files read at once: one at a time, 1,000 files waited ~0.5 s on the file system alone. */
const PARALLEL_READS = 16;

interface SliceDraft {
  hash: string;
  file: string;
  startLine: number;
  endLine: number;
  content: string;
}

/**
 * Cuts a slice (the occurrence's line and its context) around every occurrence; occurrences
 * whose contexts overlap share one slice, so every slice holds its occurrence(s).
 */
export async function toSlices(
  files: Pick<WorkspaceFiles, 'readText'>,
  occurrences: readonly TextOccurrence[],
  signal?: AbortSignal,
): Promise<SliceDraft[]> {
  const byFile = new Map<string, number[]>();
  for (const occurrence of occurrences) {
    const lines = byFile.get(occurrence.file) ?? [];
    lines.push(occurrence.line);
    byFile.set(occurrence.file, lines);
  }
  const ordered = [...byFile].sort(([a], [b]) => compareText(a, b));
  const perFile = await mapInOrder(ordered, PARALLEL_READS, async ([file, lines]) => {
    signal?.throwIfAborted();
    // A file that cannot be decoded has no slices; the rest are still worth caching.
    const text = await files.readText(file).catch(() => undefined);
    if (text === undefined) return [];
    const fileLines = text.split('\n');
    return toWindows(lines, fileLines.length).map(({ startLine, endLine }): SliceDraft => {
      const content = fileLines.slice(startLine - 1, endLine).join('\n');
      const hash = createHash('sha1').update(content).digest('hex');
      return { hash, file, startLine, endLine, content };
    });
  });
  return perFile.flat();
}

/** The context windows of `lines` in a file of `lineCount` lines, overlapping ones merged. */
function toWindows(
  lines: readonly number[],
  lineCount: number,
): Array<{ startLine: number; endLine: number }> {
  const windows: Array<{ startLine: number; endLine: number }> = [];
  for (const line of [...new Set(lines)].sort((a, b) => a - b)) {
    // A hit past the end (the file changed since the search) has nothing to cut.
    if (line < 1 || line > lineCount) continue;
    const startLine = Math.max(line - CONTEXT_LINES, 1);
    const endLine = Math.min(line + CONTEXT_LINES, lineCount);
    const last = windows.at(-1);
    if (last !== undefined && startLine <= last.endLine) last.endLine = endLine;
    else windows.push({ startLine, endLine });
  }
  return windows;
}

/**
 * Stores every slice not yet cached (with its embedding) and reports which were served from
 * the cache; then ranks cached slices by similarity to `query`.
 */
export async function cacheSlices(
  cache: SliceStore,
  slices: readonly SliceDraft[],
  query: string,
  signal?: AbortSignal,
): Promise<{ refs: SliceRef[]; similarFiles: Array<{ file: string; score: number }> }> {
  const refs: SliceRef[] = [];
  const missing: Array<{ sliceHash: string; data: SliceData; vector: Float32Array }> = [];
  for (const slice of slices) {
    signal?.throwIfAborted();
    const cached = (await cache.retrieve(slice.hash)) !== null;
    refs.push({
      hash: slice.hash,
      file: slice.file,
      startLine: slice.startLine,
      endLine: slice.endLine,
      cached,
    });
    if (!cached) {
      missing.push({
        sliceHash: slice.hash,
        data: {
          file: slice.file,
          content: slice.content,
          startLine: slice.startLine,
          endLine: slice.endLine,
        },
        vector: await cache.embed(`${slice.file}\n${slice.content}`),
      });
    }
  }
  signal?.throwIfAborted();
  if (missing.length > 0) await cache.storeMany(missing);
  const hits = await cache.searchSimilar(await cache.embed(query), 5);
  const similarFiles: Array<{ file: string; score: number }> = [];
  for (const hit of hits) {
    const data = await cache.retrieve(hit.hash);
    if (data && !similarFiles.some((entry) => entry.file === data.file)) {
      similarFiles.push({ file: data.file, score: Math.round(hit.score * 1000) / 1000 });
    }
  }
  return { refs, similarFiles };
}
