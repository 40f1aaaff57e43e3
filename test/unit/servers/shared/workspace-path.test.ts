import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../../src/core/errors.js';
import {
  createWorkspaceFileFilter,
  keepWorkspaceItems,
} from '../../../../src/servers/shared/workspace-file-filter.js';
import { resolveWorkspacePath } from '../../../../src/servers/shared/workspace-path.js';

let outside: string;
let root: string;

beforeAll(() => {
  outside = realpathSync(mkdtempSync(path.join(tmpdir(), 'ws-path-outside-')));
  root = realpathSync(mkdtempSync(path.join(tmpdir(), 'ws-path-')));
  writeFileSync(path.join(outside, 'secret.py'), 'SECRET = 1\n');
  mkdirSync(path.join(root, 'src'));
  mkdirSync(path.join(root, '.git'));
  writeFileSync(path.join(root, 'src', 'a.py'), 'A = 1\n');
  symlinkSync(path.join(outside, 'secret.py'), path.join(root, 'link.py'));
  symlinkSync(outside, path.join(root, 'outdir'));
  symlinkSync(path.join(outside, 'not-yet.py'), path.join(root, 'dangling.py'));
  symlinkSync('loop-b', path.join(root, 'loop-a'));
  symlinkSync('loop-a', path.join(root, 'loop-b'));
  symlinkSync('src', path.join(root, 'inlink'));
  symlinkSync('.git', path.join(root, 'gitlink'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

function codeOf(file: string): string {
  try {
    resolveWorkspacePath(root, file);
    return 'ok';
  } catch (error) {
    return isOrchestratorError(error) ? error.code : String(error);
  }
}

describe('resolveWorkspacePath', () => {
  it('accepts files inside the root, through inside links and not yet created', () => {
    expect(resolveWorkspacePath(root, 'src/a.py')).toEqual({
      absolute: path.join(root, 'src', 'a.py'),
      relative: 'src/a.py',
    });
    expect(resolveWorkspacePath(root, 'inlink/a.py').relative).toBe('inlink/a.py');
    expect(resolveWorkspacePath(root, 'src/new/deeper.py').relative).toBe('src/new/deeper.py');
    expect(resolveWorkspacePath(root, path.join(root, 'src')).relative).toBe('src');
  });

  it('refuses a path whose real path is outside the root, naming the path', () => {
    for (const file of ['link.py', 'outdir', 'outdir/secret.py', 'outdir/new/file.py']) {
      expect(codeOf(file), file).toBe('PATH_OUTSIDE_WORKSPACE');
    }
    expect(() => resolveWorkspacePath(root, 'link.py')).toThrow(
      `"link.py" is outside the workspace ${root} (through a symbolic link it is ${path.join(outside, 'secret.py')})`,
    );
    expect(codeOf('../x.py')).toBe('PATH_OUTSIDE_WORKSPACE');
  });

  it('follows a dangling link to where it points', () => {
    expect(codeOf('dangling.py')).toBe('PATH_OUTSIDE_WORKSPACE');
  });

  it('refuses a link loop as an unsafe path', () => {
    expect(codeOf('loop-a')).toBe('UNSAFE_PATH');
    expect(() => resolveWorkspacePath(root, 'loop-a')).toThrow(/"loop-a"/);
  });

  it('refuses .git and .mcp-orchestrator by name, by case and through links', () => {
    for (const file of [
      '.git',
      '.git/config',
      'sub/../.git/HEAD',
      '.GIT/config',
      'vendor/lib/.git/config',
      'gitlink',
      'gitlink/config',
      '.mcp-orchestrator',
      '.mcp-orchestrator/worktrees/x/a.py',
    ]) {
      expect(codeOf(file), file).toBe('UNSAFE_PATH');
    }
    expect(() => resolveWorkspacePath(root, 'gitlink')).toThrow(
      '"gitlink" is in .git/, which is never searched or read',
    );
    expect(codeOf('.gitignore')).toBe('ok');
    expect(codeOf('src/.github/workflow.py')).toBe('ok');
  });
});

describe('createWorkspaceFileFilter', () => {
  it('allows result files only when their real path is inside the root and unprotected', async () => {
    const filter = createWorkspaceFileFilter(root);
    const answers = await Promise.all(
      ['src/a.py', 'inlink/a.py', 'link.py', 'outdir/secret.py', 'gitlink/config', '../x'].map(
        async (file) => [file, await filter.allows(file)],
      ),
    );
    expect(Object.fromEntries(answers)).toEqual({
      'src/a.py': true,
      'inlink/a.py': true,
      'link.py': false,
      'outdir/secret.py': false,
      'gitlink/config': false,
      '../x': false,
    });
  });

  it('keeps items in order and names each refused file once, sorted', async () => {
    const items = [
      { file: 'src/a.py', other: undefined },
      { file: 'outdir/secret.py', other: undefined },
      { file: 'src/a.py', other: 'link.py' },
      { file: 'inlink/a.py', other: undefined },
      { file: 'link.py', other: undefined },
    ];
    const result = await keepWorkspaceItems(createWorkspaceFileFilter(root), items, (item) => [
      item.file,
      item.other,
    ]);
    expect(result.kept).toEqual([items[0], items[3]]);
    expect(result.skippedFiles).toEqual(['link.py', 'outdir/secret.py']);
  });
});
