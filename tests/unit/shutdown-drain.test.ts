import http from "node:http";
import net, { type AddressInfo } from "node:net";

import express from "express";
import { describe, expect, it } from "vitest";

import { createDrain } from "~/http/shutdown.server";

/*
 * The graceful stop of app/http/shutdown.server.ts on a real HTTP server: the listener closes at once (new
 * connections refused, safe for the proxy to retry) while kept-alive connections are still served during the
 * drain; answers written after it began carry `Connection: close`, also for a request that arrived before it
 * (queued, slow); an idle kept-alive connection is left to the proxy until the drain ends.
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
  return { drain, server, get, agent, port };
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

  it("refuses new connections at once and still serves the kept-alive ones during the drain", async () => {
    const { drain, server, get, agent, port } = await serve((_req, res) => void res.send("ok"));
    expect((await get()).connection).toBe("keep-alive");
    const closing = drain.close(server, { drainMs: 400, timeoutMs: 2_000 });
    const fresh = await new Promise<string>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve("connected")));
      socket.once("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? "error"));
    });
    expect(fresh).toBe("ECONNREFUSED");
    // The agent's kept-alive socket still carries a request, answered and then closed.
    expect(await get()).toEqual({ connection: "close", body: "ok" });
    expect(await closing).toEqual({ forced: false });
    agent.destroy();
  });

  it("leaves an idle kept-alive connection open until the drain ends, then closes it", async () => {
    const { drain, server, port } = await serve((_req, res) => void res.send("ok"));
    const socket = net.connect(port, "127.0.0.1");
    await new Promise((r) => socket.once("connect", r));
    let answered = "";
    socket.on("data", (c: Buffer) => (answered += c.toString()));
    const ended = new Promise<number>((resolve) => socket.once("close", () => resolve(Date.now())));
    socket.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    while (!answered.endsWith("ok")) await new Promise((r) => setTimeout(r, 5));
    expect(answered).toMatch(/Connection: keep-alive/i);
    const began = Date.now();
    const closing = drain.close(server, { drainMs: 300, timeoutMs: 2_000 });
    // Closed by the instance only when the drain is over: a proxy writing into it before then is served.
    expect((await ended) - began).toBeGreaterThanOrEqual(250);
    await closing;
  });
});
