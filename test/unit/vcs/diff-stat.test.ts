import { describe, expect, it } from 'vitest';
import { toDiffStat } from '../../../src/vcs/diff-stat.js';

describe('toDiffStat', () => {
  it('sums lines per file and in total, in path order', () => {
    expect(toDiffStat('3\t1\tsrc/b.ts\x001\t0\tsrc/a b.ts\x00')).toEqual({
      files: [
        { file: 'src/a b.ts', additions: 1, deletions: 0, binary: false },
        { file: 'src/b.ts', additions: 3, deletions: 1, binary: false },
      ],
      additions: 4,
      deletions: 1,
    });
  });

  it('counts binary files as zero lines and marks them', () => {
    expect(toDiffStat('-\t-\timg/logo.png\x00').files).toEqual([
      { file: 'img/logo.png', additions: 0, deletions: 0, binary: true },
    ]);
  });

  it('is empty for an empty diff', () => {
    expect(toDiffStat('')).toEqual({ files: [], additions: 0, deletions: 0 });
  });
});
