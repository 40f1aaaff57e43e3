/** `time.sleep` → `{ qualifier: 'time', name: 'sleep' }`. */
export function splitDotted(dotted: string): { qualifier?: string; name: string } {
  const dot = dotted.lastIndexOf('.');
  return dot === -1
    ? { name: dotted }
    : { qualifier: dotted.slice(0, dot), name: dotted.slice(dot + 1) };
}
