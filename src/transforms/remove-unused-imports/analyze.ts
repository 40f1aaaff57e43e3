import type { FileChange } from '../../core/change/change-types.js';
import type { LeftAlone } from '../../core/change/verify-types.js';
import { OrchestratorError } from '../../core/errors.js';
import type { LanguageId } from '../../core/source-types.js';
import { compareText } from '../../core/whole-word.js';
import { parseFacts } from '../parse-facts.js';
import { toWordChecks } from '../replace-calls/word-checks.js';
import type { AnalysisContext, TransformAnalysis } from '../transform.js';
import { type RemoveUnusedImportsFacts, removeUnusedImportsFactsSchema } from './contract.js';
import type { RemoveUnusedImportsIntent } from './intent.js';
import { isPythonFile } from './resolve-scope.js';

/**
 * remove_unused_imports' LOGIC: each language's half reads its files of the scope (organize
 * imports for JS/TS, pyright for Python) and says which imports go and which unused ones stay;
 * `NOTHING_TO_DO` when none goes.
 */
export async function analyzeRemoveUnusedImports(
  intent: RemoveUnusedImportsIntent,
  context: AnalysisContext,
): Promise<TransformAnalysis> {
  const files = [...context.map.files].sort(compareText);
  const groups: Array<[LanguageId, string[]]> = [
    ['python', files.filter(isPythonFile)],
    ['typescript', files.filter((file) => !isPythonFile(file))],
  ];
  const changes: FileChange[] = [];
  const facts: RemoveUnusedImportsFacts = { removed: [], kept: [], checked: [] };
  const languages: LanguageId[] = [];
  for (const [language, group] of groups) {
    const [first] = group;
    if (first === undefined) continue;
    context.progress(`reading the imports of ${group.length} ${language} file(s)`);
    const computed = await context.graph.computeEdits(
      'remove_unused_imports',
      { file: first },
      { files: group },
      { signal: context.signal, language },
    );
    const found = parseFacts(
      'remove_unused_imports',
      removeUnusedImportsFactsSchema,
      computed.facts,
    );
    const kept = computed.changes.filter((change) => context.tracked.has(change.file));
    changes.push(...kept);
    facts.removed.push(...found.removed.filter((b) => context.tracked.has(b.file)));
    facts.kept.push(...found.kept);
    facts.checked.push(...found.checked);
    if (kept.length > 0) languages.push(language);
  }
  const where = intent.scope ?? 'the repository';
  const leftAlone = facts.kept
    .map(
      (k): LeftAlone => ({
        file: k.file,
        line: k.line,
        column: k.column,
        length: k.length,
        reason: k.reason,
        detail: `${k.name}: ${k.detail}`,
      }),
    )
    .sort((a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column);
  if (changes.length === 0) {
    const keptNote =
      leftAlone.length > 0
        ? ` ${leftAlone.length} unused import(s) stay on purpose:\n  ${leftAlone.map((k) => `${k.file}:${k.line} ${k.detail}`).join('\n  ')}`
        : '';
    throw new OrchestratorError(
      'NOTHING_TO_DO',
      `No unused imports to remove in ${where} (${facts.checked.length} file(s) read).${keptNote}`,
      { data: { scope: intent.scope ?? null, checked: facts.checked.length } },
    );
  }
  const removed = [...facts.removed].sort(
    (a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column,
  );
  const names = [...new Set(removed.map((b) => b.name.split('.')[0] as string))];
  return {
    language: languages[0] ?? 'typescript',
    targets: [],
    changes,
    leftAlone,
    verify: await toWordChecks(names, changes, context),
    riskNames: names,
    certaintyByFile: Object.fromEntries(
      changes.map((change) => [change.file, 0.95] as const).sort(([a], [b]) => compareText(a, b)),
    ),
    details: {
      removed,
      kept: [...facts.kept].sort(
        (a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column,
      ),
      checked: facts.checked.length,
    },
    title: `Remove unused imports${intent.scope ? ` in ${intent.scope}` : ''}`,
    summary: [
      `${removed.length} unused import(s) removed from ${changes.length} of ${facts.checked.length} file(s) in ${where}`,
      ...removed.map((b) => `remove ${b.file}:${b.line}:${b.column} ${b.name}`),
      ...leftAlone.map((k) => `keep ${k.file}:${k.line}:${k.column} (${k.reason}: ${k.detail})`),
    ],
  };
}
