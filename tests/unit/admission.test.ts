import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

import express from "express";
import { afterEach, describe, expect, it } from "vitest";

import { admissionLimit } from "~/utils/admission.server";

/**
 * The admission queue on a real express server and real sockets: handlers hold their request until the
 * test lets them go, so "how many at once" and "in which order" are observed, not timed.
 */
function harness(limit: number) {
  const arrived: string[] = [];
  const socketsClosed: string[] = [];
  const started: string[] = [];
  const held = new Map<string, () => void>();
  let running = 0;
  let peak = 0;
  const app = express();
  app.use((req, _res, next) => {
    const name = `${req.method} ${req.path}`;
    arrived.push(name);
    req.socket.once("close", () => socketsClosed.push(name));
    next();
  });
  app.use(admissionLimit(limit, { bypass: (req) => req.path === "/healthz" }));
  app.all("*", (req, res) => {
    const name = `${req.method} ${req.path}`;
    started.push(name);
    running++;
    peak = Math.max(peak, running);
    held.set(name, () => {
      running--;
      res.send("ok");
    });
  });
  let server: Server;
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise((r) => setTimeout(r, 5));
  };
  return {
    arrived,
    socketsClosed,
    started,
    peak: () => peak,
    listen: () =>
      new Promise<string>(
        (resolve) =>
          (server = app.listen(0, "127.0.0.1", () =>
            resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
          )),
      ),
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
    /** Send a request and wait until the server has it (so arrival order is the order of the calls). */
    send: async (base: string, path: string, init: RequestInit = {}) => {
      const before = arrived.length;
      const response = fetch(base + path, init).then((r) => r.text());
      response.catch(() => {});
      await until(() => arrived.length > before);
      // Wrapped: an async function returning the promise itself would wait for the answer.
      return { text: response };
    },
    release: async (name: string) => {
      await until(() => held.has(name));
      held.get(name)!();
      held.delete(name);
    },
    until,
  };
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe("admission queue", () => {
  it("runs at most `limit` GETs at once and starts the waiting ones in arrival order", async () => {
    const h = harness(2);
    const base = await h.listen();
    close = h.close;
    const responses: Promise<string>[] = [];
    for (const p of ["/a", "/b", "/c", "/d", "/e"]) responses.push((await h.send(base, p)).text);
    await h.until(() => h.started.length === 2);
    expect(h.started).toEqual(["GET /a", "GET /b"]);
    for (const p of ["/b", "/a", "/c", "/d", "/e"]) await h.release(`GET ${p}`);
    expect(await Promise.all(responses)).toEqual(["ok", "ok", "ok", "ok", "ok"]);
    expect(h.started).toEqual(["GET /a", "GET /b", "GET /c", "GET /d", "GET /e"]);
    expect(h.peak()).toBe(2);
  });

  it("lets POSTs and the health check through while every slot is taken", async () => {
    const h = harness(1);
    const base = await h.listen();
    close = h.close;
    const first = (await h.send(base, "/page")).text;
    await h.send(base, "/form", { method: "POST", body: "x=1" });
    await h.send(base, "/healthz");
    await h.until(() => h.started.length === 3);
    expect(h.started).toEqual(["GET /page", "POST /form", "GET /healthz"]);
    for (const name of ["POST /form", "GET /healthz", "GET /page"]) await h.release(name);
    expect(await first).toBe("ok");
  });

  it("skips a waiting request whose visitor has gone", async () => {
    const h = harness(1);
    const base = await h.listen();
    close = h.close;
    const first = (await h.send(base, "/first")).text;
    const abort = new AbortController();
    await h.send(base, "/gone", { signal: abort.signal });
    abort.abort();
    const last = (await h.send(base, "/last")).text;
    await h.until(() => h.socketsClosed.includes("GET /gone"));
    await h.release("GET /first");
    await h.release("GET /last");
    expect(await first).toBe("ok");
    expect(await last).toBe("ok");
    expect(h.started).toEqual(["GET /first", "GET /last"]);
  });

  it("does not queue at all with a limit of 0", async () => {
    const h = harness(0);
    const base = await h.listen();
    close = h.close;
    for (const p of ["/a", "/b", "/c"]) await h.send(base, p);
    await h.until(() => h.started.length === 3);
    for (const p of ["/a", "/b", "/c"]) await h.release(`GET ${p}`);
    expect(h.peak()).toBe(3);
  });
});
