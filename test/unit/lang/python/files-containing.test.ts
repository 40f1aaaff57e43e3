import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesContainingText } from '../../../../src/lang/python/engine/files-containing.js';

describe('filesContainingText', () => {
  let root: string;
  const files: string[] = [];
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'mcpo-contains-'));
    mkdirSync(path.join(root, 'pkg'));
    // More files than one batch, and than the file handles a walk may hold open at once.
    for (let i = 0; i < 1_500; i += 1) {
      const file = `pkg/m${String(i).padStart(4, '0')}.py`;
      writeFileSync(path.join(root, file), i % 100 === 7 ? 'x = compute_total(1)\n' : 'y = 1\n');
      files.push(file);
    }
    writeFileSync(path.join(root, 'pkg/uni.py'), 'größe_total = 1\n');
    files.push('pkg/uni.py');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds every file holding the text, in the given order', async () => {
    const found = await filesContainingText(root, files, 'compute_total');
    expect(found).toHaveLength(15);
    expect(found[0]).toBe('pkg/m0007.py');
    expect(found.at(-1)).toBe('pkg/m1407.py');
  });

  it('matches a non-ASCII name by its UTF-8 bytes', async () => {
    expect(await filesContainingText(root, files, 'größe_total')).toEqual(['pkg/uni.py']);
  });

  it('takes a file gone since it was listed as holding nothing', async () => {
    expect(await filesContainingText(root, ['pkg/gone.py', 'pkg/m0007.py'], 'compute')).toEqual([
      'pkg/m0007.py',
    ]);
  });

  it('names a file it cannot read', async () => {
    // A link to itself: ELOOP on any read, root or not.
    symlinkSync('loop.py', path.join(root, 'pkg/loop.py'));
    await expect(filesContainingText(root, ['pkg/loop.py'], 'compute')).rejects.toThrow(
      /Cannot read the Python file "pkg\/loop\.py" in .* \(ELOOP\)/,
    );
  });

  it('stops when its signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(
      filesContainingText(root, files, 'compute_total', controller.signal),
    ).rejects.toThrow('stop');
  });
});
