import { OrchestratorError } from '../core/errors.js';
import { createGithubPullRequest } from '../vcs/create-github-pull-request.js';
import type { GitWorkspace } from '../vcs/open-git-workspace.js';
import { parseGithubRemote } from '../vcs/parse-github-remote.js';
import type { PullRequest } from '../vcs/pull-request.js';
import { pushBranch } from '../vcs/push-branch.js';
import { runGit } from '../vcs/run-git.js';

/** Where to open the pull request. */
export interface GithubTarget {
  /** Remote to push the branch to. @default 'origin' */
  remote?: string;
  /** `owner/name`; read from the remote's URL when absent. */
  repo?: string;
}

/** What a publish needs, resolved before the run starts so a bad setting fails early. */
export interface ResolvedGithubTarget {
  remote: string;
  owner: string;
  repo: string;
  token: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Checks token, remote and repository name; throws BAD_INPUT naming what is missing. */
export async function resolveGithubTarget(
  git: GitWorkspace,
  target: GithubTarget,
  env: Env,
): Promise<ResolvedGithubTarget> {
  const token = env.GITHUB_TOKEN;
  if (!token) {
    throw new OrchestratorError(
      'BAD_INPUT',
      'GITHUB_TOKEN is not set: --github needs a token allowed to open pull requests.',
      {
        data: { variable: 'GITHUB_TOKEN' },
      },
    );
  }
  const remote = target.remote ?? 'origin';
  if (target.repo !== undefined) {
    const [owner, repo, extra] = target.repo.split('/');
    if (!owner || !repo || extra !== undefined) {
      throw new OrchestratorError(
        'BAD_INPUT',
        `--github-repo "${target.repo}" is not of the form owner/name.`,
        {
          data: { value: target.repo },
        },
      );
    }
    return { remote, owner, repo, token };
  }
  let url: string;
  try {
    url = (await runGit(['remote', 'get-url', remote], { cwd: git.root })).trim();
  } catch {
    throw new OrchestratorError(
      'BAD_INPUT',
      `The repository has no remote "${remote}" to push to. Add it, or pass --remote.`,
      {
        data: { remote },
      },
    );
  }
  const parsed = parseGithubRemote(url);
  if (!parsed) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `Remote "${remote}" (${url}) does not name a GitHub repository. Pass --github-repo owner/name.`,
      { data: { remote, url } },
    );
  }
  return { remote, owner: parsed.owner, repo: parsed.repo, token };
}

/** Pushes the run's branch and opens the pull request. */
export async function publishPullRequest(
  git: GitWorkspace,
  pr: PullRequest,
  target: ResolvedGithubTarget,
  options: { env: Env; signal?: AbortSignal },
): Promise<{ number: number; url: string }> {
  const signalOption = options.signal ? { signal: options.signal } : {};
  await pushBranch(git, target.remote, pr.head, signalOption);
  return createGithubPullRequest(pr, {
    owner: target.owner,
    repo: target.repo,
    token: target.token,
    ...(options.env.GITHUB_API_URL ? { apiUrl: options.env.GITHUB_API_URL } : {}),
    ...signalOption,
  });
}
