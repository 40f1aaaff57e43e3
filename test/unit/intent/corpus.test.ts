import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../src/core/errors.js';
import type { Intent } from '../../../src/intent/all-intents.js';
import { parseIntent, toCommandText } from '../../../src/intent/parse-intent.js';

/** One paraphrase and what it must mean: an intent, or a refusal (its code, a piece of its message). */
type CorpusEntry =
  | { command: string; intent: Intent }
  | { command: string; error: string; messageIncludes?: string };

const CORPUS = path.join(import.meta.dirname, 'corpus');
const FILES = readdirSync(CORPUS)
  .filter((name) => name.endsWith('.json'))
  .sort();
const ENTRIES = FILES.flatMap((file) =>
  (JSON.parse(readFileSync(path.join(CORPUS, file), 'utf8')) as CorpusEntry[]).map((entry) => ({
    file,
    entry,
  })),
);

/** What the parser made of a command, in the corpus's own terms. */
function outcomeOf(command: string): CorpusEntry {
  try {
    return { command, intent: parseIntent(command) };
  } catch (error) {
    if (!isOrchestratorError(error)) throw error;
    return { command, error: error.code, messageIncludes: error.message };
  }
}

function matches(expected: CorpusEntry, actual: CorpusEntry): boolean {
  if ('intent' in expected) {
    return (
      'intent' in actual &&
      JSON.stringify(sorted(actual.intent)) === JSON.stringify(sorted(expected.intent))
    );
  }
  return (
    'error' in actual &&
    actual.error === expected.error &&
    (expected.messageIncludes === undefined ||
      (actual.messageIncludes ?? '').includes(expected.messageIncludes))
  );
}

const sorted = (intent: object) => Object.entries(intent).sort(([a], [b]) => (a < b ? -1 : 1));

describe('the paraphrase corpus', () => {
  it('holds at least 200 commands, every kind among them, and refusals', () => {
    expect(ENTRIES.length).toBeGreaterThanOrEqual(200);
    const kinds = new Set(
      ENTRIES.flatMap(({ entry }) => ('intent' in entry ? [entry.intent.kind] : [])),
    );
    expect([...kinds].sort()).toEqual([
      'add_parameter',
      'convert_promises',
      'make_async',
      'move',
      'remove_parameter',
      'remove_unused_imports',
      'rename',
      'replace_calls',
    ]);
    expect(ENTRIES.filter(({ entry }) => 'error' in entry).length).toBeGreaterThanOrEqual(50);
  });

  it('is read with 100% accuracy', () => {
    const byFile = new Map<string, { total: number; right: number }>();
    const wrong: string[] = [];
    for (const { file, entry } of ENTRIES) {
      const actual = outcomeOf(entry.command);
      const tally = byFile.get(file) ?? { total: 0, right: 0 };
      tally.total += 1;
      if (matches(entry, actual)) tally.right += 1;
      else {
        const got =
          'intent' in actual
            ? JSON.stringify(actual.intent)
            : `${actual.error}: ${actual.messageIncludes?.split('\n')[0]}`;
        wrong.push(
          `${file}: ${JSON.stringify(entry.command)}\n    expected ${'intent' in entry ? JSON.stringify(entry.intent) : `${entry.error} ${entry.messageIncludes ?? ''}`}\n    got      ${got}`,
        );
      }
      byFile.set(file, tally);
    }
    const right = [...byFile.values()].reduce((sum, t) => sum + t.right, 0);
    const lines = [...byFile].map(([file, t]) => `  ${file.padEnd(28)} ${t.right}/${t.total}`);
    console.log(
      `corpus accuracy: ${right}/${ENTRIES.length} (${((100 * right) / ENTRIES.length).toFixed(1)}%)\n${lines.join('\n')}`,
    );
    expect(wrong).toEqual([]);
  });

  it('says every intent back as a command that reads as the same intent', () => {
    const drifted = ENTRIES.flatMap(({ entry }) => {
      if (!('intent' in entry)) return [];
      const text = toCommandText(entry.intent);
      const again = outcomeOf(text);
      return matches(entry, again)
        ? []
        : [`${JSON.stringify(entry.intent)} → ${JSON.stringify(text)}`];
    });
    expect(drifted).toEqual([]);
  });

  it('reads the same command the same way every time', () => {
    for (const { entry } of ENTRIES.slice(0, 50)) {
      expect(JSON.stringify(outcomeOf(entry.command))).toBe(
        JSON.stringify(outcomeOf(entry.command)),
      );
    }
  });
});
