import { escapeHtml, missing } from './html.js';
import type { ReportResult } from './load-run-files.js';

/** Diff lines shown at most; the rest is counted, and is in diff.patch. */
export const MAX_DIFF_LINES = 5_000;

/** The change's diff, one collapsible block per file, lines coloured by kind. */
export function renderDiff(
  diff: string | null,
  diffStat: ReportResult['diffStat'] | undefined,
): string {
  if (diff === null) return missing('No diff.patch in the run folder: the run made no change.');
  if (diff.trim() === '') return missing('The diff is empty.');
  const lines = diff.replace(/\n$/, '').split('\n');
  const shown = lines.slice(0, MAX_DIFF_LINES);
  const files: Array<{ name: string; lines: string[] }> = [];
  for (const line of shown) {
    if (line.startsWith('diff --git ') || files.length === 0) {
      const name = /^diff --git a\/(.*) b\//.exec(line)?.[1] ?? line;
      files.push({ name, lines: [] });
    }
    (files.at(-1) as { lines: string[] }).lines.push(line);
  }
  const stat = new Map((diffStat?.files ?? []).map((f) => [f.file, f]));
  const blocks = files
    .map((file) => {
      const counts = stat.get(file.name);
      const summary = counts
        ? ` <span class="add">+${counts.additions}</span> <span class="del">-${counts.deletions}</span>`
        : '';
      const body = file.lines
        .map((line) => `<span class="${lineClass(line)}">${escapeHtml(line)}</span>`)
        .join('');
      return `<details class="diff-file" open><summary><code>${escapeHtml(file.name)}</code>${summary}</summary><pre class="diff">${body}</pre></details>`;
    })
    .join('');
  const cut =
    lines.length > shown.length
      ? `<p class="missing">${lines.length - shown.length} more lines are left out here; the whole diff is in diff.patch.</p>`
      : '';
  const total = diffStat
    ? `<p class="note">${diffStat.files.length} file(s), <span class="add">+${diffStat.additions}</span> <span class="del">-${diffStat.deletions}</span></p>`
    : '';
  return `${total}${blocks}${cut}`;
}

function lineClass(line: string): string {
  if (
    line.startsWith('diff --git') ||
    line.startsWith('index ') ||
    line.startsWith('+++') ||
    line.startsWith('---')
  )
    return 'meta';
  if (line.startsWith('@@')) return 'hunk';
  if (line.startsWith('+')) return 'add';
  if (line.startsWith('-')) return 'del';
  return 'ctx';
}
