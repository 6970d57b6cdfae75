/** Compression and caching on the real HTTP application: pages, `.data`, built assets. */
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_DIR } from "../../../server/boot";
import { startTestServer, type TestServer } from "../../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

/** Raw GET (fetch would decode the body and hide what went over the wire). */
function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

const entryAsset = () => {
  const name = readdirSync(path.join(BUILD_DIR, "client", "assets")).find((f) => /^entry\.client-.*\.js$/.test(f));
  if (!name) throw new Error("no client entry in the build");
  return name;
};

describe("pages", () => {
  it("are sent with brotli when the browser accepts it, and never cached as immutable", async () => {
    const res = await get(`${server.url}/`, { "accept-encoding": "gzip, deflate, br" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers["cache-control"] ?? "").not.toMatch(/immutable/);
    expect(brotliDecompressSync(res.body).toString()).toMatch(/^<!DOCTYPE html>.*<\/html>$/s);
  });

  it("are sent with gzip to a client that only accepts gzip", async () => {
    const res = await get(`${server.url}/users/sign_in`, { "accept-encoding": "gzip" });
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(res.body).toString()).toContain("</html>");
  });

  it("are sent as they are to a client that accepts no encoding, still varying on Accept-Encoding", async () => {
    for (const accept of [undefined, "identity", "br;q=0, gzip;q=0"]) {
      const res = await get(`${server.url}/`, accept ? { "accept-encoding": accept } : {});
      expect(res.headers["content-encoding"]).toBeUndefined();
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.body.toString()).toContain("</html>");
    }
  });

  it("compresses the data requests of client navigations", async () => {
    const res = await get(`${server.url}/users/sign_in.data`, { "accept-encoding": "br" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(res.body).length).toBeGreaterThan(0);
  });
});

describe("built assets", () => {
  it("are served from their precompressed brotli file, with immutable caching", async () => {
    const name = entryAsset();
    const original = readFileSync(path.join(BUILD_DIR, "client", "assets", name));
    const res = await get(`${server.url}/assets/${name}`, { "accept-encoding": "gzip, br" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(Number(res.headers["content-length"])).toBeLessThan(original.length / 2);
    expect(brotliDecompressSync(res.body).equals(original)).toBe(true);
  });

  it("are served gzipped or plain to clients without brotli, with the same caching", async () => {
    const name = entryAsset();
    const original = readFileSync(path.join(BUILD_DIR, "client", "assets", name));
    const gz = await get(`${server.url}/assets/${name}`, { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).equals(original)).toBe(true);
    const plain = await get(`${server.url}/assets/${name}`);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
    expect(plain.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });
});
