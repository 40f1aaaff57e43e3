import { z } from 'zod';
import { OrchestratorError } from '../core/errors.js';
import type { PullRequest } from './pull-request.js';

/** Options for {@link createGithubPullRequest}. */
export interface CreateGithubPullRequestOptions {
  owner: string;
  repo: string;
  /** A token allowed to open pull requests. Never appears in errors. */
  token: string;
  /** REST API root. @default process.env.GITHUB_API_URL ?? 'https://api.github.com' */
  apiUrl?: string;
  /** Open it as a draft. @default false */
  draft?: boolean;
  signal?: AbortSignal;
  /** Deadline for the request, in milliseconds. @default 30000 */
  timeoutMs?: number;
}

/** The pull request GitHub created. */
export interface GithubPullRequestResult {
  number: number;
  /** The pull request's page (`html_url`). */
  url: string;
}

const CreatedSchema = z.object({
  number: z.number().int().positive(),
  html_url: z.string().min(1),
});
const ErrorBodySchema = z.object({
  message: z.string().optional(),
  errors: z.array(z.object({ message: z.string().optional() })).optional(),
});

/**
 * Opens `pr` on GitHub: `POST {apiUrl}/repos/{owner}/{repo}/pulls` with global `fetch`.
 * Throws `GIT_FAILED` with GitHub's message for a refusal (retryable for 429 and 5xx), and
 * `CANCELLED` when `signal` aborts.
 */
export async function createGithubPullRequest(
  pr: PullRequest,
  options: CreateGithubPullRequestOptions,
): Promise<GithubPullRequestResult> {
  const apiUrl = (options.apiUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com').replace(
    /\/+$/,
    '',
  );
  const url = `${apiUrl}/repos/${encodeURIComponent(options.owner)}/${encodeURIComponent(options.repo)}/pulls`;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal =
    options.signal === undefined ? deadline : AbortSignal.any([options.signal, deadline]);
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        Accept: 'application/vnd.github+json',
        Authorization: `Bearer ${options.token}`,
        'Content-Type': 'application/json',
        'User-Agent': 'mcp-orchestrator',
        'X-GitHub-Api-Version': '2022-11-28',
      },
      body: JSON.stringify({
        title: pr.title,
        body: pr.body,
        head: pr.head,
        base: pr.base,
        draft: options.draft ?? false,
      }),
      signal,
    });
    text = await response.text();
  } catch (error) {
    if (options.signal?.aborted === true) {
      throw new OrchestratorError(
        'CANCELLED',
        `Creating the pull request on ${url} was cancelled.`,
        {
          data: { url },
          cause: error,
        },
      );
    }
    const reason = deadline.aborted ? `timed out after ${timeoutMs} ms` : String(error);
    throw new OrchestratorError('GIT_FAILED', `Could not reach GitHub at ${url}: ${reason}.`, {
      data: { url },
      cause: error,
      retryable: true,
    });
  }
  if (!response.ok) throw refusal(url, response.status, text);
  const created = CreatedSchema.safeParse(parseJson(text));
  if (!created.success) {
    throw new OrchestratorError(
      'GIT_FAILED',
      `GitHub answered ${response.status} from ${url} without a pull request number and URL.`,
      {
        data: { url, status: response.status },
      },
    );
  }
  return { number: created.data.number, url: created.data.html_url };
}

function refusal(url: string, status: number, text: string): OrchestratorError {
  const parsed = ErrorBodySchema.safeParse(parseJson(text));
  const details = parsed.success
    ? [parsed.data.message, ...(parsed.data.errors ?? []).map((e) => e.message)]
        .filter((m): m is string => m !== undefined && m !== '')
        .join(': ')
    : text.slice(0, 300);
  const hint =
    status === 401 || status === 403
      ? ' Check that the token may open pull requests on this repository.'
      : status === 422
        ? ' Is the branch pushed, and is there no open pull request for it already?'
        : '';
  return new OrchestratorError(
    'GIT_FAILED',
    `GitHub refused to create the pull request (${status}) at ${url}: ${details || 'no details'}.${hint}`,
    { data: { url, status, details }, retryable: status === 429 || status >= 500 },
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
