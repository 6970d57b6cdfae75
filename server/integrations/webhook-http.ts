/**
 * One webhook POST: refuses private addresses (literal or resolved, see security/outbound-url.ts),
 * gives up after `timeoutMs`, reads at most 64 KB of the answer and reports the status code, the
 * duration and the error instead of throwing.
 */
import http from "node:http";
import https from "node:https";
import { performance } from "node:perf_hooks";
import { checkOutboundUrl, guardedLookup } from "../security/outbound-url";

export interface WebhookPost {
  url: string;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
  timeoutMs: number;
  allowPrivate: boolean;
}

export interface WebhookResult {
  /** A 2xx answer. */
  ok: boolean;
  status: number | null;
  durationMs: number;
  /** Short, for the delivery log: `timeout`, `private_address`, `unresolvable`, `http_500`, a network error code. */
  error: string | null;
}

const MAX_ANSWER_BYTES = 64 * 1024;

export async function postWebhook(post: WebhookPost): Promise<WebhookResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const refusal = await checkOutboundUrl(post.url, post.allowPrivate);
  if (refusal) return { ok: false, status: null, durationMs: elapsed(), error: refusal };
  const url = new URL(post.url);
  const client = url.protocol === "https:" ? https : http;
  return new Promise<WebhookResult>((resolve) => {
    let settled = false;
    const finish = (result: Omit<WebhookResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, durationMs: elapsed() });
    };
    const request = client.request(
      url,
      {
        method: "POST",
        lookup: guardedLookup(post.allowPrivate) as never,
        headers: {
          "Content-Type": post.contentType,
          "Content-Length": Buffer.byteLength(post.body),
          "User-Agent": "Guichet-Webhooks/1",
          ...post.headers,
        },
      },
      (response) => {
        let read = 0;
        response.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) response.destroy();
        });
        const done = () => {
          const status = response.statusCode ?? null;
          const ok = status !== null && status >= 200 && status < 300;
          finish({ ok, status, error: ok ? null : `http_${status}` });
        };
        response.on("end", done);
        response.on("close", done);
        response.on("error", done);
      },
    );
    const timer = setTimeout(() => {
      finish({ ok: false, status: null, error: "timeout" });
      request.destroy();
    }, post.timeoutMs);
    request.on("error", (error: NodeJS.ErrnoException) => {
      const code = error.code === "EPRIVATEADDRESS" ? "private_address" : (error.code ?? "network_error");
      finish({ ok: false, status: null, error: code.toLowerCase() });
    });
    request.end(post.body);
  });
}
