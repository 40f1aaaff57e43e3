/** A Python parameter as declared. */
export interface PythonParameter {
  name: string;
  kind: 'positional-only' | 'positional' | 'var-positional' | 'keyword-only' | 'var-keyword';
  /** Has a default (or is `*args` / `**kwargs`). */
  optional: boolean;
}

/** The shape of a call's arguments. */
export interface PythonCallShape {
  /** Plain positional arguments. */
  positional: number;
  /** `*args` arguments (their length is unknown). */
  starred: number;
  /** Keyword argument names, in order. */
  keywords: readonly string[];
  /** `**kwargs` arguments. */
  doubleStarred: number;
}

/**
 * How a call with `call`'s arguments would bind to `parameters`, by Python's rules: every
 * problem that is certain (too many positional arguments, a keyword no parameter takes or one
 * given twice, a required parameter left out), and whether `*args`/`**kwargs` leave it open.
 */
export function bindPythonArguments(
  parameters: readonly PythonParameter[],
  call: PythonCallShape,
): { problems: string[]; open: boolean } {
  const positional = parameters.filter(
    (p) => p.kind === 'positional-only' || p.kind === 'positional',
  );
  const varPositional = parameters.some((p) => p.kind === 'var-positional');
  const varKeyword = parameters.some((p) => p.kind === 'var-keyword');
  const problems: string[] = [];
  if (call.positional > positional.length && !varPositional) {
    problems.push(
      `takes at most ${positional.length} positional argument(s); the call passes ${call.positional}`,
    );
  }
  for (const keyword of call.keywords) {
    const parameter = parameters.find((p) => p.name === keyword);
    const index = positional.findIndex((p) => p.name === keyword);
    if (
      parameter === undefined ||
      parameter.kind === 'var-positional' ||
      parameter.kind === 'var-keyword'
    ) {
      if (!varKeyword) problems.push(`has no parameter named "${keyword}"`);
    } else if (parameter.kind === 'positional-only') {
      if (!varKeyword)
        problems.push(`"${keyword}" is positional-only, so it cannot be passed by keyword`);
    } else if (index !== -1 && index < call.positional) {
      problems.push(`"${keyword}" would get two values (by position and by keyword)`);
    }
  }
  positional.forEach((parameter, index) => {
    if (parameter.optional || index < call.positional || call.starred > 0) return;
    if (
      parameter.kind === 'positional' &&
      (call.keywords.includes(parameter.name) || call.doubleStarred > 0)
    )
      return;
    problems.push(`needs "${parameter.name}", which the call does not pass`);
  });
  for (const parameter of parameters) {
    if (parameter.kind !== 'keyword-only' || parameter.optional) continue;
    if (call.keywords.includes(parameter.name) || call.doubleStarred > 0) continue;
    problems.push(`needs the keyword argument "${parameter.name}", which the call does not pass`);
  }
  return { problems, open: call.starred > 0 || call.doubleStarred > 0 };
}
