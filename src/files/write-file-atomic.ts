import { randomBytes } from 'node:crypto';
import { chmod, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Replaces (or creates) `absolute` with `bytes` atomically: a temp file in the same folder,
 * then a rename, so readers see the old content or the new, never half. A rename also never
 * writes through a hard link to the old file.
 * @param mode permission bits to give the file; without it the process default (umask) applies.
 */
export async function writeFileAtomic(
  absolute: string,
  bytes: Uint8Array,
  mode?: number,
): Promise<void> {
  const temp = path.join(
    path.dirname(absolute),
    `.${path.basename(absolute)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, absolute);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
