import http from "node:http";
import type { AddressInfo } from "node:net";

import express from "express";
import { describe, expect, it } from "vitest";

import { createDrain } from "~/http/shutdown.server";

/*
 * The drain of app/http/shutdown.server.ts on a real HTTP server: answers written after SIGTERM's drain began
 * carry `Connection: close`, also for a request that arrived before it (queued, slow), so the proxy is left
 * no idle kept-alive connection to reuse when the listener closes.
 */
async function serve(handler: express.RequestHandler) {
  const drain = createDrain();
  const app = express();
  app.use(drain.middleware);
  app.get("/", handler);
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const port = (server.address() as AddressInfo).port;
  const agent = new http.Agent({ keepAlive: true });
  const get = () =>
    new Promise<{ connection: string | undefined; body: string }>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port, path: "/", agent }, (res) => {
          let body = "";
          res.on("data", (c: Buffer) => (body += c.toString()));
          res.on("end", () => resolve({ connection: res.headers.connection, body }));
        })
        .on("error", reject);
    });
  return { drain, server, get, agent };
}

describe("the graceful stop's drain", () => {
  it("keeps connections alive before the drain and closes them after each answer during it", async () => {
    const { drain, server, get, agent } = await serve((_req, res) => void res.send("ok"));
    expect((await get()).connection).toBe("keep-alive");
    const closing = drain.close(server, { drainMs: 300, timeoutMs: 2_000 });
    await new Promise((r) => setTimeout(r, 50));
    expect(await get()).toEqual({ connection: "close", body: "ok" });
    await closing;
    agent.destroy();
  });

  it("closes the connection of a request that came in before the drain and is answered during it", async () => {
    let answer: (() => void) | undefined;
    const { drain, server, get, agent } = await serve((_req, res) => {
      answer = () => void res.send("late");
    });
    const pending = get();
    while (!answer) await new Promise((r) => setTimeout(r, 5));
    const closing = drain.close(server, { drainMs: 200, timeoutMs: 2_000 });
    await new Promise((r) => setTimeout(r, 50));
    answer();
    expect(await pending).toEqual({ connection: "close", body: "late" });
    expect(await closing).toEqual({ forced: false });
    agent.destroy();
  });
});
