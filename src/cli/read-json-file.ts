import { readFile } from 'node:fs/promises';
import { OrchestratorError } from '../core/errors.js';

/** Reads and parses a JSON file named by `flag`; a missing file or bad JSON is `BAD_INPUT` naming both. */
export async function readJsonFile(file: string, flag: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new OrchestratorError('BAD_INPUT', `${flag} ${file}: ${(error as Error).message}`, {
      data: { flag, file },
    });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `${flag} ${file} is not valid JSON: ${(error as Error).message}`,
      {
        data: { flag, file },
      },
    );
  }
}
