/** Keeps the last `maxBytes` bytes written to it. */
export interface OutputTail {
  push(chunk: Buffer): void;
  /** The kept bytes as UTF-8, without a character cut in half at the start. */
  text(): string;
}

/** Keeps the first `maxBytes` bytes written to it. */
export interface OutputCollector {
  push(chunk: Buffer): void;
  /** True once more than `maxBytes` bytes were written. */
  readonly truncated: boolean;
  text(): string;
}

/** A tail of at most `maxBytes` bytes (0 keeps nothing). */
export function createOutputTail(maxBytes: number): OutputTail {
  let chunks: Buffer[] = [];
  let bytes = 0;
  return {
    push(chunk) {
      if (maxBytes <= 0) return;
      chunks.push(chunk);
      bytes += chunk.length;
      if (bytes > maxBytes * 2) {
        chunks = [Buffer.concat(chunks).subarray(-maxBytes)];
        bytes = maxBytes;
      }
    },
    text() {
      const kept = Buffer.concat(chunks).subarray(-maxBytes);
      let start = 0;
      // Skip UTF-8 continuation bytes (10xxxxxx) left from a character cut at the start.
      while (start < kept.length && start < 3 && ((kept[start] ?? 0) & 0xc0) === 0x80) start++;
      return kept.subarray(start).toString('utf8');
    },
  };
}

/** A collector of at most `maxBytes` bytes (0 keeps nothing). */
export function createOutputCollector(maxBytes: number): OutputCollector {
  const chunks: Buffer[] = [];
  let bytes = 0;
  let truncated = false;
  return {
    push(chunk) {
      if (maxBytes <= 0) return;
      const room = maxBytes - bytes;
      if (chunk.length > room) truncated = true;
      if (room <= 0) return;
      const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
      chunks.push(kept);
      bytes += kept.length;
    },
    get truncated() {
      return truncated;
    },
    text: () => Buffer.concat(chunks).toString('utf8'),
  };
}
