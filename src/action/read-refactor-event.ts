import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { OrchestratorError } from '../core/errors.js';

/** Who may trigger `/refactor` unless the action is told otherwise. */
export const DEFAULT_ASSOCIATIONS = ['OWNER', 'MEMBER', 'COLLABORATOR'] as const;

/** The parts of an `issue_comment` event the action reads. */
const IssueCommentEventSchema = z.object({
  action: z.string(),
  comment: z.object({
    body: z.string(),
    html_url: z.string(),
    author_association: z.string(),
    user: z.object({ login: z.string() }),
  }),
  issue: z.object({
    number: z.number().int().positive(),
    pull_request: z.unknown().optional(),
  }),
  repository: z.object({ full_name: z.string().regex(/^[^/\s]+\/[^/\s]+$/) }),
});

/** A `/refactor` comment, read from the event payload. */
export interface RefactorEvent {
  /** The event's action: only `created` comments are acted on. */
  action: string;
  owner: string;
  repo: string;
  /** The issue's or pull request's number, where the answer goes. */
  issue: number;
  onPullRequest: boolean;
  commenter: string;
  association: string;
  commentUrl: string;
  /** The text after `/refactor` on the comment's first `/refactor` line; null when none. */
  command: string | null;
}

/**
 * Reads the `issue_comment` payload at `eventPath` (the runner's `GITHUB_EVENT_PATH`). Throws
 * `BAD_INPUT` naming the file and the field for a file that is missing, not JSON or not an
 * `issue_comment` payload.
 */
export async function readRefactorEvent(eventPath: string): Promise<RefactorEvent> {
  let text: string;
  try {
    text = await readFile(eventPath, 'utf8');
  } catch (error) {
    throw new OrchestratorError('BAD_INPUT', `GITHUB_EVENT_PATH ${eventPath} cannot be read.`, {
      data: { variable: 'GITHUB_EVENT_PATH', path: eventPath },
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new OrchestratorError('BAD_INPUT', `${eventPath} is not JSON.`, {
      data: { path: eventPath },
      cause: error,
    });
  }
  const parsed = IssueCommentEventSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || '(root)';
    throw new OrchestratorError(
      'BAD_INPUT',
      `${eventPath} is not an issue_comment event: ${field}: ${issue?.message ?? 'invalid'}.`,
      { data: { path: eventPath, field } },
    );
  }
  const event = parsed.data;
  const [owner = '', repo = ''] = event.repository.full_name.split('/');
  return {
    action: event.action,
    owner,
    repo,
    issue: event.issue.number,
    onPullRequest: event.issue.pull_request !== undefined && event.issue.pull_request !== null,
    commenter: event.comment.user.login,
    association: event.comment.author_association,
    commentUrl: event.comment.html_url,
    command: readRefactorCommand(event.comment.body),
  };
}

/**
 * The command of a comment's first line that starts with `/refactor` (leading spaces allowed),
 * trimmed; `''` for a bare `/refactor`; null when no line asks for one.
 */
export function readRefactorCommand(body: string): string | null {
  for (const line of body.split(/\r?\n/)) {
    const match = /^\s*\/refactor(?:\s+(.*))?$/.exec(line);
    if (match) return (match[1] ?? '').trim();
  }
  return null;
}
