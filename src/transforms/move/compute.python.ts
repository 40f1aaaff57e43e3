import type { FileChange } from '../../core/change/change-types.js';
import type { ComputedEdits, TransformTarget } from '../../core/services.js';
import { compareText } from '../../core/whole-word.js';
import {
  type PythonWorkspace,
  toWorkspaceFile,
} from '../../lang/python/engine/python-workspace.js';
import { createFileTextReader } from '../../lang/python/engine/read-file-text.js';
import { runPythonScript } from '../../lang/python/engine/run-python-script.js';
import { findImportGraph } from '../../lang/python/queries/find-import-graph.js';
import { findImportGraphWith } from '../../lang/python/queries/find-import-graph-with.js';
import { readNameAt } from '../../lang/python/queries/find-reference-locations.js';
import { requirePosition } from '../require-position.js';
import type { MoveArgs, MovedDeclaration, MoveFacts, MoveRefusal } from './contract.js';
import { findNewCycles } from './import-cycles.js';
import { toMoveReason } from './reasons.js';
import {
  findRopeInterpreter,
  ropeCandidates,
  ropeMissingMessage,
} from './rope-interpreter.python.js';
import { MOVE_ROPE_SCRIPT } from './rope-script.python.js';
import { toDiffEdits } from './text-diff.js';

interface RopeResult {
  refusal?: MoveRefusal;
  moved?: MovedDeclaration[];
  importedFromSource?: string[];
  /** New texts of existing files, by workspace-relative path. */
  changed?: Record<string, string>;
  /** Texts of the files the move creates. */
  created?: Record<string, string>;
  engine?: string;
}

const byFile = <T>(record: Record<string, T> | undefined): Array<[string, T]> =>
  Object.entries(record ?? {}).sort(([a], [b]) => compareText(a, b));

/**
 * The move of the module-level declaration at `target` to `args.to`, computed by rope (see
 * {@link MOVE_ROPE_SCRIPT}) on a copy of the workspace's Python files; its new texts become
 * line edits that each hold their exact old text, and `create`s for the new module (and the
 * `__init__.py` of new folders). Facts: what moved, what the new module imports back, the import
 * cycles the change would bring (pyright's workspace graph before and after), or a refusal.
 */
export async function computeMovePython(
  workspace: PythonWorkspace,
  target: TransformTarget,
  args: MoveArgs,
  signal?: AbortSignal,
): Promise<ComputedEdits> {
  const at = workspace.resolvePosition(requirePosition(target, 'move'));
  const dest = toWorkspaceFile(workspace.root, args.to);
  const reader = createFileTextReader(workspace.root);
  const name = await readNameAt(reader, at);
  const candidates = ropeCandidates(workspace.pythonPath);
  const rope = await findRopeInterpreter(candidates, signal);
  const empty: MoveFacts = { moved: [], importedFromSource: [], newCycles: [], engine: 'rope' };
  if (rope === undefined) {
    const refusal: MoveRefusal = {
      reason: 'tool-missing',
      message: ropeMissingMessage(candidates),
    };
    return { changes: [], facts: { ...empty, refusal } };
  }
  const engine = `rope ${rope.version} (${rope.pythonPath})`;
  const result = await runPythonScript<RopeResult>(
    MOVE_ROPE_SCRIPT,
    {
      root: workspace.root,
      source: at.file,
      name,
      line: at.line,
      dest,
      files: await workspace.listFiles(signal),
    },
    { pythonPath: rope.pythonPath, cwd: workspace.root, ...(signal ? { signal } : {}) },
  );
  if (result.refusal !== undefined) {
    return { changes: [], facts: { ...empty, engine, refusal: result.refusal } };
  }
  const changes: FileChange[] = [];
  for (const [file, text] of byFile(result.changed)) {
    const role = file === at.file ? 'source' : file === dest ? 'target' : 'importer';
    const edits = toDiffEdits(await reader.text(file), text, toMoveReason(role, at.file, dest));
    if (edits.length > 0) changes.push({ op: 'edit', file, edits });
  }
  for (const [file, text] of byFile(result.created)) {
    changes.push({
      op: 'create',
      file,
      text,
      reason:
        file === dest
          ? `new module for ${name}, moved from ${at.file}`
          : `package marker for the new folder of ${dest}`,
    });
  }
  const texts = new Map<string, string | null>([
    ...byFile(result.changed),
    ...byFile(result.created),
  ]);
  const before = await findImportGraph(workspace, signal);
  const after = await findImportGraphWith(workspace, texts, signal);
  const facts: MoveFacts = {
    moved: result.moved ?? [],
    importedFromSource: result.importedFromSource ?? [],
    newCycles: findNewCycles(before, after),
    engine,
  };
  return { changes, facts };
}
