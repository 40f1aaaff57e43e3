import type { ExplainResult, Explanation } from '../orchestrator.js';
import { renderIntent } from './render-intent.js';

/** How many left-alone occurrences are listed before "… n more". */
const SHOWN_LEFT_ALONE = 20;

/** What `explain` prints: the intent, the symbols, the changes, what stays, the risk. */
export function renderExplanation(result: ExplainResult): string {
  const out = [renderIntent(result.intent).trimEnd()];
  const explanation = result.explanation;
  if (explanation !== null) out.push('', ...renderChange(explanation));
  if (result.error) out.push('', `error [${result.error.code}]: ${result.error.message}`);
  return `${out.join('\n')}\n`;
}

function renderChange(e: Explanation): string[] {
  const out = [`${e.title} (${e.language})`];
  for (const s of e.symbols) {
    const owner = s.container === undefined ? '' : `${s.container}.`;
    out.push(`  symbol     ${s.kind} ${owner}${s.name} at ${s.file}:${s.line}:${s.column}`);
  }
  for (const choice of e.choices) out.push(`  chosen     ${choice}`);
  out.push(`  changes    ${e.editCount} edit(s) in ${e.changes.length} file(s)`);
  const width = Math.max(0, ...e.changes.map((c) => c.file.length));
  for (const c of e.changes) {
    const what =
      c.op === 'edit' ? `${c.edits} edit(s)` : c.op === 'move' ? `moved to ${c.to}` : c.op;
    out.push(`    ${c.file.padEnd(width)}  ${what}`);
  }
  out.push(`  left alone ${e.leftAlone.length} occurrence(s)`);
  for (const o of e.leftAlone.slice(0, SHOWN_LEFT_ALONE)) {
    out.push(`    ${o.file}:${o.line}:${o.column}  ${o.reason}: ${o.detail}`);
  }
  if (e.leftAlone.length > SHOWN_LEFT_ALONE) {
    out.push(`    … ${e.leftAlone.length - SHOWN_LEFT_ALONE} more`);
  }
  out.push(`  affected   ${e.affectedFiles.length} file(s): the changed files and their importers`);
  if (e.risk !== null) {
    const r = e.risk;
    out.push(
      `  risk       P(break) ${r.pBreak} (with no test covering it ${r.pBreakUncovered}), blast radius p50 ${r.blastRadius.p50} / p95 ${r.blastRadius.p95} file(s), ${r.testsToRun.length} test file(s) to run`,
    );
  }
  return out;
}
