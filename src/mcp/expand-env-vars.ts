/** Thrown by {@link expandEnvVars} for `${VAR}` with VAR unset and no default. */
export class UnsetVariableError extends Error {
  readonly variable: string;

  constructor(variable: string) {
    super(`\${${variable}} is not set and has no default (write \${${variable}:-default})`);
    this.name = 'UnsetVariableError';
    this.variable = variable;
  }
}

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/**
 * Expands `${VAR}` and `${VAR:-default}` in `text` as Claude Code does: the default applies
 * when VAR is unset or empty; an unset `${VAR}` without default throws {@link UnsetVariableError}.
 */
export function expandEnvVars(
  text: string,
  env: Readonly<Record<string, string | undefined>>,
): string {
  return text.replace(REFERENCE, (_whole, name: string, fallback: string | undefined) => {
    const value = env[name];
    if (fallback !== undefined) return value === undefined || value === '' ? fallback : value;
    if (value === undefined) throw new UnsetVariableError(name);
    return value;
  });
}
