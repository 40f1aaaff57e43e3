import ts from '../typescript.js';

/** A function whose parameters a signature change edits, and the declaration that names it. */
export interface NamedFunction {
  /** What holds the parameters: a function, method, arrow, function expression or function type. */
  fn: ts.SignatureDeclaration;
  /** The declaration the name belongs to (the variable of `const f = () => …`). */
  owner: ts.Declaration;
  name: ts.Identifier | ts.PrivateIdentifier | ts.StringLiteral;
  /** The class, interface or object literal that declares it as a member. */
  container?:
    | ts.ClassLikeDeclaration
    | ts.InterfaceDeclaration
    | ts.ObjectLiteralExpression
    | ts.TypeLiteralNode;
}

/** Why the name is not a function whose parameters can change. */
export type NotAFunction = { reason: string };

/** The function an initializer or type holds, through parentheses and `as`/`satisfies`. */
function functionOf(node: ts.Node | undefined): ts.SignatureDeclaration | undefined {
  let current = node;
  while (
    current !== undefined &&
    (ts.isParenthesizedExpression(current) ||
      ts.isAsExpression(current) ||
      ts.isSatisfiesExpression(current) ||
      ts.isParenthesizedTypeNode(current))
  ) {
    current = ts.isParenthesizedTypeNode(current) ? current.type : current.expression;
  }
  if (current === undefined) return undefined;
  if (
    ts.isArrowFunction(current) ||
    ts.isFunctionExpression(current) ||
    ts.isFunctionTypeNode(current)
  )
    return current;
  return undefined;
}

function containerOf(node: ts.Node): NamedFunction['container'] {
  const parent = node.parent;
  if (
    ts.isClassLike(parent) ||
    ts.isInterfaceDeclaration(parent) ||
    ts.isObjectLiteralExpression(parent) ||
    ts.isTypeLiteralNode(parent)
  ) {
    return parent;
  }
  return undefined;
}

/**
 * The function named by the identifier `name`: a function declaration, a method (of a class,
 * interface or object literal), or a variable, property or member holding an arrow, a function
 * expression or a function type. Constructors, accessors and other names are not.
 */
export function findNamedFunction(name: ts.Node): NamedFunction | NotAFunction {
  const owner = name.parent;
  if (
    owner === undefined ||
    !(ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name))
  ) {
    return { reason: 'it is not a name' };
  }
  if (ts.getNameOfDeclaration(owner as unknown as ts.Declaration) !== name) {
    return { reason: 'it is not where a function is declared' };
  }
  if (ts.isGetAccessor(owner) || ts.isSetAccessor(owner))
    return { reason: 'it is an accessor; its signature is fixed' };
  if (ts.isClassLike(owner))
    return {
      reason: 'it is a class; name one of its methods (constructors are not supported yet)',
    };
  let fn: ts.SignatureDeclaration | undefined;
  if (
    ts.isFunctionDeclaration(owner) ||
    ts.isMethodDeclaration(owner) ||
    ts.isMethodSignature(owner)
  )
    fn = owner;
  else if (
    ts.isVariableDeclaration(owner) ||
    ts.isPropertyDeclaration(owner) ||
    ts.isPropertyAssignment(owner)
  ) {
    fn =
      functionOf(owner.initializer) ??
      (ts.isPropertyAssignment(owner) ? undefined : functionOf(owner.type));
  } else if (ts.isPropertySignature(owner)) fn = functionOf(owner.type);
  if (fn === undefined) return { reason: 'it does not hold a function' };
  const container = containerOf(owner);
  return {
    fn,
    owner: owner as unknown as ts.Declaration,
    name,
    ...(container === undefined ? {} : { container }),
  };
}

/** The named functions a class-like or interface declares under `name` (overloads included). */
export function findMembersNamed(
  container: ts.ClassLikeDeclaration | ts.InterfaceDeclaration,
  name: string,
): NamedFunction[] {
  const found: NamedFunction[] = [];
  for (const member of container.members) {
    const memberName = member.name;
    if (
      memberName === undefined ||
      !(ts.isIdentifier(memberName) || ts.isStringLiteral(memberName))
    )
      continue;
    if (memberName.text !== name) continue;
    const named = findNamedFunction(memberName);
    if ('fn' in named) found.push(named);
  }
  return found;
}

/** True for a member without a body to run: an interface's, an abstract one, a signature. */
export function isAbstractMember(named: NamedFunction): boolean {
  if (named.container !== undefined && ts.isInterfaceDeclaration(named.container)) return true;
  const modifiers = ts.canHaveModifiers(named.owner) ? (ts.getModifiers(named.owner) ?? []) : [];
  if (modifiers.some((m) => m.kind === ts.SyntaxKind.AbstractKeyword)) return true;
  if (ts.isMethodSignature(named.fn)) return true;
  return (
    ts.isMethodDeclaration(named.fn) &&
    named.fn.body === undefined &&
    !hasImplementationSibling(named)
  );
}

function hasImplementationSibling(named: NamedFunction): boolean {
  const container = named.container;
  if (container === undefined || !('members' in container)) return false;
  return container.members.some(
    (member) =>
      member !== named.owner &&
      ts.isMethodDeclaration(member) &&
      member.body !== undefined &&
      member.name.getText() === named.name.getText(),
  );
}
