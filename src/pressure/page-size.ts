import { readFileSync } from 'node:fs';
import { endianness } from 'node:os';

const AT_NULL = 0;
const AT_PAGESZ = 6;
const DEFAULT_PAGE_BYTES = 4096;

/**
 * The kernel's page size in bytes, from the `AT_PAGESZ` entry of `<procRoot>/self/auxv`
 * (some arm64 kernels use 16 KB or 64 KB pages). 4096 when the file cannot be read.
 */
export function readPageBytes(procRoot: string): number {
  let auxv: Buffer;
  try {
    auxv = readFileSync(`${procRoot}/self/auxv`);
  } catch {
    return DEFAULT_PAGE_BYTES;
  }
  const wordBytes = ['arm', 'ia32', 'mips', 'mipsel', 'ppc'].includes(process.arch) ? 4 : 8;
  const little = endianness() === 'LE';
  const word = (offset: number): number => {
    if (wordBytes === 4) return little ? auxv.readUInt32LE(offset) : auxv.readUInt32BE(offset);
    return Number(little ? auxv.readBigUInt64LE(offset) : auxv.readBigUInt64BE(offset));
  };
  for (let offset = 0; offset + 2 * wordBytes <= auxv.length; offset += 2 * wordBytes) {
    const key = word(offset);
    if (key === AT_NULL) break;
    if (key === AT_PAGESZ) {
      const value = word(offset + wordBytes);
      return value > 0 ? value : DEFAULT_PAGE_BYTES;
    }
  }
  return DEFAULT_PAGE_BYTES;
}
