/** The names of the function form: `load_prices and fetch_quotes` → both, `A.b` kept whole. */
export function toTargetNames(target: string): string[] {
  return [
    ...new Set(
      target
        .split(/\s*(?:,|\band\b)\s*/)
        .map((name) => name.trim())
        .filter((name) => name !== ''),
    ),
  ];
}

/** The target of the function form for `names`: `a`, `a and b`, `a, b and c`. */
export function toTargetText(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
