import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPUTED_ENCODING_KEYS } from '../../../src/files/encoding-aliases.js';
import { ISO_8859_TABLES } from '../../../src/files/single-byte-tables-iso.js';
import { PC_TABLES } from '../../../src/files/single-byte-tables-pc.js';

const DUMP = path.join(import.meta.dirname, 'fixtures', 'dump-python-tables.py');

describe('single-byte tables', () => {
  it("hold exactly what Python's own codecs decode source bytes to", () => {
    const python = JSON.parse(execFileSync('python3', [DUMP, 'json'], { encoding: 'utf8' }));
    expect({ ...ISO_8859_TABLES, ...PC_TABLES }).toEqual(python.tables);
    expect(COMPUTED_ENCODING_KEYS).toEqual(python.computed);
  });

  it('hold 128 entries each', () => {
    for (const table of Object.values({ ...ISO_8859_TABLES, ...PC_TABLES })) {
      expect(table.high).toHaveLength(128);
    }
  });
});
