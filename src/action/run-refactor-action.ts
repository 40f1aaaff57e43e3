import { appendFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OrchestratorError, toErrorMessage } from '../core/errors.js';
import { BAD_INPUT_CODES, isOrchestratorError, MCPOrchestrator } from '../orchestrator.js';
import { createIssueComment } from '../vcs/create-issue-comment.js';
import {
  DEFAULT_ASSOCIATIONS,
  type RefactorEvent,
  readRefactorEvent,
} from './read-refactor-event.js';
import { type CommentLinks, renderRefusalComment, renderRunComment } from './render-comment.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Where the action writes what it does; each line goes to the job's log. */
export type ActionLog = (line: string) => void;

/**
 * The `/refactor` action, from the runner's environment: reads the `issue_comment` event at
 * `GITHUB_EVENT_PATH`, refuses a commenter whose `author_association` is not allowed
 * (`MCPO_ALLOWED_ASSOCIATIONS`, default OWNER, MEMBER, COLLABORATOR), runs the command (the
 * comment's `/refactor` line, or `MCPO_COMMAND`) on `GITHUB_WORKSPACE` with pr.json written to
 * `MCPO_OUTPUT`, pushes the branch and opens the pull request, and answers the comment with the
 * phase table, the risk and the links — or the error. The command is data throughout: it reaches
 * no shell. Returns the exit code: 0 done or nothing asked, 2 refused or bad input, 1 the run failed.
 */
export async function runRefactorAction(
  env: Env,
  log: ActionLog,
  signal?: AbortSignal,
): Promise<number> {
  if (env.GITHUB_EVENT_NAME !== undefined && env.GITHUB_EVENT_NAME !== 'issue_comment') {
    throw new OrchestratorError(
      'BAD_INPUT',
      `The /refactor action runs on issue_comment events, not ${env.GITHUB_EVENT_NAME}.`,
      { data: { variable: 'GITHUB_EVENT_NAME', value: env.GITHUB_EVENT_NAME } },
    );
  }
  const event = await readRefactorEvent(required(env, 'GITHUB_EVENT_PATH'));
  const token = required(env, 'GITHUB_TOKEN');
  const explicit = env.MCPO_COMMAND?.trim() ?? '';
  if (event.action !== 'created' || (event.command === null && explicit === '')) {
    log(`Nothing to do: the comment (${event.action}) asks for no /refactor.`);
    return 0;
  }
  const links: CommentLinks = runLinks(env);
  const answer = async (body: string): Promise<void> => {
    const { url } = await createIssueComment(body, {
      owner: event.owner,
      repo: event.repo,
      issue: event.issue,
      token,
      ...(env.GITHUB_API_URL ? { apiUrl: env.GITHUB_API_URL } : {}),
      ...(signal ? { signal } : {}),
    });
    log(`Answered: ${url}`);
  };

  const allowed = allowedAssociations(env);
  if (!allowed.includes(event.association)) {
    const message = `@${event.commenter}: /refactor may be run only by ${allowed.join(', ')}; your association with ${event.owner}/${event.repo} is ${event.association}. Nothing was run.`;
    log(`Refused: ${message}`);
    await answer(renderRefusalComment(message, links));
    return 2;
  }
  const command = explicit || event.command || '';
  if (command === '') {
    const message =
      'Write the change after the command, e.g. `/refactor rename getUser to fetchUser`.';
    await answer(renderRefusalComment(message, links));
    return 2;
  }
  return carryOut(command, event, env, { log, answer, links, ...(signal ? { signal } : {}) });
}

async function carryOut(
  command: string,
  event: RefactorEvent,
  env: Env,
  io: {
    log: ActionLog;
    answer(body: string): Promise<void>;
    links: CommentLinks;
    signal?: AbortSignal;
  },
): Promise<number> {
  const outputPath =
    env.MCPO_OUTPUT || path.join(env.RUNNER_TEMP || tmpdir(), 'mcp-orchestrator', 'pr.json');
  await mkdir(path.dirname(outputPath), { recursive: true });
  io.log(`/refactor ${command} (from @${event.commenter}, ${event.association})`);
  let result: Awaited<ReturnType<MCPOrchestrator['run']>>;
  try {
    result = await new MCPOrchestrator().run(command, {
      workspace: env.GITHUB_WORKSPACE || process.cwd(),
      outputPath,
      github: {
        repo: `${event.owner}/${event.repo}`,
        ...(env.MCPO_REMOTE ? { remote: env.MCPO_REMOTE } : {}),
      },
      env,
      ...(io.signal ? { signal: io.signal } : {}),
      onEvent: (runEvent) => {
        if (runEvent.type === 'phase-end') {
          const { phase, success, durationMs } = runEvent.result;
          io.log(`${phase} ${success ? 'done' : 'failed'} in ${durationMs} ms`);
        } else if (runEvent.type === 'warning') io.log(`warning: ${runEvent.message}`);
      },
    });
  } catch (error) {
    const code = isOrchestratorError(error) ? error.code : 'INTERNAL';
    io.log(`Failed before the run: ${code} ${toErrorMessage(error)}`);
    await io.answer(renderRefusalComment(`\`${code}\` ${toErrorMessage(error)}`, io.links));
    return isOrchestratorError(error) && BAD_INPUT_CODES.has(error.code) ? 2 : 1;
  }
  await writeOutputs(env, {
    success: String(result.success),
    branch: result.branch ?? '',
    'pr-url': result.pr?.url ?? '',
    'pr-json': result.success ? outputPath : '',
  });
  await io.answer(renderRunComment(result, io.links));
  if (result.success) return 0;
  const code = result.error?.code;
  return code !== undefined && (BAD_INPUT_CODES as ReadonlySet<string>).has(code) ? 2 : 1;
}

function required(env: Env, name: string): string {
  const value = env[name];
  if (!value) {
    throw new OrchestratorError('BAD_INPUT', `${name} is not set: the /refactor action needs it.`, {
      data: { variable: name },
    });
  }
  return value;
}

function allowedAssociations(env: Env): string[] {
  const listed = (env.MCPO_ALLOWED_ASSOCIATIONS ?? '')
    .split(',')
    .map((a) => a.trim().toUpperCase())
    .filter((a) => a !== '');
  return listed.length > 0 ? listed : [...DEFAULT_ASSOCIATIONS];
}

function runLinks(env: Env): CommentLinks {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId } = env;
  return server && repository && runId
    ? { runUrl: `${server}/${repository}/actions/runs/${runId}` }
    : {};
}

/** Appends `name=value` lines to the step's `GITHUB_OUTPUT` file, when there is one. */
async function writeOutputs(env: Env, outputs: Record<string, string>): Promise<void> {
  if (!env.GITHUB_OUTPUT) return;
  const lines = Object.entries(outputs).map(
    ([name, value]) => `${name}=${value.replace(/[\r\n]/g, ' ')}\n`,
  );
  await appendFile(env.GITHUB_OUTPUT, lines.join(''));
}
