import path from 'node:path';
import type { RipgrepMatch } from '../../contracts/ripgrep.js';
import { clipLineText, clipText } from '../shared/clip-line-text.js';

/** One match, as the `search` tool returns it (see the contract). */
export type SearchMatch = RipgrepMatch;

/** rg's JSON text field: UTF-8 text, or base64 bytes when the data is not valid UTF-8. */
interface RgData {
  text?: string;
  bytes?: string;
}

interface RgLineMessage {
  path: RgData;
  lines: RgData;
  line_number: number | null;
  submatches: Array<{ match: RgData; start: number; end: number }>;
}

/** Options for {@link createMatchCollector}. */
export interface MatchCollectorOptions {
  /** Workspace root; rg runs there and its paths are made relative to it. */
  root: string;
  /** Context lines asked of rg. @default 0 */
  context: number;
  /** Most matches kept; one more stops the search and marks it truncated. */
  maxMatches: number;
  /** Files outside this set are skipped. @default every file */
  onlyFiles?: ReadonlySet<string>;
}

/** Turns rg's `--json` records into sorted {@link SearchMatch}es. */
export interface MatchCollector {
  /** Takes one JSON line; returns false once the match cap is exceeded. */
  accept(record: string): boolean;
  /** Files rg searched (from its summary, else the files seen). */
  filesSearched(): number;
  /** True when the cap cut the results short. */
  truncated(): boolean;
  /** Matches sorted by file, line, column; at most `maxMatches`. */
  matches(): SearchMatch[];
}

function toBuffer(data: RgData): Buffer {
  return data.bytes === undefined
    ? Buffer.from(data.text ?? '', 'utf8')
    : Buffer.from(data.bytes, 'base64');
}

function toText(data: RgData): string {
  return data.text ?? toBuffer(data).toString('utf8');
}

function stripLineBreak(text: string): string {
  return text.replace(/\r?\n$/, '');
}

/** Orders matches by file, then line, then column (code-unit string order for files). */
export function compareMatches(a: SearchMatch, b: SearchMatch): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}

/** Creates a collector for one rg run. */
export function createMatchCollector(options: MatchCollectorOptions): MatchCollector {
  const all: SearchMatch[] = [];
  const seenFiles = new Set<string>();
  let summaryFiles: number | undefined;
  let cut = false;
  // Per-file line texts (matches and context), to fill before/after when the file ends.
  let fileLines = new Map<number, string>();
  let fileMatches: SearchMatch[] = [];

  const toFile = (data: RgData): string =>
    path
      .relative(options.root, path.resolve(options.root, toText(data)))
      .split(path.sep)
      .join('/');

  const flushFile = (): void => {
    if (options.context > 0) {
      for (const match of fileMatches) {
        match.before = collectLines(fileLines, match.line - options.context, match.line - 1);
        match.after = collectLines(fileLines, match.line + 1, match.line + options.context);
      }
    }
    fileLines = new Map();
    fileMatches = [];
  };

  const addMatch = (data: RgLineMessage): boolean => {
    const lineBytes = toBuffer(data.lines);
    const fullLine = stripLineBreak(lineBytes.toString('utf8'));
    const line = data.line_number ?? 0;
    fileLines.set(line, clipText(fullLine));
    const file = toFile(data.path);
    if (options.onlyFiles !== undefined && !options.onlyFiles.has(file)) return true;
    // Columns counted on from the previous submatch: a minified line may hold thousands.
    let column = 1;
    let counted = 0;
    for (const sub of data.submatches) {
      if (all.length >= options.maxMatches) {
        cut = true;
        return false;
      }
      const text = toText(sub.match);
      column += lineBytes.subarray(counted, sub.start).toString('utf8').length;
      counted = sub.start;
      const { lineText, clipped } = clipLineText(fullLine, column, text.length);
      const match: SearchMatch = {
        file,
        line,
        column,
        length: text.length,
        text: clipText(text),
        lineText,
        ...(clipped === undefined ? {} : { clipped }),
      };
      all.push(match);
      fileMatches.push(match);
    }
    return true;
  };

  return {
    accept(record) {
      const message = JSON.parse(record) as { type: string; data: Record<string, unknown> };
      switch (message.type) {
        case 'begin':
          seenFiles.add(toFile(message.data.path as RgData));
          return true;
        case 'match':
          return addMatch(message.data as unknown as RgLineMessage);
        case 'context': {
          const data = message.data as unknown as RgLineMessage;
          fileLines.set(data.line_number ?? 0, clipText(stripLineBreak(toText(data.lines))));
          return true;
        }
        case 'end':
          flushFile();
          return true;
        case 'summary': {
          const stats = message.data.stats as { searches?: number } | undefined;
          summaryFiles = stats?.searches;
          return true;
        }
        default:
          return true;
      }
    },
    filesSearched: () => summaryFiles ?? seenFiles.size,
    truncated: () => cut,
    matches() {
      flushFile();
      return [...all].sort(compareMatches);
    },
  };
}

function collectLines(lines: Map<number, string>, from: number, to: number): string[] {
  const result: string[] = [];
  for (let line = Math.max(1, from); line <= to; line++) {
    const text = lines.get(line);
    if (text !== undefined) result.push(text);
  }
  return result;
}
