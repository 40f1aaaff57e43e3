import { describe, expect, it } from 'vitest';
import { toCheckValue } from '../../../src/core/python-check-script.js';

const execution = (
  value: string | null,
  error: { type: string; message: string } | null = null,
) => ({
  stdout: '',
  stderr: '',
  value,
  error: error === null ? null : { ...error, traceback: '' },
  timedOut: false,
});

describe('toCheckValue', () => {
  it('reads the JSON a check handed back as the repr of its base64', () => {
    const encoded = Buffer.from(JSON.stringify({ imported: ['a'] })).toString('base64');
    expect(toCheckValue(execution(`'${encoded}'`))).toEqual({ imported: ['a'] });
  });

  it('says the answer was cut when the server kept only its start', () => {
    const encoded = Buffer.from(JSON.stringify({ imported: ['a', 'b', 'c'] })).toString('base64');
    expect(() => toCheckValue(execution(`'${encoded.slice(0, 10)}`))).toThrow(
      /answer was cut at 11 characters/,
    );
  });

  it("names the interpreter's error when the script failed", () => {
    expect(() => toCheckValue(execution(null, { type: 'NameError', message: 'x' }))).toThrow(
      'The Python check script failed: NameError: x',
    );
  });
});
