import { describe, expect, it } from 'vitest';
import {
  GET_USER_API,
  useRenameAll,
} from '../../../fixtures/lang-typescript/use-adapter-fixture.js';

const API = GET_USER_API;

describe('TypeScript adapter: findRenameEdits with CommonJS modules', () => {
  const renameAll = useRenameAll();

  it('renames a CommonJS export object and the require() bindings that use it', async () => {
    const result = await renameAll(
      {
        'lib.js': `function getUser(id) {\n  return id;\n}\nmodule.exports = { getUser };\n`,
        'main.js': `const { getUser } = require('./lib');\ngetUser(1);\n`,
      },
      { file: 'lib.js', needle: 'getUser' },
    );
    expect(result['lib.js']).toBe(
      `function fetchUser(id) {\n  return id;\n}\nmodule.exports = { fetchUser };\n`,
    );
    expect(result['main.js']).toBe(`const { fetchUser } = require('./lib');\nfetchUser(1);\n`);
  });

  it('renames member uses of a required CommonJS module', async () => {
    const result = await renameAll(
      {
        'lib.js': `function getUser(id) {\n  return id;\n}\nmodule.exports = { getUser };\n`,
        'main.js': `const lib = require('./lib');\nlib.getUser(1);\n`,
      },
      { file: 'lib.js', needle: 'getUser' },
    );
    expect(result['lib.js']).toBe(
      `function fetchUser(id) {\n  return id;\n}\nmodule.exports = { fetchUser };\n`,
    );
    expect(result['main.js']).toBe(`const lib = require('./lib');\nlib.fetchUser(1);\n`);
  });

  it('leaves member uses of a plain shorthand object alone in files that use require()', async () => {
    const result = await renameAll(
      {
        'a.js': `function getUser() {}\nconst service = { getUser };\nmodule.exports = { service };\n`,
        'b.js': `const { service } = require('./a');\nservice.getUser();\n`,
      },
      { file: 'a.js', needle: 'getUser' },
    );
    expect(result['a.js']).toBe(
      `function fetchUser() {}\nconst service = { getUser: fetchUser };\nmodule.exports = { service };\n`,
    );
    expect(result['b.js']).toBe(`const { service } = require('./a');\nservice.getUser();\n`);
  });

  it('renames an exports.name assignment and its require() consumers', async () => {
    const result = await renameAll(
      {
        'lib.js': `function getUser() {}\nexports.getUser = getUser;\n`,
        'main.js': `const { getUser } = require('./lib');\ngetUser();\n`,
      },
      { file: 'lib.js', needle: 'getUser' },
    );
    expect(result['lib.js']).toBe(`function fetchUser() {}\nexports.fetchUser = fetchUser;\n`);
    expect(result['main.js']).toBe(`const { fetchUser } = require('./lib');\nfetchUser();\n`);
  });

  it('renames require() bindings of an ES module export in JavaScript files', async () => {
    const result = await renameAll(
      { 'a.ts': API, 'legacy.js': "const { getUser } = require('./a');\ngetUser(1);\n" },
      { file: 'a.ts', needle: 'getUser' },
    );
    expect(result['legacy.js']).toBe("const { fetchUser } = require('./a');\nfetchUser(1);\n");
  });
});
