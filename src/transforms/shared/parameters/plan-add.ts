import {
  createPlanBuilder,
  describeDynamicUse,
  type PlanBuilder,
  type SignaturePlan,
  toDeclarationReason,
} from './plan-helpers.js';
import {
  type CallShape,
  type DeclarationShape,
  isPositional,
  type SignatureFamily,
  type Syntax,
  toArgumentList,
} from './shapes.js';
import { insertSlot } from './slot-edits.js';

/** The parameter to add: its name, and source text for its default, type and call-site value. */
export interface NewParameter {
  name: string;
  default?: string;
  type?: string;
  value?: string;
}

/** The Python kinds a new positional parameter goes before. */
const AFTER_POSITIONAL = new Set([
  'var-positional',
  'keyword-marker',
  'keyword-only',
  'var-keyword',
]);

/**
 * Where the new parameter goes: after the last positional parameter (before `*args`, `*`,
 * `**kwargs`, a rest parameter); a required one before the first optional one, so that calls
 * that leave the optional ones out can still pass it by position. Undefined when a Python
 * positional-only parameter has a default (a required parameter cannot follow it).
 */
export function toInsertionIndex(
  declaration: DeclarationShape,
  required: boolean,
): number | undefined {
  const { slots } = declaration;
  let index = slots.findIndex((slot) => AFTER_POSITIONAL.has(slot.kind));
  if (index === -1) index = slots.length;
  if (!required) return index;
  const optional = slots.findIndex((slot, i) => i < index && isPositional(slot) && slot.hasDefault);
  if (optional === -1) return index;
  return slots[optional]?.kind === 'positional-only' ? undefined : optional;
}

/** The TS type a literal default has (`"USD"` → `string`), when it is that plain. */
export function toLiteralType(text: string): string | undefined {
  const trimmed = text.trim();
  if (/^(['"]).*\1$/s.test(trimmed) || /^`[^`$]*`$/.test(trimmed)) return 'string';
  if (/^-?(?:\d[\d_]*\.?\d*(?:e[+-]?\d+)?|0x[\da-f]+|\.\d+)$/i.test(trimmed)) return 'number';
  if (/^-?\d+n$/.test(trimmed)) return 'bigint';
  if (trimmed === 'true' || trimmed === 'false') return 'boolean';
  return undefined;
}

/** The parameter as the declaration writes it; undefined when TS needs a type it cannot tell. */
export function toParameterText(
  declaration: DeclarationShape,
  parameter: NewParameter,
  syntax: Syntax,
): string | undefined {
  const { name, type } = parameter;
  const initial = parameter.default?.trim();
  if (syntax === 'python') {
    if (type !== undefined)
      return `${name}: ${type}${initial === undefined ? '' : ` = ${initial}`}`;
    return initial === undefined ? name : `${name}=${initial}`;
  }
  if (syntax === 'javascript') return initial === undefined ? name : `${name} = ${initial}`;
  if (initial !== undefined && (!declaration.hasBody || initial === 'undefined')) {
    // Signatures take no initializer: the parameter is optional there.
    const shown = type ?? toLiteralType(initial);
    return shown === undefined ? undefined : `${name}?: ${shown}`;
  }
  if (initial !== undefined)
    return type === undefined ? `${name} = ${initial}` : `${name}: ${type} = ${initial}`;
  const shown =
    type ?? (parameter.value === undefined ? undefined : toLiteralType(parameter.value));
  return shown === undefined ? undefined : `${name}: ${shown}`;
}

/**
 * add_parameter's plan: the parameter in every declaration of the family; the value (when one
 * is given) at every call — by position, or as `name=value` where the call passes keywords or
 * cannot reach the position (Python), padded with `undefined` (TS/JS); problems for what
 * cannot be done, reports for what is left as it is.
 */
export function planAddParameter(
  family: SignatureFamily,
  parameter: NewParameter,
  plan: PlanBuilder = createPlanBuilder(family),
): SignaturePlan {
  const safe = parameter.default !== undefined;
  const required = !safe;
  const indexes = family.declarations.map((declaration) => {
    const existing = declaration.slots.find((slot) => slot.name === parameter.name);
    if (existing !== undefined) {
      plan.problem(
        declaration,
        'already-a-parameter',
        `${declaration.name} already has a parameter "${parameter.name}"`,
      );
      return undefined;
    }
    const index = toInsertionIndex(declaration, required);
    if (index === undefined) {
      plan.problem(
        declaration,
        'positional-only-default',
        `${declaration.name} has a positional-only parameter with a default, so a required "${parameter.name}" cannot follow it`,
      );
      return undefined;
    }
    const text = toParameterText(declaration, parameter, family.syntax);
    if (text === undefined) {
      plan.problem(
        declaration,
        'needs-a-type',
        `${declaration.name} needs the type of "${parameter.name}"`,
      );
      return undefined;
    }
    addToDeclaration(plan, declaration, index, text);
    return index;
  });
  for (const call of family.calls) {
    const declaration = family.declarations[call.declaration] as DeclarationShape;
    const index = indexes[call.declaration];
    if (index === undefined) continue;
    if (call.args.some((arg) => arg.kind === 'keyword' && arg.name === parameter.name)) {
      plan.problem(
        call,
        'keyword-passed',
        `already passes ${parameter.name}= (into **kwargs), which the new parameter would take`,
      );
      continue;
    }
    if (parameter.value === undefined) {
      if (call.args.some((arg) => arg.kind === 'spread' || arg.kind === 'keyword-spread')) {
        const through = family.syntax === 'python' ? '*args/**kwargs' : 'a spread';
        plan.report(
          call,
          'spread',
          `passes arguments through ${through}: safe, the new parameter has a default`,
        );
      }
      plan.call({ file: call.file, line: call.line, column: call.column, edit: 'none' });
      continue;
    }
    const before = declaration.slots.slice(0, index).filter(isPositional).length;
    addToCall(plan, call, before - call.implicit, parameter, family.syntax, safe);
  }
  for (const use of family.dynamic) {
    const detail = describeDynamicUse(use.kind);
    if (safe) plan.report(use, use.kind, `${detail}: safe, the new parameter has a default`);
    else plan.problem(use, 'dynamic-use', detail);
  }
  return plan.finish();
}

function addToDeclaration(
  plan: PlanBuilder,
  declaration: DeclarationShape,
  index: number,
  text: string,
): void {
  const file = plan.text(declaration.file);
  const reason = toDeclarationReason(declaration.role);
  const lone = declaration.slots[0];
  if (!declaration.parenthesized && lone !== undefined) {
    const old = file.slice(lone.start, lone.end);
    const newText = index === 0 ? `(${text}, ${old})` : `(${old}, ${text})`;
    plan.edit(declaration.file, {
      start: lone.start,
      end: lone.end,
      oldText: old,
      newText,
      reason,
    });
    return;
  }
  plan.edit(declaration.file, insertSlot(file, declaration, index, text, reason));
}

function addToCall(
  plan: PlanBuilder,
  call: CallShape,
  position: number,
  parameter: NewParameter,
  syntax: Syntax,
  safe: boolean,
): void {
  const value = (parameter.value as string).trim();
  const at = { file: call.file, line: call.line, column: call.column };
  const ordered = call.args.filter((arg) => arg.kind === 'positional' || arg.kind === 'spread');
  const spread = ordered.findIndex((arg) => arg.kind === 'spread');
  if (spread !== -1 && spread < position) {
    const detail = `passes arguments through ${syntax === 'python' ? '*args' : 'a spread'}, so the position of "${parameter.name}" cannot be known`;
    if (safe)
      plan.report(at, 'spread', `${detail}: left as it is, the new parameter has a default`);
    else plan.problem(at, 'unknown-position', detail);
    plan.call({ ...at, edit: 'none' });
    return;
  }
  if (call.bareGenerator) {
    plan.problem(
      at,
      'generator-argument',
      'passes a bare generator expression; parenthesize it first',
    );
    return;
  }
  const file = plan.text(call.file);
  const plain = spread === -1 ? ordered.length : spread;
  const keywords = call.args.some((arg) => arg.kind === 'keyword' || arg.kind === 'keyword-spread');
  if (syntax === 'python' && (plain < position || (plain === position && keywords))) {
    plan.edit(
      call.file,
      insertSlot(
        file,
        toArgumentList(call),
        call.args.length,
        `${parameter.name}=${value}`,
        'call site (keyword)',
      ),
    );
    if (call.args.some((arg) => arg.kind === 'keyword-spread')) {
      plan.report(
        at,
        'keyword-spread',
        `passes **kwargs too; they must not hold "${parameter.name}"`,
      );
    }
    plan.call({ ...at, edit: 'keyword' });
    return;
  }
  const padding = Math.max(0, position - plain);
  const text = [...Array<string>(padding).fill('undefined'), value].join(', ');
  const index = padding > 0 ? plain : position;
  const argIndex =
    index < ordered.length
      ? call.args.indexOf(ordered[index] as (typeof ordered)[number])
      : index < call.args.length
        ? lastPositionalEnd(call)
        : call.args.length;
  plan.edit(call.file, insertSlot(file, toArgumentList(call), argIndex, text, 'call site'));
  plan.call({ ...at, edit: 'positional' });
}

/** Python: the list index right after the last positional argument (keywords follow it). */
function lastPositionalEnd(call: CallShape): number {
  let index = 0;
  call.args.forEach((arg, i) => {
    if (arg.kind === 'positional' || arg.kind === 'spread') index = i + 1;
  });
  return index;
}
