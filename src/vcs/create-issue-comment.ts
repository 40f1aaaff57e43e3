import { z } from 'zod';
import { OrchestratorError } from '../core/errors.js';

/** Options for {@link createIssueComment}. */
export interface CreateIssueCommentOptions {
  owner: string;
  repo: string;
  /** The issue's or pull request's number. */
  issue: number;
  /** A token allowed to comment on issues. Never appears in errors. */
  token: string;
  /** REST API root. @default 'https://api.github.com' */
  apiUrl?: string;
  signal?: AbortSignal;
  /** Deadline for the request, in milliseconds. @default 30000 */
  timeoutMs?: number;
}

const CreatedSchema = z.object({ id: z.number(), html_url: z.string().min(1) });

/**
 * Adds a comment to an issue or pull request: `POST {apiUrl}/repos/{owner}/{repo}/issues/{n}/comments`
 * with global `fetch`. Returns the comment's page. Throws `GIT_FAILED` with GitHub's status and
 * message for a refusal or an unreachable API, `CANCELLED` when `signal` aborts.
 */
export async function createIssueComment(
  body: string,
  options: CreateIssueCommentOptions,
): Promise<{ url: string }> {
  const apiUrl = (options.apiUrl ?? 'https://api.github.com').replace(/\/+$/, '');
  const url = `${apiUrl}/repos/${encodeURIComponent(options.owner)}/${encodeURIComponent(options.repo)}/issues/${options.issue}/comments`;
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
      body: JSON.stringify({ body }),
      signal,
    });
    text = await response.text();
  } catch (error) {
    if (options.signal?.aborted === true) {
      throw new OrchestratorError('CANCELLED', `Commenting on ${url} was cancelled.`, {
        data: { url },
        cause: error,
      });
    }
    const reason = deadline.aborted ? `timed out after ${timeoutMs} ms` : String(error);
    throw new OrchestratorError('GIT_FAILED', `Could not reach GitHub at ${url}: ${reason}.`, {
      data: { url },
      cause: error,
      retryable: true,
    });
  }
  const created = response.ok ? CreatedSchema.safeParse(parseJson(text)) : undefined;
  if (created?.success !== true) {
    throw new OrchestratorError(
      'GIT_FAILED',
      `GitHub answered ${response.status} to the comment at ${url}: ${text.slice(0, 300) || 'no details'}.`,
      { data: { url, status: response.status }, retryable: response.status >= 500 },
    );
  }
  return { url: created.data.html_url };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
