import { isOrchestratorError } from '../../core/errors.js';
import type { ComputedEdits, TransformTarget } from '../../core/services.js';
import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import { toFormatCodeSettings } from '../../lang/typescript/queries/format-options.js';
import { toProgramLocation } from '../../lang/typescript/queries/positions.js';
import ts from '../../lang/typescript/typescript.js';
import { composeChanges, mapOffset, type TextChange, toCurrentText } from './compose-edits.js';
import type {
  ConvertedFunction,
  ConvertFacts,
  DeclinedFunction,
  PromiseFunction,
} from './contract.js';
import {
  describeFunction,
  findFunctionAt,
  isPromiseFunctionNode,
  type PromiseFunctionNode,
} from './functions.typescript.js';
import { callsPromiseHandlers, whyNotSuggested } from './reasons.typescript.js';
import { findSuggested, runRound, type Suggested } from './round.typescript.js';
import { type FileState, toEditChanges, toFinalPosition } from './to-edit-changes.js';

/** The engine, as the plan records it. */
export const ENGINE = `TypeScript ${ts.version} convertToAsyncFunction`;

/** Rounds after which functions still waiting are given up (nesting deeper than this is rare). */
const MAX_ROUNDS = 8;

/** What the next round of one file looks at. */
interface Next {
  /** Spans (of the current text) the last round wrote: candidates are functions in them. */
  regions: Array<[number, number]>;
  /** The waiting functions, as reported, in order: paired with the candidates found. */
  waiting: PromiseFunction[];
}

/** A converted function and where its body's `{` is in the current text. */
interface Marker {
  converted: ConvertedFunction;
  offset: number | undefined;
}

function toRegions(changes: readonly TextChange[]): Array<[number, number]> {
  let shift = 0;
  return [...changes]
    .sort((a, b) => a.start - b.start)
    .map((change) => {
      const start = change.start + shift;
      shift += change.newText.length - (change.end - change.start);
      return [start, start + change.newText.length] as [number, number];
    });
}

/**
 * The conversion: every function of `files` TypeScript suggests `convertToAsyncFunction` for
 * (the path form), or the one function named at `at` (the function form), each by the code
 * fix's own text changes. Fixes that overlap (a function inside another's chain) are computed one
 * after another, each on the text the ones before it wrote (an overlay), and composed into edits
 * of the files as they are.
 */
export async function convertPromises(
  project: WorkspaceProject,
  request:
    | { files: readonly string[] }
    | { at: TransformTarget & { line: number; column: number } },
  signal?: AbortSignal,
): Promise<ComputedEdits> {
  const states = new Map<string, FileState>();
  const next = new Map<string, Next>();
  const markers: Marker[] = [];
  const declined: DeclinedFunction[] = [];
  const skipped: string[] = [];
  const files = 'files' in request ? [...new Set(request.files)].sort() : [request.at.file];
  const examined: string[] = [];
  for (const file of files) {
    signal?.throwIfAborted();
    const sourceFile = loadSourceFile(project, file, 'files' in request);
    if (sourceFile === undefined) {
      skipped.push(file);
      continue;
    }
    examined.push(file);
    const state: FileState = {
      file,
      original: sourceFile.text,
      replacements: [],
      format: toFormatCodeSettings(sourceFile.text),
    };
    const checker = project.program().getTypeChecker();
    const suggested = findSuggested(project, sourceFile);
    let candidates: Suggested[] = suggested;
    if ('at' in request) {
      const offset = toProgramLocation(project, request.at).offset;
      const named = findFunctionAt(sourceFile, offset);
      if (named.found === 'other') {
        declined.push(notAFunction(sourceFile, request.at, offset, named.what));
        continue;
      }
      candidates = suggested.filter((s) => s.node === named.node);
      if (candidates.length === 0) {
        declined.push({
          ...describeFunction(file, named.node),
          reason: whyNotSuggested(named.node, checker),
        });
        continue;
      }
    }
    const round = runRound(project, file, sourceFile, candidates, state.format);
    for (const { node, reason } of round.declined) {
      declined.push({ ...describeFunction(file, node), reason });
    }
    if ('files' in request)
      declined.push(...unsuggested(file, sourceFile, suggested, round.chosen, checker));
    apply(state, round.chosen, 1, markers, (node) => describeFunction(file, node));
    states.set(file, state);
    if (round.deferred.length > 0) {
      next.set(file, {
        regions: toRegions(round.chosen.flatMap((c) => c.changes)),
        waiting: round.deferred.map((node) => describeFunction(file, node)),
      });
    }
  }
  for (let number = 2; next.size > 0; number++) {
    signal?.throwIfAborted();
    const pending = [...next].sort(([a], [b]) => (a < b ? -1 : 1));
    next.clear();
    if (number > MAX_ROUNDS) {
      for (const [, waiting] of pending) {
        declined.push(...waiting.waiting.map((f) => ({ ...f, reason: 'fix-declined' as const })));
      }
      break;
    }
    const texts = new Map(
      [...states.values()].map((s) => [s.file, toCurrentText(s.original, s.replacements)]),
    );
    await project.withOverlay(texts, () => {
      for (const [file, { regions, waiting }] of pending) {
        const state = states.get(file) as FileState;
        const sourceFile = project.sourceFile(file);
        const candidates = findSuggested(project, sourceFile).filter((s) =>
          regions.some(([start, end]) => s.node.getStart(sourceFile) < end && s.node.end > start),
        );
        const round = runRound(project, file, sourceFile, candidates, state.format);
        const reported = (node: PromiseFunctionNode): PromiseFunction => {
          const index = candidates.findIndex((c) => c.node === node);
          const described = describeFunction(file, node);
          const at = waiting[index] ?? waiting[0];
          return at === undefined ? described : { ...described, line: at.line, column: at.column };
        };
        for (const { node, reason } of round.declined) declined.push({ ...reported(node), reason });
        apply(state, round.chosen, number, markers, reported);
        if (round.deferred.length > 0) {
          next.set(file, {
            regions: toRegions(round.chosen.flatMap((c) => c.changes)),
            waiting: round.deferred.map(reported),
          });
        }
      }
    });
  }
  const converted = markers.map(({ converted, offset }) => {
    const state = states.get(converted.file) as FileState;
    const body = offset === undefined ? undefined : toFinalPosition(state, offset);
    return body === undefined ? converted : { ...converted, body };
  });
  const facts: ConvertFacts = {
    converted: converted.sort(byPosition),
    declined: declined.sort(byPosition),
    examined,
    skipped,
    engine: ENGINE,
  };
  return { changes: toEditChanges([...states.values()]), facts };
}

/** Composes a round's fixes into the file's replacements and moves every marker with them. */
function apply(
  state: FileState,
  chosen: ReturnType<typeof runRound>['chosen'],
  round: number,
  markers: Marker[],
  report: (node: PromiseFunctionNode) => PromiseFunction,
): void {
  const changes = chosen.flatMap((c) => c.changes).sort((a, b) => a.start - b.start);
  if (changes.length === 0) return;
  for (const marker of markers) {
    if (marker.converted.file === state.file && marker.offset !== undefined) {
      marker.offset = mapOffset(changes, marker.offset);
    }
  }
  for (const { node } of chosen) {
    const body = node.body as ts.Block;
    markers.push({
      converted: { ...report(node), round },
      offset: mapOffset(changes, body.getStart(node.getSourceFile())),
    });
  }
  state.replacements = composeChanges(state.original, state.replacements, changes);
}

/**
 * Path form: the functions that call `.then`/`.catch`/`.finally` but are neither suggested nor
 * inside a span a fix rewrites, with TypeScript's reason for not suggesting them.
 */
function unsuggested(
  file: string,
  sourceFile: ts.SourceFile,
  suggested: readonly Suggested[],
  chosen: ReturnType<typeof runRound>['chosen'],
  checker: ts.TypeChecker,
): DeclinedFunction[] {
  const found: DeclinedFunction[] = [];
  const rewritten = chosen.flatMap((c) => c.changes).filter((c) => c.end > c.start);
  const visit = (node: ts.Node): void => {
    if (
      isPromiseFunctionNode(node) &&
      !suggested.some((s) => s.node === node) &&
      callsPromiseHandlers(node) &&
      !rewritten.some((c) => c.start <= node.getStart(sourceFile) && node.end <= c.end)
    ) {
      found.push({ ...describeFunction(file, node), reason: whyNotSuggested(node, checker) });
    }
    node.forEachChild(visit);
  };
  sourceFile.forEachChild(visit);
  return found;
}

/** The program's file, or (path form) undefined for a file TypeScript does not load. */
function loadSourceFile(
  project: WorkspaceProject,
  file: string,
  skipUnloaded: boolean,
): ts.SourceFile | undefined {
  try {
    return project.sourceFile(file);
  } catch (error) {
    if (skipUnloaded && isOrchestratorError(error, 'BAD_INPUT')) return undefined;
    throw error;
  }
}

function notAFunction(
  sourceFile: ts.SourceFile,
  at: TransformTarget & { line: number; column: number },
  offset: number,
  what: string,
): DeclinedFunction {
  const name = /^[\w$]+/.exec(sourceFile.text.slice(offset))?.[0] ?? '(no name)';
  return {
    file: at.file,
    line: at.line,
    column: at.column,
    name,
    kind: 'function',
    reason: 'not-a-function',
    detail: what,
  };
}

function byPosition(a: PromiseFunction, b: PromiseFunction): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}
