import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** File name of the memory samples inside a run folder. */
export const MEMORY_FILE_NAME = 'memory.jsonl';

/** One line of `memory.jsonl`: one sample of the memory monitor. */
export const MemoryLineSchema = z.object({
  /** Milliseconds since the Unix epoch. */
  timestamp: z.number().finite(),
  /** This process and its children, in MB. */
  treeRssMb: z.number().finite().nonnegative(),
  /** This process, in MB. */
  rssMb: z.number().finite().nonnegative(),
  /** Memory in use against the limit, 0..1 (above 1 when the kernel lets it pass). */
  ratio: z.number().finite().nonnegative(),
  highPressure: z.boolean(),
});

/** One line of `memory.jsonl`. */
export type MemoryLine = z.infer<typeof MemoryLineSchema>;

/** Appends memory samples to `<runDir>/memory.jsonl`. */
export interface MemoryLog {
  readonly filePath: string;
  /** Appends one sample, synchronously (~20 µs). Ignored once closed. */
  record(sample: MemoryLine): void;
  /** Closes the file. Safe to call twice. */
  close(): void;
}

/**
 * Opens `<runDir>/memory.jsonl` for appending (the folder is created). A sample that cannot be
 * written (disk full) is dropped and told once through `warn`: memory figures never fail a run.
 */
export function createMemoryLog(runDir: string, warn: (message: string) => void): MemoryLog {
  mkdirSync(runDir, { recursive: true });
  const filePath = path.join(runDir, MEMORY_FILE_NAME);
  let fd: number | null = openSync(filePath, 'a');
  let warned = false;
  return {
    filePath,
    record(sample) {
      if (fd === null) return;
      const line = {
        timestamp: sample.timestamp,
        treeRssMb: round(sample.treeRssMb),
        rssMb: round(sample.rssMb),
        ratio: Math.round(sample.ratio * 10_000) / 10_000,
        highPressure: sample.highPressure,
      };
      try {
        writeSync(fd, `${JSON.stringify(line)}\n`);
      } catch (error) {
        if (!warned) warn(`Memory samples not written to ${filePath}: ${String(error)}`);
        warned = true;
      }
    },
    close() {
      if (fd === null) return;
      const open = fd;
      fd = null;
      closeSync(open);
    },
  };
}

function round(mb: number): number {
  return Math.round(mb * 10) / 10;
}
