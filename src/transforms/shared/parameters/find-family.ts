import type { DeclarationRole } from './shapes.js';

/** A class graph as the family search walks it (Python classes, TS classes and interfaces). */
export interface ClassGraph<C, M> {
  key(cls: C): string;
  basesOf(cls: C): Promise<readonly C[]> | readonly C[];
  subclassesOf(cls: C): Promise<readonly C[]> | readonly C[];
  /** The method named `name` that `cls` declares itself. */
  memberOf(cls: C, name: string): M | undefined;
  /** Abstract, an interface's or protocol's member, or a stub. */
  isAbstract(cls: C, member: M): boolean;
}

/** The methods that change together when one method's signature changes. */
export interface MethodFamily<C, M> {
  members: Array<{ cls: C; member: M; role: DeclarationRole }>;
  /** Concrete methods of base classes that keep the old signature. */
  concreteBases: Array<{ cls: C; member: M }>;
}

async function walk<C>(
  start: readonly C[],
  next: (cls: C) => Promise<readonly C[]> | readonly C[],
  key: (cls: C) => string,
): Promise<C[]> {
  const seen = new Set(start.map(key));
  const found: C[] = [];
  const queue = [...start];
  for (let cls = queue.shift(); cls !== undefined; cls = queue.shift()) {
    for (const other of await next(cls)) {
      if (seen.has(key(other))) continue;
      seen.add(key(other));
      found.push(other);
      queue.push(other);
    }
  }
  return found;
}

/**
 * The family of the method `name` of `target`: the method itself, the abstract or interface
 * members it implements (up the bases), every override below the target, and every other
 * implementation of those abstract members. Concrete base methods are not changed; they are
 * listed so that the caller can refuse or warn.
 */
export async function findMethodFamily<C, M>(
  graph: ClassGraph<C, M>,
  target: C,
  name: string,
): Promise<MethodFamily<C, M>> {
  const key = (cls: C) => graph.key(cls);
  const own = graph.memberOf(target, name);
  const members: MethodFamily<C, M>['members'] =
    own === undefined ? [] : [{ cls: target, member: own, role: 'target' }];
  const ancestors = await walk([target], (cls) => graph.basesOf(cls), key);
  const abstract = ancestors.filter((cls) => {
    const member = graph.memberOf(cls, name);
    return member !== undefined && graph.isAbstract(cls, member);
  });
  for (const cls of abstract)
    members.push({ cls, member: graph.memberOf(cls, name) as M, role: 'abstract' });
  const overrides = await walk([target], (cls) => graph.subclassesOf(cls), key);
  const inFamily = new Set([target, ...abstract].map(key));
  for (const cls of overrides) {
    const member = graph.memberOf(cls, name);
    if (member !== undefined && !inFamily.has(key(cls))) {
      members.push({ cls, member, role: 'override' });
      inFamily.add(key(cls));
    }
  }
  for (const cls of await walk(abstract, (c) => graph.subclassesOf(c), key)) {
    const member = graph.memberOf(cls, name);
    if (member !== undefined && !inFamily.has(key(cls))) {
      members.push({ cls, member, role: 'implementation' });
      inFamily.add(key(cls));
    }
  }
  const concreteBases = ancestors.flatMap((cls) => {
    const member = graph.memberOf(cls, name);
    return member !== undefined && !inFamily.has(key(cls)) ? [{ cls, member }] : [];
  });
  return { members, concreteBases };
}
