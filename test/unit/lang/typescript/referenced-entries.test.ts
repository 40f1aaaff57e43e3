import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTypeScriptAdapter } from '../../../../src/lang/typescript/index.js';
import { referencedEntries } from '../../../../src/lang/typescript/queries/referenced-entries.js';

const FILES: Record<string, string> = {
  // The smallest library and no @types: the program builds in a fraction of the default's time.
  'tsconfig.json': '{"compilerOptions": {"lib": ["es5"], "types": [], "allowJs": true}}',
  'src/users.ts':
    'export function getUser(id: number) { return id; }\nexport default class Repo {\n  constructor() {}\n  find(id: number) { return getUser(id); }\n  ["size"] = 1;\n}\n',
  'src/app.ts':
    "import Repo, { getUser as fetchUser } from './users';\nimport * as users from './users';\nexport const one = fetchUser(1) + users.getUser(2);\nexport const repo = new Repo();\nrepo.find(3);\nconsole.log(repo['size']);\n",
  'lib/legacy.js':
    "const { getUser } = require('../src/users');\nmodule.exports.load = () => getUser(4);\n",
};

const root = mkdtempSync(path.join(tmpdir(), 'referenced-entries-'));
for (const [file, text] of Object.entries(FILES)) {
  mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('referencedEntries', () => {
  it("gives the LanguageService's findReferences entries, isDefinition included, at every name", async () => {
    const adapter = createTypeScriptAdapter({ root });
    try {
      const compared = await adapter.withEngine((project) => {
        const results: Array<{ at: string; ours: unknown; theirs: unknown }> = [];
        for (const file of Object.keys(FILES).filter((f) => f !== 'tsconfig.json')) {
          const fileName = project
            .program()
            .getSourceFiles()
            .find((f) => f.fileName.endsWith(`/${file}`))?.fileName as string;
          const text = FILES[file] as string;
          for (const match of text.matchAll(/[A-Za-z_]\w*|default|constructor|"size"/g)) {
            const offset = match.index ?? 0;
            const theirs = (project.service.findReferences(fileName, offset) ?? []).flatMap((g) =>
              g.references.map((e) => [
                e.fileName,
                e.textSpan.start,
                e.textSpan.length,
                e.isDefinition === true,
              ]),
            );
            const ours = referencedEntries(project, fileName, offset).map((e) => [
              e.fileName,
              e.start,
              e.length,
              e.isDefinition,
            ]);
            results.push({ at: `${file}:${offset} ${match[0]}`, ours, theirs });
          }
        }
        return results;
      });
      expect(compared.length).toBeGreaterThan(50);
      expect(compared.filter((c) => (c.theirs as unknown[]).length > 0).length).toBeGreaterThan(30);
      for (const { at, ours, theirs } of compared)
        expect({ at, entries: ours }).toEqual({ at, entries: theirs });
    } finally {
      await adapter.close();
    }
  });
});
