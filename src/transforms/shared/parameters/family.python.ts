import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SourcePosition } from '../../../core/source-types.js';
import type { PythonWorkspace } from '../../../lang/python/engine/python-workspace.js';
import {
  createPythonClassGraph,
  type PythonClassGraph,
} from '../../../lang/python/queries/find-class-hierarchy.js';
import {
  type PythonClass,
  type PythonDeclaration,
  readPythonDeclarations,
  toPositionTuple,
} from '../../../lang/python/queries/find-signature-shapes.js';
import { collectPythonCalls } from './calls.python.js';
import { findMethodFamily } from './find-family.js';
import type { DeclarationRole, DeclarationShape, FamilyNote, SignatureFamily } from './shapes.js';

/** A note about the family for the plan: where, what kind, and words for people. */
/** What the Python half found: the family, as read, and what a planner must know besides. */
export interface PythonFamily {
  family: SignatureFamily;
  /** The declarations as the script read them, in the family's order. */
  raw: PythonDeclaration[];
  /** Concrete base methods that keep the old signature. */
  concreteBases: Array<{ shape: DeclarationShape; raw: PythonDeclaration }>;
  /** Set when the target cannot be changed: why. */
  unsupported?: FamilyNote;
  reported: FamilyNote[];
}

/** Decorators that say nothing about how calls reach the function. */
const PLAIN_DECORATORS = new Set([
  'staticmethod',
  'classmethod',
  'abstractmethod',
  'override',
  'overload',
  'wraps',
]);
const PROPERTY_DECORATORS = new Set(['property', 'cached_property', 'setter', 'getter', 'deleter']);

const lastPart = (decorator: string): string => decorator.split('.').at(-1) ?? decorator;

function toBinding(raw: PythonDeclaration): DeclarationShape['binding'] {
  const names = raw.decorators.map(lastPart);
  if (names.includes('staticmethod')) return 'static-method';
  if (names.includes('classmethod')) return 'class-method';
  return raw.className === undefined ? 'function' : 'method';
}

/** The model of one `def`'s parameter list. */
export function toPythonShape(
  raw: PythonDeclaration,
  at: SourcePosition,
  role: DeclarationRole,
): DeclarationShape {
  return {
    file: at.file,
    line: at.line,
    column: at.column,
    name: raw.name,
    ...(raw.className === undefined ? {} : { container: raw.className }),
    role,
    binding: toBinding(raw),
    hasBody: true,
    open: toPositionTuple(raw.open),
    close: toPositionTuple(raw.close),
    parenthesized: true,
    slots: raw.slots.map((slot) => ({
      kind: slot.kind,
      ...(slot.name === undefined ? {} : { name: slot.name }),
      ...(slot.namePosition === undefined
        ? {}
        : { namePosition: toPositionTuple(slot.namePosition) }),
      start: toPositionTuple(slot.start),
      end: toPositionTuple(slot.end),
      hasDefault: slot.hasDefault,
    })),
  };
}

function unsupportedReason(raw: PythonDeclaration): string | undefined {
  if (raw.decorators.some((d) => PROPERTY_DECORATORS.has(lastPart(d)))) {
    return `${raw.name} is a property; its signature is fixed`;
  }
  if (raw.className !== undefined && (raw.name === '__init__' || raw.name === '__new__')) {
    return `${raw.className}.${raw.name} is a constructor; constructors are not supported yet`;
  }
  return undefined;
}

/**
 * The family of the `def` at `at` — the function, or the method with the abstract members it
 * implements, its overrides and the other implementations — with every call and every other
 * use of them. `name` asks for the body's uses of that name; `readTexts` for the file texts.
 */
export async function collectPythonFamily(
  workspace: PythonWorkspace,
  at: SourcePosition,
  options: { name?: string; readTexts: boolean },
  signal?: AbortSignal,
): Promise<PythonFamily> {
  const [first] = await readPythonDeclarations(workspace, [at], options.name, signal);
  const empty: SignatureFamily = {
    syntax: 'python',
    declarations: [],
    calls: [],
    dynamic: [],
    texts: new Map(),
    seen: [],
  };
  if (first === undefined || 'error' in first) {
    const detail = `there is no def at ${at.file}:${at.line}:${at.column} (a lambda or a value cannot change its signature)`;
    return {
      family: empty,
      raw: [],
      concreteBases: [],
      unsupported: { at, kind: 'unsupported-target', detail },
      reported: [],
    };
  }
  const why = unsupportedReason(first);
  if (why !== undefined) {
    return {
      family: empty,
      raw: [],
      concreteBases: [],
      unsupported: { at, kind: 'unsupported-target', detail: why },
      reported: [],
    };
  }
  const graph =
    first.className === undefined ? undefined : await createPythonClassGraph(workspace, signal);
  const members: Array<{ at: SourcePosition; role: DeclarationRole }> = [{ at, role: 'target' }];
  const bases: SourcePosition[] = [];
  const cls = first.classPosition && graph?.classAt({ file: at.file, ...first.classPosition });
  if (graph !== undefined && cls) {
    const found = await findMethodFamily(toFamilyGraph(graph, signal), cls, first.name);
    for (const member of found.members.slice(1))
      members.push({
        at: { file: member.cls.file, line: member.member.line, column: member.member.column },
        role: member.role,
      });
    for (const base of found.concreteBases)
      bases.push({ file: base.cls.file, line: base.member.line, column: base.member.column });
  }
  const read = await readPythonDeclarations(
    workspace,
    [...members.map((m) => m.at), ...bases],
    options.name,
    signal,
  );
  const raw: PythonDeclaration[] = [];
  const declarations: DeclarationShape[] = [];
  members.forEach((member, i) => {
    const one = read[i];
    if (one === undefined || 'error' in one) return;
    raw.push(one);
    declarations.push(toPythonShape(one, member.at, member.role));
  });
  const concreteBases = bases.flatMap((base, i) => {
    const one = read[members.length + i];
    return one === undefined || 'error' in one
      ? []
      : [{ shape: toPythonShape(one, base, 'override'), raw: one }];
  });
  const classNames = new Set((graph?.classes ?? []).map((c) => c.name));
  const { calls, dynamic, seen } = await collectPythonCalls(
    workspace,
    declarations,
    classNames,
    signal,
  );
  const files = new Set(
    [...declarations, ...concreteBases.map((b) => b.shape), ...calls].map((d) => d.file),
  );
  const texts = new Map<string, string>();
  if (options.readTexts) {
    for (const file of [...files].sort())
      texts.set(file, await readFile(path.join(workspace.root, ...file.split('/')), 'utf8'));
  }
  const reported = declarations.flatMap((d, i) =>
    (raw[i] as PythonDeclaration).decorators
      .filter((decorator) => !PLAIN_DECORATORS.has(lastPart(decorator)))
      .map((decorator) => ({
        at: d,
        kind: 'decorator',
        detail: `${d.name} is decorated with @${decorator}: calls reach it through the decorator, which must pass the arguments on`,
      })),
  );
  return {
    family: { syntax: 'python', declarations, calls, dynamic, texts, seen },
    raw,
    concreteBases,
    reported,
  };
}

function toFamilyGraph(graph: PythonClassGraph, signal?: AbortSignal) {
  return {
    key: (c: PythonClass) => `${c.file}:${c.line}:${c.column}`,
    basesOf: (c: PythonClass) => graph.basesOf(c, signal),
    subclassesOf: (c: PythonClass) => graph.subclassesOf(c, signal),
    memberOf: (c: PythonClass, name: string) =>
      Object.hasOwn(c.methods, name) ? c.methods[name] : undefined,
    isAbstract: (c: PythonClass, member: PythonClass['methods'][string]) =>
      c.protocol || member.abstract,
  };
}
