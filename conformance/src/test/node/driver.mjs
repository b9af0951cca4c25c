// Drives the official `openai` npm client against a fake gateway for OpenAiNodeClientSpec.
// One case per line of JSON on stdin; one line of JSON on stdout per case, saying what the client
// reported: what a user of that client would see, not what went over the wire.
//
// A case: {"call": "chat"|"stream"|"models.list"|"models.retrieve"|"post"|"get", "baseURL", "apiKey",
//          "noAuth", "maxRetries", "timeoutMs", "params", "id", "path", "body"}
import OpenAI from 'openai';
import readline from 'node:readline';

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (!line.trim()) continue;
  const testCase = JSON.parse(line);
  const started = performance.now();
  let result;
  try {
    result = await answerWithin(run(testCase, started), testCase.deadlineMs ?? 15000);
  } catch (e) {
    result = failure(e);
  }
  result.elapsedMs = Math.round(performance.now() - started);
  process.stdout.write(JSON.stringify(result) + '\n');
}

/**
 * The client's answer, or a report that it gave none: a call whose body never ends can leave the
 * client's promise pending forever (its timeout covers the headers only).
 */
function answerWithin(promise, ms) {
  let timer;
  const none = new Promise((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, errorClass: 'NoAnswer', message: `no answer within ${ms} ms` }),
      ms,
    );
  });
  return Promise.race([promise, none]).finally(() => clearTimeout(timer));
}

function client(c) {
  return new OpenAI({
    apiKey: c.apiKey ?? 'sk-fake-hive',
    baseURL: c.baseURL,
    maxRetries: c.maxRetries ?? 0,
    timeout: c.timeoutMs ?? 10000,
    // A null header is removed: the request goes out without Authorization.
    defaultHeaders: c.noAuth ? { Authorization: null } : undefined,
  });
}

async function run(c, started) {
  const openai = client(c);
  switch (c.call) {
    case 'chat': {
      const { data, response, request_id } = await openai.chat.completions
        .create(c.params)
        .withResponse();
      const choice = data.choices?.[0] ?? {};
      return {
        ok: true,
        status: response.status,
        requestId: data._request_id ?? null,
        requestIdOfResponse: request_id ?? null,
        processingMs: response.headers.get('openai-processing-ms'),
        id: data.id ?? null,
        object: data.object ?? null,
        content: choice.message?.content ?? null,
        refusal: choice.message?.refusal,
        logprobs: choice.logprobs,
        finishReason: choice.finish_reason ?? null,
        systemFingerprint: data.system_fingerprint,
        usage: data.usage ?? null,
      };
    }
    case 'stream': {
      const { data: stream, response, request_id } = await openai.chat.completions
        .create({ ...c.params, stream: true })
        .withResponse();
      const out = { ok: true, status: response.status, requestId: request_id ?? null };
      out.chunks = 0;
      out.text = '';
      out.usage = null;
      out.finishReason = null;
      out.chunkTimesMs = [];
      try {
        for await (const chunk of stream) {
          out.chunks++;
          out.chunkTimesMs.push(Math.round(performance.now() - started));
          out.text += chunk.choices?.[0]?.delta?.content ?? '';
          out.finishReason = chunk.choices?.[0]?.finish_reason ?? out.finishReason;
          if (chunk.usage) out.usage = chunk.usage;
        }
      } catch (e) {
        return { ...out, ...failure(e), partialText: out.text };
      }
      return out;
    }
    case 'models.list': {
      const { data: page, request_id } = await openai.models.list().withResponse();
      return { ok: true, requestId: request_id ?? null, ids: page.data.map((m) => m.id) };
    }
    case 'models.retrieve': {
      const { data, request_id } = await openai.models.retrieve(c.id).withResponse();
      return { ok: true, requestId: request_id ?? null, id: data.id, object: data.object };
    }
    case 'post': {
      const { data, request_id } = await openai.post(c.path, { body: c.body }).withResponse();
      return { ok: true, requestId: request_id ?? null, body: data };
    }
    case 'get': {
      const { data, request_id } = await openai.get(c.path).withResponse();
      return { ok: true, requestId: request_id ?? null, body: data };
    }
    default:
      throw new Error('unknown call ' + c.call);
  }
}

/** What the client's error says: its class and the fields the SDK exposes. */
function failure(e) {
  const api = e instanceof OpenAI.APIError;
  return {
    ok: false,
    errorClass: e?.constructor?.name ?? typeof e,
    status: api ? e.status ?? null : null,
    code: api ? e.code ?? null : null,
    type: api ? e.type ?? null : null,
    param: api ? e.param ?? null : null,
    requestId: api ? e.request_id ?? null : null,
    retryAfter: api ? e.headers?.['retry-after'] ?? null : null,
    retryAfterMs: api ? e.headers?.['retry-after-ms'] ?? null : null,
    message: String(e?.message ?? e),
  };
}
