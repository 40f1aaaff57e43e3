/** A JavaScript repository small enough that a whole run takes ~3 s. */
export const JS_FILES: Record<string, string> = {
  'package.json': '{ "name": "tiny", "private": true, "type": "module" }\n',
  'src/users.js': 'export function getUser(id) {\n  return { id, name: "user" + id };\n}\n',
  'src/index.js': "import { getUser } from './users.js';\nexport const first = () => getUser(1);\n",
  'test/users.test.js': [
    "import assert from 'node:assert/strict';",
    "import { test } from 'node:test';",
    "import { first } from '../src/index.js';",
    "test('the first user is user 1', () => assert.equal(first().id, 1));",
    '',
  ].join('\n'),
};

/** A tracked symlink to a file outside the repository that uses the renamed name. */
export const JS_LINKS: Record<string, string> = { 'src/outside.js': '<sentinel>/outside.js' };
export const JS_SENTINEL: Record<string, string> = {
  'outside.js':
    "import { getUser } from '../repo/src/users.js';\nexport const second = () => getUser(2);\n",
};

export const JS_COMMAND = 'rename function getUser to fetchUser';
export const JS_BRANCH = 'mcp-orchestrator/rename-function-getuser-to-fetchuser';
export const JS_TESTS = 'node --test test/';

/** `run` on the tiny repository in `repo`, with its tests given (not npm: it writes to HOME). */
export function runArgs(repo: string, tests = JS_TESTS, ...extra: string[]): string[] {
  return ['run', JS_COMMAND, '--workspace', repo, '--test-command', tests, ...extra];
}
