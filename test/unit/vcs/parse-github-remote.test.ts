import { describe, expect, it } from 'vitest';
import { parseGithubRemote } from '../../../src/vcs/parse-github-remote.js';

describe('parseGithubRemote', () => {
  it.each([
    ['git@github.com:acme/widgets.git', 'github.com'],
    ['git@github.com:acme/widgets', 'github.com'],
    ['ssh://git@github.com/acme/widgets.git', 'github.com'],
    ['https://github.com/acme/widgets.git', 'github.com'],
    ['https://github.com/acme/widgets', 'github.com'],
    ['https://x-access-token:secret@github.com/acme/widgets.git', 'github.com'],
    ['https://GitHub.example.com/acme/widgets/', 'github.example.com'],
  ])('reads owner and repo from %s', (url, host) => {
    expect(parseGithubRemote(url)).toEqual({ host, owner: 'acme', repo: 'widgets' });
  });

  it('keeps dots in repository names', () => {
    expect(parseGithubRemote('git@github.com:acme/widgets.js.git')?.repo).toBe('widgets.js');
  });

  it.each([
    '/srv/git/widgets.git',
    'file:///srv/git/widgets.git',
    'https://github.com/acme',
    'not a url',
    '',
  ])('returns null for %j', (url) => {
    expect(parseGithubRemote(url)).toBeNull();
  });
});
