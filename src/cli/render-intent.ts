import type { Intent } from '../intent/all-intents.js';
import { isKindAvailable } from '../intent/command-forms.js';
import { toCommandText } from '../intent/parse-intent.js';

/** The intent as a small table, what it reads as, and whether it can run yet. */
export function renderIntent(intent: Intent): string {
  const fields = Object.entries(intent);
  const width = Math.max('available'.length, ...fields.map(([name]) => name.length));
  const lines = fields.map(([name, value]) => `${name.padEnd(width)}  ${String(value)}`);
  lines.push(`${'reads as'.padEnd(width)}  ${toCommandText(intent)}`);
  if (!isKindAvailable(intent.kind)) {
    lines.push(
      `${'available'.padEnd(width)}  not yet: "${intent.kind}" can be parsed but not run (run refuses it, exit 2)`,
    );
  }
  return `${lines.join('\n')}\n`;
}
