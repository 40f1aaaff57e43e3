import ts from '../../lang/typescript/typescript.js';

/** What the checker says about one call's arguments against the new function. */
export type ArgumentsVerdict =
  | { kind: 'ok' }
  | { kind: 'mismatch'; problems: string[] }
  | { kind: 'unchecked'; why: string };

/**
 * Asks the type checker whether the arguments of `call` (as they are typed at the call) fit
 * one of `target`'s call signatures: enough and not too many of them, each assignable to its
 * parameter. Spread arguments and generic signatures are left to the compile check.
 */
export function checkArguments(
  checker: ts.TypeChecker,
  call: ts.CallExpression,
  target: ts.Type,
  /** The new function's name, for messages. */
  name: string,
): ArgumentsVerdict {
  if (call.arguments.some((argument) => ts.isSpreadElement(argument))) {
    return { kind: 'unchecked', why: 'a spread argument: the compile check judges it' };
  }
  const signatures = target.getCallSignatures();
  let best: string[] | undefined;
  for (const signature of signatures) {
    if ((signature.typeParameters?.length ?? 0) > 0) {
      return { kind: 'unchecked', why: 'the new function is generic: the compile check judges it' };
    }
    const problems = problemsWith(checker, call, signature, name);
    if (problems.length === 0) return { kind: 'ok' };
    if (best === undefined || problems.length < best.length) best = problems;
  }
  return { kind: 'mismatch', problems: best ?? ['the new function has no call signature'] };
}

function problemsWith(
  checker: ts.TypeChecker,
  call: ts.CallExpression,
  signature: ts.Signature,
  name: string,
): string[] {
  const parameters = signature.getParameters();
  const declarations = parameters.map(
    (p) => p.valueDeclaration as ts.ParameterDeclaration | undefined,
  );
  const rest = declarations.at(-1)?.dotDotDotToken !== undefined;
  const fixed = rest ? parameters.length - 1 : parameters.length;
  const required = declarations.filter(
    (d) => d !== undefined && d.dotDotDotToken === undefined && !checker.isOptionalParameter(d),
  ).length;
  const count = call.arguments.length;
  const problems: string[] = [];
  const shown = `${name}${checker.signatureToString(signature)}`;
  if (count < required) {
    problems.push(`${shown} takes at least ${required} argument(s); the call passes ${count}`);
  }
  if (!rest && count > fixed) {
    problems.push(`${shown} takes at most ${fixed} argument(s); the call passes ${count}`);
  }
  call.arguments.forEach((argument, index) => {
    const parameter = parameters[Math.min(index, parameters.length - 1)];
    if (parameter === undefined || (index >= fixed && !rest)) return;
    let expected = checker.getTypeOfSymbolAtLocation(parameter, call);
    if (index >= fixed)
      expected = checker.getIndexTypeOfType(expected, ts.IndexKind.Number) ?? expected;
    const actual = checker.getTypeAtLocation(argument);
    if (!checker.isTypeAssignableTo(actual, expected)) {
      problems.push(
        `argument ${index + 1}, ${argument.getText().slice(0, 60)} (type ${checker.typeToString(actual)}), is not assignable to parameter ${parameter.name}: ${checker.typeToString(expected)}`,
      );
    }
  });
  return problems;
}
