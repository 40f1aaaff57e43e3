import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExampleRepo, type ExampleRepo, runCli } from '../helpers/fixture-repo.js';

const require = createRequire(import.meta.url);
const TSCONFIG = JSON.stringify({
  compilerOptions: { strict: true, noEmit: true },
  include: ['src'],
});
const PACKAGE = JSON.stringify({
  name: 'fixture',
  private: true,
  scripts: { test: 'node -e "0"' },
});

describe('the compile check judges a change against its base', () => {
  let repo: ExampleRepo;
  beforeAll(async () => {
    repo = await createExampleRepo({
      files: {
        'package.json': PACKAGE,
        'tsconfig.json': TSCONFIG,
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the text of a fixture source file
        'src/users.ts': 'export function getUser(id: number): string {\n  return `u${id}`;\n}\n',
        'src/app.ts':
          "import { getUser } from './users';\nexport const name: string = getUser(1);\nconst readUser = 3;\nexport const n: number = readUser;\n",
        // An error already at HEAD, which no change of ours is to blame for.
        'src/legacy.ts': 'export const broken: number = "not a number";\n',
      },
    });
  });
  afterAll(() => repo?.cleanup());

  it('passes a correct change although the tsconfig already fails at HEAD, and says what it checked', async () => {
    const result = await runCli([
      'run',
      'rename function getUser to fetchUser',
      '--workspace',
      repo.dir,
      '--json',
    ]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as {
      phases: Array<{
        phase: string;
        data: { compile?: { description: string; passed: boolean } };
      }>;
    };
    const compile = json.phases.find((p) => p.phase === 'execute')?.data.compile;
    expect(compile?.passed).toBe(true);
    expect(compile?.description).toContain('tsconfig.json');
  }, 120_000);

  it('fails a change that makes a new type error, naming it, and rolls back', async () => {
    const planFile = `${repo.dir}-plan.json`;
    const planned = await runCli([
      'plan',
      'rename function getUser to fetchUser',
      '--workspace',
      repo.dir,
      '--out',
      planFile,
    ]);
    expect(planned.code, planned.stderr).toBe(0);
    const fs = await import('node:fs/promises');
    const plan = JSON.parse(await fs.readFile(planFile, 'utf8')) as {
      dag: { nodes: Array<{ op: string; file?: string; edits?: Array<{ start: number[] }> }> };
    };
    // A hand edit drops the call's edit: the import is renamed, the call is not.
    const app = plan.dag.nodes.find((n) => n.op === 'edit' && n.file === 'src/app.ts');
    if (app?.edits) app.edits = app.edits.filter((e) => e.start[0] !== 2);
    await fs.writeFile(planFile, JSON.stringify(plan));
    const before = await repo.snapshot();
    const result = await runCli(['apply', planFile, '--workspace', repo.dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('CHECK_FAILED');
    expect(result.stderr).toMatch(/src\/app\.ts:2:\d+ TS2304 Cannot find name 'getUser'/);
    expect(result.stderr).not.toContain('legacy.ts');
    expect(await repo.snapshot()).toEqual(before);
  }, 120_000);

  it('judges a compile command against the same command at the base', async () => {
    const result = await runCli([
      'run',
      'rename function getUser to readUserById',
      '--workspace',
      repo.dir,
      '--compile-command',
      `node ${JSON.stringify(require.resolve('typescript/bin/tsc'))} --noEmit -p tsconfig.json`,
      '--json',
    ]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as {
      phases: Array<{ phase: string; data: { compile?: { description: string } } }>;
    };
    expect(json.phases.find((p) => p.phase === 'execute')?.data.compile?.description).toContain(
      'fails at the base too',
    );
  }, 120_000);

  it('can be turned off, and says so', async () => {
    const result = await runCli([
      'plan',
      'rename function getUser to loadUser',
      '--workspace',
      repo.dir,
      '--no-compile',
      '--out',
      `${repo.dir}-no-compile.json`,
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const plan = JSON.parse(
      await import('node:fs/promises').then((fs) =>
        fs.readFile(`${repo.dir}-no-compile.json`, 'utf8'),
      ),
    ) as { dag: { nodes: Array<{ op: string; compile?: unknown }> } };
    expect(plan.dag.nodes.find((n) => n.op === 'check')?.compile).toEqual({
      kind: 'none',
      reason: 'turned off with --no-compile',
    });
  }, 120_000);
});
