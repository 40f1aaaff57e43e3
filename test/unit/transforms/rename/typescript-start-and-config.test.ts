import { afterEach, describe, expect, it } from 'vitest';
import {
  createTypeScriptAdapter,
  type TypeScriptAdapter,
} from '../../../../src/lang/typescript/index.js';
import {
  createTsFixture,
  type TsFixture,
} from '../../../fixtures/lang-typescript/create-ts-fixture.js';
import { renameEdits } from '../../../fixtures/transforms/rename-via-halves.js';

const FILES: Record<string, string> = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      module: 'esnext',
      moduleResolution: 'bundler',
      strict: true,
      baseUrl: '.',
      paths: { '@app/*': ['src/*'] },
    },
    include: ['src'],
  }),
  'src/users.ts': 'export function getUser(id: number) {\n  return id;\n}\n',
  'src/app.ts': "import { getUser } from '@app/users';\nexport const one = getUser(1);\n",
  'test/app.test.ts': "import { getUser } from '../src/users';\ngetUser(2);\n",
};

describe('TypeScript adapter: where a rename starts, and tsconfig settings', () => {
  let fixture: TsFixture | undefined;
  let adapters: TypeScriptAdapter[] = [];
  afterEach(async () => {
    await Promise.all(adapters.map((a) => a.close()));
    await fixture?.cleanup();
    adapters = [];
    fixture = undefined;
  });

  function newAdapter(root: string): TypeScriptAdapter {
    const adapter = createTypeScriptAdapter({ root });
    adapters.push(adapter);
    return adapter;
  }

  it('gives the same edits when asked at a use in another file as at the declaration', async () => {
    fixture = await createTsFixture(FILES);
    const adapter = newAdapter(fixture.root);
    const fromDeclaration = await renameEdits(
      adapter,
      fixture.positionOf('src/users.ts', 'getUser'),
      'fetchUser',
    );
    const fromUse = await renameEdits(
      adapter,
      fixture.positionOf('test/app.test.ts', 'getUser', { occurrence: 2 }),
      'fetchUser',
    );
    const fromImport = await renameEdits(
      adapter,
      fixture.positionOf('src/app.ts', 'getUser'),
      'fetchUser',
    );
    expect(fromUse).toEqual(fromDeclaration);
    expect(fromImport).toEqual(fromDeclaration);
  });

  it('follows tsconfig path aliases and includes files outside its include list', async () => {
    fixture = await createTsFixture(FILES);
    const adapter = newAdapter(fixture.root);
    const edits = await renameEdits(
      adapter,
      fixture.positionOf('src/users.ts', 'getUser'),
      'fetchUser',
    );
    expect(edits.map((e) => `${e.file}:${e.line}`)).toEqual([
      'src/app.ts:1',
      'src/app.ts:2',
      'src/users.ts:1',
      'test/app.test.ts:1',
      'test/app.test.ts:2',
    ]);
    expect(await adapter.findImportGraph()).toEqual([
      { from: 'src/app.ts', to: 'src/users.ts', names: ['getUser'] },
      { from: 'test/app.test.ts', to: 'src/users.ts', names: ['getUser'] },
    ]);
  });

  it('gives byte-identical answers from two independent adapters', async () => {
    fixture = await createTsFixture(FILES);
    const at = fixture.positionOf('src/users.ts', 'getUser');
    const answers = await Promise.all(
      [newAdapter(fixture.root), newAdapter(fixture.root)].map(async (adapter) =>
        JSON.stringify([
          await adapter.findDefinitions('getUser'),
          await adapter.findReferences(at),
          await renameEdits(adapter, at, 'fetchUser'),
          await adapter.findCallers(at),
          await adapter.findImportGraph(),
        ]),
      ),
    );
    expect(answers[1]).toBe(answers[0]);
  });

  it('renames a component in JSX tags of .tsx and .jsx files', async () => {
    fixture = await createTsFixture({
      'card.tsx': 'export function UserCard() {\n  return <div />;\n}\n',
      'page.tsx':
        "import { UserCard } from './card';\nexport const page = <UserCard></UserCard>;\n",
      'legacy.jsx': "import { UserCard } from './card';\nexport const old = <UserCard />;\n",
    });
    const adapter = newAdapter(fixture.root);
    const edits = await renameEdits(
      adapter,
      fixture.positionOf('card.tsx', 'UserCard'),
      'ProfileCard',
    );
    const result = await fixture.applyEdits(edits);
    expect(result['page.tsx']).toBe(
      "import { ProfileCard } from './card';\nexport const page = <ProfileCard></ProfileCard>;\n",
    );
    expect(result['legacy.jsx']).toBe(
      "import { ProfileCard } from './card';\nexport const old = <ProfileCard />;\n",
    );
  });
});
