import type { Intent } from '../intent/all-intents.js';
import { isKindAvailable } from '../intent/command-forms.js';
import { toCommandText } from '../intent/parse-intent.js';
import type { PlannedIntent } from '../intent/planners/plan-intent.js';

/** The intent as a small table, what it reads as, who read it, and whether it can run yet. */
export function renderIntent(intent: Intent, planned?: PlannedIntent): string {
  const fields = Object.entries(intent);
  const width = Math.max('available'.length, ...fields.map(([name]) => name.length));
  const lines = fields.map(([name, value]) => `${name.padEnd(width)}  ${String(value)}`);
  lines.push(`${'reads as'.padEnd(width)}  ${toCommandText(intent)}`);
  if (planned) {
    const { usage } = planned;
    lines.push(
      `${'read by'.padEnd(width)}  the ${planned.planner} model ${planned.model} (${usage.calls} call${usage.calls === 1 ? '' : 's'}, ${usage.inputTokens} input and ${usage.outputTokens} output tokens${usage.usageFrom === 'api' ? '' : ', counted'})`,
    );
  }
  if (!isKindAvailable(intent.kind)) {
    lines.push(
      `${'available'.padEnd(width)}  not yet: "${intent.kind}" can be parsed but not run (run refuses it, exit 2)`,
    );
  }
  return `${lines.join('\n')}\n`;
}
