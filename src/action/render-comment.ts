import type { RunResult } from '../orchestrator.js';

/** Links the answer gives besides the pull request. */
export interface CommentLinks {
  /** The workflow run's page, when the runner says where it is. */
  runUrl?: string;
}

/** The marker that opens every answer, so a reader (or a later run) can tell them apart. */
export const ANSWER_MARKER = '<!-- mcp-orchestrator /refactor -->';

/**
 * The answer to a `/refactor` comment: the command, the pull request (or the error), the phase
 * table and the risk, and a link to the workflow run.
 */
export function renderRunComment(result: RunResult, links: CommentLinks): string {
  const lines = [ANSWER_MARKER, `**/refactor** \`${inlineCode(result.command)}\``, ''];
  if (result.success) {
    const pr = result.pr?.url
      ? `opened ${result.pr.url}`
      : `committed on \`${result.branch ?? '?'}\``;
    const files = result.diffStat
      ? ` (${result.diffStat.files.length} files, +${result.diffStat.additions} −${result.diffStat.deletions})`
      : '';
    lines.push(`✅ Done in ${seconds(result.durationMs)}: ${pr}${files}.`);
  } else {
    lines.push(
      `❌ Failed: \`${result.error?.code ?? 'UNKNOWN'}\` ${result.error?.message ?? 'no message'}`,
    );
  }
  lines.push('', '| phase | result | time |', '| --- | --- | ---: |');
  for (const phase of result.phases) {
    const outcome = phase.success ? 'ok' : `failed (${phase.error?.code ?? 'error'})`;
    lines.push(`| ${phase.phase} | ${outcome} | ${seconds(phase.durationMs)} |`);
  }
  if (result.risk) {
    const { pBreak, pBreakUncovered, blastRadius, simulations } = result.risk;
    lines.push(
      '',
      `Risk: P(break) ${pBreak}, P(break untested) ${pBreakUncovered}, blast radius p50 ${blastRadius.p50} / p95 ${blastRadius.p95} files (${simulations} simulations).`,
    );
  }
  if (result.warnings.length > 0) {
    lines.push('', ...result.warnings.map((warning) => `> ⚠️ ${warning}`));
  }
  if (links.runUrl) lines.push('', `[Workflow run](${links.runUrl})`);
  return `${lines.join('\n')}\n`;
}

/** The answer when nothing could run: a refusal or an error before the orchestrator started. */
export function renderRefusalComment(message: string, links: CommentLinks): string {
  const lines = [ANSWER_MARKER, `❌ ${message}`];
  if (links.runUrl) lines.push('', `[Workflow run](${links.runUrl})`);
  return `${lines.join('\n')}\n`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function inlineCode(text: string): string {
  return text.replaceAll('`', "'");
}
