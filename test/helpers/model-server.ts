import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a model server received. */
export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Record<string, unknown>;
}

/** What the server answers one request with. */
export interface ScriptedReply {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  /** JSON body (or raw text when a string). */
  readonly body: unknown;
  /** Wait this long before answering (a slow model). */
  readonly delayMs?: number;
}

/** A local HTTP server speaking a model API's wire format, answering from a script. */
export interface ModelServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly requests: ReceivedRequest[];
  /** Replies given in order; the last one repeats. */
  script(replies: ScriptedReply[]): void;
  close(): Promise<void>;
}

/** Starts a server on a free loopback port; `reply` may compute a reply from the request. */
export async function startModelServer(
  reply?: (request: ReceivedRequest, index: number) => ScriptedReply | undefined,
): Promise<ModelServer> {
  let replies: ScriptedReply[] = [];
  const requests: ReceivedRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const received: ReceivedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
      };
      requests.push(received);
      const index = requests.length - 1;
      const chosen = reply?.(received, index) ??
        replies[Math.min(index, replies.length - 1)] ?? {
          status: 500,
          body: { error: 'no reply scripted' },
        };
      const body = typeof chosen.body === 'string' ? chosen.body : JSON.stringify(chosen.body);
      const send = (): void => {
        if (res.destroyed) return;
        res.writeHead(chosen.status ?? 200, {
          'content-type': 'application/json',
          ...chosen.headers,
        });
        res.end(body);
      };
      if (chosen.delayMs === undefined) send();
      else setTimeout(send, chosen.delayMs).unref();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script(next) {
      replies = next;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** An OpenAI chat completion that calls `submit_intent` with `args` (raw text when a string). */
export function openAiToolReply(
  args: unknown,
  options: {
    finishReason?: string;
    usage?: { prompt_tokens: number; completion_tokens: number } | null;
  } = {},
): ScriptedReply {
  return {
    body: {
      id: 'chatcmpl-1',
      object: 'chat.completion',
      created: 1,
      model: 'test-model',
      choices: [
        {
          index: 0,
          finish_reason: options.finishReason ?? 'tool_calls',
          message: {
            role: 'assistant',
            content: null,
            tool_calls: [
              {
                id: 'call_1',
                type: 'function',
                function: {
                  name: 'submit_intent',
                  arguments: typeof args === 'string' ? args : JSON.stringify(args),
                },
              },
            ],
          },
        },
      ],
      ...(options.usage === null
        ? {}
        : {
            usage: options.usage ?? {
              prompt_tokens: 812,
              completion_tokens: 31,
              total_tokens: 843,
            },
          }),
    },
  };
}

/** An OpenAI chat completion whose answer is in the content. */
export function openAiTextReply(content: string, finishReason = 'stop'): ScriptedReply {
  return {
    body: {
      id: 'chatcmpl-2',
      object: 'chat.completion',
      created: 1,
      model: 'test-model',
      choices: [{ index: 0, finish_reason: finishReason, message: { role: 'assistant', content } }],
      usage: { prompt_tokens: 700, completion_tokens: 20, total_tokens: 720 },
    },
  };
}

/** An Anthropic message that calls `submit_intent` with `input`. */
export function anthropicToolReply(
  input: unknown,
  options: { stopReason?: string } = {},
): ScriptedReply {
  return {
    body: {
      id: 'msg_1',
      type: 'message',
      role: 'assistant',
      model: 'claude-test',
      content: [{ type: 'tool_use', id: 'toolu_1', name: 'submit_intent', input }],
      stop_reason: options.stopReason ?? 'tool_use',
      stop_sequence: null,
      usage: {
        input_tokens: 900,
        output_tokens: 40,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 100,
      },
    },
  };
}

/** An error body in the shape both APIs use. */
export function errorReply(
  status: number,
  message: string,
  headers: Record<string, string> = {},
): ScriptedReply {
  return { status, headers, body: { type: 'error', error: { type: 'error', message } } };
}
