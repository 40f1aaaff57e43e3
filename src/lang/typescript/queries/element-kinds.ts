import type { SymbolKind } from '../../../core/source-types.js';
import ts from '../typescript.js';

/** Our symbol kind for each of the language service's element kinds. */
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
