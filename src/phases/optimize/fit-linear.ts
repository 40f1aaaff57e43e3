/** A least-squares fit `y ≈ intercept + Σ coefficients[j]·x[j]`. */
export interface LinearFit {
  intercept: number;
  coefficients: number[];
  /** Per feature: false when it never varied, so its coefficient is unknown (set to 0). */
  varied: boolean[];
}

/** Relative ridge term: keeps the normal equations solvable when features are nearly collinear. */
const RIDGE = 1e-9;

/**
 * Ordinary least squares over `rows` (features per observation) against `y`, with the
 * intercept unpenalised. Features that never vary are left out (coefficient 0, `varied`
 * false): the data says nothing about them. Pure and deterministic.
 */
export function fitLinear(rows: readonly (readonly number[])[], y: readonly number[]): LinearFit {
  const width = rows[0]?.length ?? 0;
  const varied = Array.from({ length: width }, (_, j) =>
    rows.some((row) => row[j] !== rows[0]?.[j]),
  );
  const used = varied.flatMap((v, j) => (v ? [j] : []));
  // Design matrix: a 1 for the intercept, then the features that varied.
  const design = rows.map((row) => [1, ...used.map((j) => row[j] ?? 0)]);
  const size = used.length + 1;
  const normal = Array.from({ length: size }, () => new Array<number>(size + 1).fill(0));
  for (const [i, x] of design.entries()) {
    for (let a = 0; a < size; a += 1) {
      const row = normal[a] as number[];
      for (let b = 0; b < size; b += 1) row[b] = (row[b] ?? 0) + (x[a] ?? 0) * (x[b] ?? 0);
      row[size] = (row[size] ?? 0) + (x[a] ?? 0) * (y[i] ?? 0);
    }
  }
  for (let a = 1; a < size; a += 1) {
    const row = normal[a] as number[];
    row[a] = (row[a] ?? 0) * (1 + RIDGE) + RIDGE;
  }
  const solution = solve(normal);
  const coefficients = new Array<number>(width).fill(0);
  for (const [k, j] of used.entries()) coefficients[j] = solution[k + 1] ?? 0;
  return { intercept: solution[0] ?? 0, coefficients, varied };
}

/** Gaussian elimination with partial pivoting on an augmented matrix (changed in place). */
function solve(matrix: number[][]): number[] {
  const n = matrix.length;
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1) {
      if (Math.abs(matrix[r]?.[col] ?? 0) > Math.abs(matrix[pivot]?.[col] ?? 0)) pivot = r;
    }
    [matrix[col], matrix[pivot]] = [matrix[pivot] as number[], matrix[col] as number[]];
    const top = matrix[col] as number[];
    const lead = top[col] ?? 0;
    if (lead === 0) continue;
    for (let r = 0; r < n; r += 1) {
      const row = matrix[r] as number[];
      if (r === col || (row[col] ?? 0) === 0) continue;
      const factor = (row[col] ?? 0) / lead;
      for (let c = col; c <= n; c += 1) row[c] = (row[c] ?? 0) - factor * (top[c] ?? 0);
    }
  }
  return matrix.map((row, i) => ((row[i] ?? 0) === 0 ? 0 : (row[n] ?? 0) / (row[i] ?? 1)));
}
