import ts from 'typescript';
import type { SymbolDefinition, SymbolKind } from '../../../core/source-types.js';
import type { WorkspaceProject } from '../engine/workspace-project.js';
import { isRequiredName } from './commonjs.js';
import { comparePositions, findTokenAt, toLineColumn } from './positions.js';

export const KIND_BY_ELEMENT = new Map<string, SymbolKind>([
  [ts.ScriptElementKind.functionElement, 'function'],
  [ts.ScriptElementKind.localFunctionElement, 'function'],
  [ts.ScriptElementKind.classElement, 'class'],
  [ts.ScriptElementKind.localClassElement, 'class'],
  [ts.ScriptElementKind.memberFunctionElement, 'method'],
  [ts.ScriptElementKind.constructorImplementationElement, 'method'],
  [ts.ScriptElementKind.memberVariableElement, 'property'],
  [ts.ScriptElementKind.memberGetAccessorElement, 'property'],
  [ts.ScriptElementKind.memberSetAccessorElement, 'property'],
  [ts.ScriptElementKind.memberAccessorVariableElement, 'property'],
  [ts.ScriptElementKind.variableElement, 'variable'],
  [ts.ScriptElementKind.letElement, 'variable'],
  [ts.ScriptElementKind.localVariableElement, 'variable'],
  [ts.ScriptElementKind.variableUsingElement, 'variable'],
  [ts.ScriptElementKind.variableAwaitUsingElement, 'variable'],
  [ts.ScriptElementKind.constElement, 'constant'],
  [ts.ScriptElementKind.parameterElement, 'parameter'],
  [ts.ScriptElementKind.interfaceElement, 'interface'],
  [ts.ScriptElementKind.typeElement, 'type'],
  [ts.ScriptElementKind.enumElement, 'enum'],
  [ts.ScriptElementKind.enumMemberElement, 'constant'],
  [ts.ScriptElementKind.moduleElement, 'module'],
]);

/**
 * Declarations named exactly `name` in the workspace's own (non-declaration) files, at the
 * position of the declared name. Import aliases are not definitions and are left out.
 */
export function findDefinitions(project: WorkspaceProject, name: string): SymbolDefinition[] {
  const items = project.service.getNavigateToItems(name, undefined, undefined, true, true);
  const definitions: SymbolDefinition[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (item.name !== name || item.kind === ts.ScriptElementKind.alias) continue;
    if (!project.isWorkspaceFile(item.fileName) || item.fileName.endsWith('.d.ts')) continue;
    const sourceFile = project.program().getSourceFile(item.fileName);
    if (sourceFile === undefined) continue;
    const nameStart = declarationNameStart(sourceFile, item.textSpan, name);
    const nameNode = findTokenAt(sourceFile, nameStart);
    if (nameNode !== undefined && isRequiredName(nameNode)) continue;
    const definition: SymbolDefinition = {
      file: project.toRelative(item.fileName),
      ...toLineColumn(sourceFile, nameStart),
      name,
      kind: KIND_BY_ELEMENT.get(item.kind) ?? 'other',
      language: 'typescript',
    };
    if (item.containerName !== '') definition.container = item.containerName;
    const key = `${definition.file}:${definition.line}:${definition.column}`;
    if (seen.has(key)) continue;
    seen.add(key);
    definitions.push(definition);
  }
  return definitions.sort(comparePositions);
}

/** Where the declared name starts inside the declaration's span (navigate-to spans the whole node). */
function declarationNameStart(sourceFile: ts.SourceFile, span: ts.TextSpan, name: string): number {
  let declaration = findTokenAt(sourceFile, span.start);
  while (declaration !== undefined && declaration.getStart(sourceFile) >= span.start) {
    if (declaration.getEnd() >= span.start + span.length) break;
    declaration = declaration.parent;
  }
  const nameNode =
    declaration === undefined ? undefined : ts.getNameOfDeclaration(declaration as ts.Declaration);
  if (nameNode !== undefined && nameNode.getText(sourceFile) === name) {
    return nameNode.getStart(sourceFile);
  }
  const inSpan = sourceFile.text.slice(span.start, span.start + span.length);
  const match = new RegExp(`(?<![\\w$])${escapeRegExp(name)}(?![\\w$])`).exec(inSpan);
  return span.start + (match?.index ?? 0);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
