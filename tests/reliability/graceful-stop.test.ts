import fs from "node:fs";
import type { Server } from "node:http";
import os from "node:os";
import path from "node:path";

import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDrain, type Drain } from "~/http/shutdown.server";

import { freePort } from "../../search/launcher";
import { type Nginx, startNginx } from "./support/deploy";

/*
 * The graceful stop of app/http/shutdown.server.ts behind the repository's nginx site file, many times over:
 * two small instances (the real drain, a page and a form post each) restarted in turn under sixteen clients,
 * half of them posting. A POST that nginx had written to an instance and then lost (a reset, a closed
 * kept-alive connection) is a 502 nginx may not retry; the test counts them, with nginx's error log. The
 * deployment test runs the whole app once through the same sequence; this one repeats the stop itself, where
 * a race that shows once in three CI runs there shows at every restart (closing the listener after the drain:
 * 15 resets in nginx's log over 8 restarts, POSTs among them).
 */

process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";

type Toy = { server: Server; drain: Drain };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-stop-"));
let nginx: Nginx | undefined;
let ports: number[] = [];
const toys: Toy[] = [];

async function startToy(port: number): Promise<Toy> {
  const drain = createDrain();
  const app = express();
  app.use(drain.middleware);
  const page = "<p>Việc làm</p>".repeat(200);
  const work = () => 2 + Math.random() * 6;
  app.get("/", (_req, res) => void setTimeout(() => res.send(page), work()));
  app.post("/", (req, res) => {
    req.resume();
    req.on("end", () => setTimeout(() => res.redirect(303, "/"), work()));
  });
  const server = app.listen(port, "127.0.0.1");
  server.keepAliveTimeout = 65_000; // as app/server.ts
  await new Promise((r) => server.once("listening", r));
  return { server, drain };
}

beforeAll(async () => {
  ports = [await freePort(), await freePort()];
  for (const port of ports) toys.push(await startToy(port));
  nginx = await startNginx(path.join(dir, "nginx"), ports);
});

afterAll(async () => {
  for (const toy of toys) if (toy.server.listening) toy.server.closeAllConnections();
  for (const toy of toys) toy.server.close();
  await nginx?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("an instance's graceful stop behind nginx", () => {
  it("loses no request and no POST over six restarts under sixteen clients", async () => {
    const statuses = new Map<string, number>();
    let running = true;
    const client = async (post: boolean) => {
      while (running) {
        let status: string;
        try {
          const res = await fetch(
            `${nginx!.https}/`,
            post
              ? {
                  method: "POST",
                  body: new URLSearchParams({ title: "Thợ sửa xe máy", note: "x".repeat(400) }),
                  redirect: "manual",
                }
              : {},
          );
          await res.arrayBuffer();
          status = String(res.status);
        } catch {
          status = "no answer";
        }
        const key = `${post ? "POST" : "GET"} ${status}`;
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
      }
    };
    const clients = Array.from({ length: 16 }, (_, k) => client(k % 2 === 0));
    await new Promise((r) => setTimeout(r, 1_000));
    for (let round = 0; round < 3; round++) {
      for (const index of [0, 1]) {
        // SHUTDOWN_DRAIN_MS's default with a database server; the restart is immediate.
        await toys[index].drain.close(toys[index].server, { drainMs: 2_000, timeoutMs: 5_000 });
        toys[index] = await startToy(ports[index]);
        // nginx counts the refused instance out for its fail_timeout (5 s): wait it back into rotation, as
        // docs/OPERATIONS.md's rolling restart does.
        await new Promise((r) => setTimeout(r, 5_500));
      }
    }
    running = false;
    await Promise.all(clients);
    const seen = Object.fromEntries(statuses);
    const resets = nginx!.errors().filter((l) => /reset by peer|prematurely closed/.test(l));
    expect({ seen, resets }).toEqual({
      seen: { "GET 200": seen["GET 200"], "POST 303": seen["POST 303"] },
      resets: [],
    });
    expect(seen["POST 303"]).toBeGreaterThan(1_000);
    // The restarts did happen: nginx met refused connections and sent those requests to the other instance.
    expect(nginx!.errors().some((l) => l.includes("Connection refused"))).toBe(true);
  }, 180_000);
});
