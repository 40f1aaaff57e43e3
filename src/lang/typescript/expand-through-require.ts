import ts from 'typescript';
import { isRequiredName } from './commonjs.js';
import { findNameNodeAt } from './positions.js';
import { throwIfAborted } from './workspace-files.js';
import type { WorkspaceProject } from './workspace-project.js';

/** A span in an absolute file. */
export interface FileSpan {
  fileName: string;
  start: number;
  length: number;
}

/** The key {@link expandThroughRequire} matches spans by. */
export function spanKey(span: { fileName: string; start: number }): string {
  return `${span.fileName}:${span.start}`;
}

const MAX_ROUNDS = 5;

/**
 * TypeScript links `const { name } = require('./m')` to the module's export only when asked
 * from the require side. This asks from every such binding of `name` in the workspace and
 * adds the answer (through `add`) when it shares a span with what is known so far.
 */
export function expandThroughRequire(
  project: WorkspaceProject,
  name: string,
  known: (key: string) => boolean,
  query: (fileName: string, start: number) => FileSpan[],
  add: (span: FileSpan) => boolean,
  signal?: AbortSignal,
): void {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let grew = false;
    for (const candidate of findRequiredNames(project, name, known)) {
      throwIfAborted(signal);
      const spans = query(candidate.fileName, candidate.start);
      if (!spans.some((span) => known(spanKey(span)))) continue;
      for (const span of spans) grew = add(span) || grew;
    }
    if (!grew) return;
  }
}

/** Occurrences of `name` bound from `require(...)` that are not known yet. */
function findRequiredNames(
  project: WorkspaceProject,
  name: string,
  known: (key: string) => boolean,
): Array<{ fileName: string; start: number }> {
  const pattern = new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
  const candidates: Array<{ fileName: string; start: number }> = [];
  for (const file of project.program().getSourceFiles()) {
    if (!project.isWorkspaceFile(file.fileName)) continue;
    if (!file.text.includes('require') || !file.text.includes(name)) continue;
    for (const match of file.text.matchAll(pattern)) {
      if (known(spanKey({ fileName: file.fileName, start: match.index }))) continue;
      const node = findNameNodeAt(file, match.index);
      if (node !== undefined && ts.isIdentifier(node) && isRequiredName(node)) {
        candidates.push({ fileName: file.fileName, start: match.index });
      }
    }
  }
  return candidates;
}
