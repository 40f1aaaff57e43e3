import type { Position } from '../../../core/change/change-types.js';
import type { SourcePosition } from '../../../core/source-types.js';
import type { WorkspaceProject } from '../../../lang/typescript/engine/workspace-project.js';
import {
  type ClassLike,
  findBaseDeclarations,
  findDerivedDeclarations,
} from '../../../lang/typescript/queries/class-heritage.js';
import {
  findMembersNamed,
  findNamedFunction,
  isAbstractMember,
  type NamedFunction,
} from '../../../lang/typescript/queries/function-like-at.js';
import {
  findNameNodeAt,
  toPositionTuple,
  toProgramLocation,
} from '../../../lang/typescript/queries/positions.js';
import ts from '../../../lang/typescript/typescript.js';
import { collectTypeScriptCalls } from './calls.typescript.js';
import { findMethodFamily } from './find-family.js';
import type {
  DeclarationRole,
  DeclarationShape,
  FamilyNote,
  ParameterSlot,
  SignatureFamily,
} from './shapes.js';

/** What the TS/JS half found: the family, its functions, and what a planner must know besides. */
export interface TypeScriptFamily {
  family: SignatureFamily;
  /** The functions, in the family's order. */
  members: NamedFunction[];
  /** Concrete base methods that keep the old signature. */
  concreteBases: Array<{ shape: DeclarationShape; named: NamedFunction }>;
  unsupported?: FamilyNote;
  reported: FamilyNote[];
}

/** Where a node starts, as a position. */
export function positionOf(node: ts.Node): Position {
  const sourceFile = node.getSourceFile();
  return toPositionTuple(sourceFile, node.getStart(sourceFile));
}

/** The model of one function's parameter list. */
export function toTypeScriptShape(
  project: WorkspaceProject,
  named: NamedFunction,
  role: DeclarationRole,
): DeclarationShape {
  const sourceFile = named.fn.getSourceFile();
  const at = (offset: number) => toPositionTuple(sourceFile, offset);
  const children = named.fn.getChildren(sourceFile);
  const open = children.find((c) => c.kind === ts.SyntaxKind.OpenParenToken);
  const close = children.find((c) => c.kind === ts.SyntaxKind.CloseParenToken);
  const slots = named.fn.parameters.map((p): ParameterSlot => {
    const name = ts.isIdentifier(p.name) ? p.name.text : undefined;
    return {
      kind: name === 'this' ? 'this' : p.dotDotDotToken ? 'var-positional' : 'regular',
      ...(name === undefined ? {} : { name, namePosition: positionOf(p.name) }),
      start: at(p.getStart(sourceFile)),
      end: at(p.end),
      hasDefault: p.initializer !== undefined || p.questionToken !== undefined,
    };
  });
  const [line, column] = positionOf(named.name);
  const lone = slots[0];
  const containerName =
    named.container !== undefined && 'name' in named.container
      ? named.container.name?.getText(sourceFile)
      : undefined;
  return {
    file: project.toRelative(sourceFile.fileName),
    line,
    column,
    name: named.name.getText(sourceFile),
    ...(containerName === undefined ? {} : { container: containerName }),
    role,
    binding: 'function',
    hasBody: 'body' in named.fn && named.fn.body !== undefined,
    open: open === undefined ? (lone?.start ?? positionOf(named.fn)) : at(open.end),
    close:
      close === undefined ? (lone?.end ?? positionOf(named.fn)) : at(close.getStart(sourceFile)),
    parenthesized: open !== undefined,
    slots,
  };
}

/** The overloads of the function (its other declarations of the same kind), itself first. */
function overloadsOf(checker: ts.TypeChecker, named: NamedFunction): NamedFunction[] {
  const found = [named];
  for (const declaration of checker.getSymbolAtLocation(named.name)?.declarations ?? []) {
    if (declaration === named.owner || declaration.kind !== named.owner.kind) continue;
    const name = ts.getNameOfDeclaration(declaration);
    const other = name === undefined ? undefined : findNamedFunction(name);
    if (other !== undefined && 'fn' in other) found.push(other);
  }
  return found;
}

function isClassOrInterface(node: unknown): node is ClassLike {
  return (
    node !== undefined &&
    (ts.isClassLike(node as ts.Node) || ts.isInterfaceDeclaration(node as ts.Node))
  );
}

/**
 * The family of the function named at `at` — its overloads; for a method, the abstract and
 * interface members it implements, its overrides and the other implementations — with every
 * call and every other use of them.
 */
export async function collectTypeScriptFamily(
  project: WorkspaceProject,
  at: SourcePosition,
): Promise<TypeScriptFamily> {
  const { sourceFile, offset } = toProgramLocation(project, at);
  const syntax = /\.[cm]?jsx?$/.test(sourceFile.fileName) ? 'javascript' : 'typescript';
  const empty: SignatureFamily = {
    syntax,
    declarations: [],
    calls: [],
    dynamic: [],
    texts: new Map(),
    seen: [],
  };
  const node = findNameNodeAt(sourceFile, offset);
  const named = node === undefined ? { reason: 'there is no name there' } : findNamedFunction(node);
  if (!('fn' in named)) {
    const detail = `${node?.getText(sourceFile) ?? 'the name'} at ${at.file}:${at.line} cannot change its parameters: ${named.reason}`;
    return {
      family: empty,
      members: [],
      concreteBases: [],
      unsupported: { at, kind: 'unsupported-target', detail },
      reported: [],
    };
  }
  const checker = project.program().getTypeChecker();
  const members: Array<{ named: NamedFunction; role: DeclarationRole }> = overloadsOf(
    checker,
    named,
  ).map((n) => ({ named: n, role: 'target' }));
  const concrete: NamedFunction[] = [];
  if (isClassOrInterface(named.container)) {
    const inWorkspace = (c: ClassLike) => project.isWorkspaceFile(c.getSourceFile().fileName);
    const found = await findMethodFamily(
      {
        key: (c: ClassLike) => `${c.getSourceFile().fileName}:${c.pos}`,
        basesOf: (c: ClassLike) => findBaseDeclarations(checker, c).filter(inWorkspace),
        subclassesOf: (c: ClassLike) => findDerivedDeclarations(project, c),
        memberOf: (c: ClassLike, name: string) => {
          const list = findMembersNamed(c, name);
          return list.length === 0 ? undefined : list;
        },
        isAbstract: (_c: ClassLike, list: NamedFunction[]) => list.every(isAbstractMember),
      },
      named.container,
      named.name.getText(sourceFile),
    );
    for (const member of found.members.slice(1))
      for (const n of member.member) members.push({ named: n, role: member.role });
    for (const base of found.concreteBases) concrete.push(...base.member);
  }
  const declarations = members.map((m) => toTypeScriptShape(project, m.named, m.role));
  const { calls, dynamic, others, seen } = collectTypeScriptCalls(
    project,
    members.map((m) => m.named),
    declarations,
    concrete,
  );
  const texts = new Map<string, string>();
  for (const file of new Set([...declarations, ...calls].map((d) => d.file)))
    texts.set(file, project.sourceFile(file).text);
  const reported: FamilyNote[] = [...others];
  for (const [i, member] of members.entries()) {
    const decorators = ts.canHaveDecorators(member.named.owner)
      ? (ts.getDecorators(member.named.owner) ?? [])
      : [];
    for (const decorator of decorators) {
      const shape = declarations[i] as DeclarationShape;
      reported.push({
        at: shape,
        kind: 'decorator',
        detail: `${shape.name} is decorated with ${decorator.getText()}: calls reach it through the decorator, which must pass the arguments on`,
      });
    }
  }
  return {
    family: { syntax, declarations, calls, dynamic, texts, seen },
    members: members.map((m) => m.named),
    concreteBases: concrete.map((n) => ({
      shape: toTypeScriptShape(project, n, 'override'),
      named: n,
    })),
    reported,
  };
}
