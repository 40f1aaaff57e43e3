/** A GitHub repository named by a git remote URL. */
export interface GithubRemote {
  /** e.g. `github.com`, or a GitHub Enterprise host. */
  host: string;
  owner: string;
  repo: string;
}

const SCP_LIKE = /^(?:[^@/\s]+@)?([^:/\s]+):\/?([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/;

/**
 * Reads owner and repository from a remote URL: `git@github.com:owner/repo.git`,
 * `ssh://git@github.com/owner/repo.git`, `https://github.com/owner/repo(.git)` (credentials in
 * the URL are ignored). Returns `null` for anything else (a local path, a URL with no owner/repo).
 */
export function parseGithubRemote(url: string): GithubRemote | null {
  const trimmed = url.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    let parsed: URL;
    try {
      parsed = new URL(trimmed);
    } catch {
      return null;
    }
    if (!['https:', 'http:', 'ssh:', 'git:', 'git+ssh:'].includes(parsed.protocol)) return null;
    const parts = parsed.pathname.replace(/^\/+|\/+$/g, '').split('/');
    if (parts.length !== 2) return null;
    return toRemote(parsed.hostname, parts[0], parts[1]);
  }
  const match = SCP_LIKE.exec(trimmed);
  if (match === null) return null;
  return toRemote(match[1], match[2], match[3]);
}

function toRemote(
  host: string | undefined,
  owner: string | undefined,
  repo: string | undefined,
): GithubRemote | null {
  const name = repo?.replace(/\.git$/, '');
  if (host === undefined || host === '' || owner === undefined || owner === '') return null;
  if (name === undefined || name === '') return null;
  return {
    host: host.toLowerCase(),
    owner: decodeURIComponent(owner),
    repo: decodeURIComponent(name),
  };
}
