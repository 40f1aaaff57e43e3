import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRefactorCommand } from '../../../src/action/read-refactor-event.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
/** `${{`, the opening of a GitHub expression (spelt apart so it is not read as a template). */
const OPEN = ['$', '{{'].join('');
const FILES = ['action.yml', '.github/workflows/orchestrated-refactor.yml'];

/** The shell text of every `run:` step in a workflow or action file (block scalars included). */
function runScripts(text: string): string[] {
  const lines = text.split('\n');
  const scripts: string[] = [];
  lines.forEach((line, index) => {
    const match = /^(\s*)(?:- )?run:\s*(.*)$/.exec(line);
    if (!match) return;
    const indent = (match[1] ?? '').length;
    const head = match[2] ?? '';
    if (!/^[|>]/.test(head)) {
      scripts.push(head);
      return;
    }
    const body: string[] = [];
    for (const next of lines.slice(index + 1)) {
      if (next.trim() !== '' && next.search(/\S/) <= indent) break;
      body.push(next);
    }
    scripts.push(body.join('\n'));
  });
  return scripts;
}

describe('the /refactor action files', () => {
  it.each(FILES)('%s interpolates no expression into a shell: values go through env', (file) => {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    const scripts = runScripts(text);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).not.toContain(OPEN);
  });

  it('finds the run steps of a block scalar, so the check above can fail', () => {
    const scripts = runScripts(
      `steps:\n  - run: |\n      echo "${OPEN} github.event.comment.body }}"\n  - uses: x\n`,
    );
    expect(scripts).toEqual([`      echo "${OPEN} github.event.comment.body }}"`]);
  });

  it('the action runs the built entry script and passes the command as MCPO_COMMAND', () => {
    const text = readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
    expect(text).toContain(`MCPO_COMMAND: ${OPEN} inputs.command }}`);
    expect(text).toContain('run: node "$GITHUB_ACTION_PATH/dist/action/main.js"');
  });
});

describe('readRefactorCommand', () => {
  it.each([
    ['/refactor rename getUser to fetchUser', 'rename getUser to fetchUser'],
    ['LGTM\r\n\r\n  /refactor   make foo async  \r\nthanks', 'make foo async'],
    ['/refactor', ''],
    ['/refactor\nrename a to b', ''],
    ['please /refactor rename a to b', null],
    ['/refactoring is good', null],
    ['', null],
  ])('%j → %j', (body, command) => {
    expect(readRefactorCommand(body)).toBe(command);
  });
});
