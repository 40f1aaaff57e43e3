import { compareText } from '../../../core/whole-word.js';
import type { SignatureVerifyFacts } from './contract.js';
import { type CallShape, type DeclarationShape, isPositional } from './shapes.js';

/** Whether `call` passes the parameter `name` of `declaration`: by keyword, or at its position. */
export function toCallPasses(
  declaration: DeclarationShape | undefined,
  call: CallShape,
  name: string,
): 'yes' | 'no' | 'unknown' {
  if (call.args.some((arg) => arg.kind === 'keyword' && arg.name === name)) return 'yes';
  const index = declaration?.slots.findIndex((slot) => slot.name === name) ?? -1;
  const slot = declaration?.slots[index];
  if (declaration === undefined || slot === undefined || !isPositional(slot)) {
    return call.args.some((arg) => arg.kind === 'keyword-spread') ? 'unknown' : 'no';
  }
  const position = declaration.slots.slice(0, index).filter(isPositional).length - call.implicit;
  const ordered = call.args.filter((arg) => arg.kind === 'positional' || arg.kind === 'spread');
  const spread = ordered.findIndex((arg) => arg.kind === 'spread');
  if (spread !== -1 && spread <= position) return 'unknown';
  if (ordered.length > position) return 'yes';
  return call.args.some((arg) => arg.kind === 'keyword-spread') ? 'unknown' : 'no';
}

/** The verify facts: each declaration's parameters (null: none there) and whether each call passes `name`. */
export function toVerifyFacts(
  positions: ReadonlyArray<{ file: string; line: number; column: number }>,
  shapes: ReadonlyArray<DeclarationShape | undefined>,
  calls: readonly CallShape[],
  found: readonly DeclarationShape[],
  name: string,
): SignatureVerifyFacts {
  return {
    declarations: positions.map((at, i) => {
      const shape = shapes[i];
      return {
        file: at.file,
        line: at.line,
        column: at.column,
        parameters:
          shape === undefined
            ? null
            : shape.slots.flatMap((s) => (s.name === undefined ? [] : [s.name])),
      };
    }),
    calls: [...calls]
      .sort((a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column)
      .map((call) => ({
        file: call.file,
        line: call.line,
        column: call.column,
        lineText: call.lineText,
        passes: toCallPasses(found[call.declaration], call, name),
      })),
  };
}
