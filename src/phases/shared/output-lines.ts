/** The last `count` lines of `text`, without trailing blank lines. */
export function toLastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}
