import { throwIfAborted } from '../engine/workspace-files.js';
import type { WorkspaceProject } from '../engine/workspace-project.js';
import ts from '../typescript.js';
import { isCommonJsExportLiteral, isRequiredName } from './commonjs.js';
import { findNameNodeAt } from './positions.js';

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
    for (const candidate of findCandidates(project, name, known)) {
      throwIfAborted(signal);
      if (candidate.kind === 'member') {
        // TypeScript answers nothing when asked at `mod.name` for a require()d module, but
        // its checker knows the property's declaration.
        if (declaredAtKnownSpan(project, candidate.node, known)) {
          grew =
            add({ fileName: candidate.fileName, start: candidate.start, length: name.length }) ||
            grew;
        }
        continue;
      }
      const spans = query(candidate.fileName, candidate.start);
      if (!spans.some((span) => known(spanKey(span)))) continue;
      for (const span of spans) grew = add(span) || grew;
    }
    if (!grew) return;
  }
}

function declaredAtKnownSpan(
  project: WorkspaceProject,
  node: ts.Identifier,
  known: (key: string) => boolean,
): boolean {
  const symbol = project.program().getTypeChecker().getSymbolAtLocation(node);
  return (symbol?.declarations ?? []).some((declaration) => {
    // A plain object's shorthand keeps its property name when the variable is renamed.
    if (
      ts.isShorthandPropertyAssignment(declaration) &&
      !isCommonJsExportLiteral(declaration.parent)
    ) {
      return false;
    }
    const declared = ts.getNameOfDeclaration(declaration) ?? declaration;
    const sourceFile = declared.getSourceFile();
    return known(spanKey({ fileName: sourceFile.fileName, start: declared.getStart(sourceFile) }));
  });
}

interface Candidate {
  /** `binding`: bound from require() (ask TypeScript there); `member`: `x.name` access. */
  kind: 'binding' | 'member';
  fileName: string;
  start: number;
  node: ts.Identifier;
}

/** Occurrences of `name`, in files that call require(), that are not known yet. */
function findCandidates(
  project: WorkspaceProject,
  name: string,
  known: (key: string) => boolean,
): Candidate[] {
  const pattern = new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
  const candidates: Candidate[] = [];
  for (const file of project.program().getSourceFiles()) {
    if (!project.isWorkspaceFile(file.fileName)) continue;
    if (!file.text.includes('require') || !file.text.includes(name)) continue;
    for (const match of file.text.matchAll(pattern)) {
      if (known(spanKey({ fileName: file.fileName, start: match.index }))) continue;
      const node = findNameNodeAt(file, match.index);
      if (node === undefined || !ts.isIdentifier(node)) continue;
      const base = { fileName: file.fileName, start: match.index, node };
      if (isRequiredName(node)) candidates.push({ ...base, kind: 'binding' });
      else if (ts.isPropertyAccessExpression(node.parent) && node.parent.name === node) {
        candidates.push({ ...base, kind: 'member' });
      }
    }
  }
  return candidates;
}
