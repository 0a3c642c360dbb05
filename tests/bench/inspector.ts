import crypto from "node:crypto";
import net from "node:net";

/**
 * A minimal client of Node's inspector (Chrome DevTools Protocol) for the soak: force a full garbage
 * collection in the app and read its heap, so memory is compared on equal footing (what is still
 * referenced), not at whatever garbage V8 chose to leave for later. Node 20 has no WebSocket client built
 * in (and `ws` is no dependency of ours), so this speaks just enough of RFC 6455 for loopback: masked text
 * frames out, unmasked (possibly fragmented) text frames in.
 */
export type Inspector = {
  /** Two full collections (the second frees what the first's finalisers released). */
  collectGarbage: () => Promise<void>;
  /** The app's process.memoryUsage(), in bytes. */
  memoryUsage: () => Promise<NodeJS.MemoryUsage>;
  close: () => void;
};

/** The inspector ports a process printed ("Debugger listening on ws://127.0.0.1:PORT/…"). */
export const inspectorPorts = (output: string): number[] =>
  [...output.matchAll(/Debugger listening on ws:\/\/127\.0\.0\.1:(\d+)\//g)].map((m) => Number(m[1]));

function frame(text: string): Buffer {
  const payload = Buffer.from(text);
  const mask = crypto.randomBytes(4);
  const n = payload.length;
  const head =
    n < 126
      ? Buffer.from([0x81, 0x80 | n])
      : n < 65536
        ? Buffer.from([0x81, 0x80 | 126, n >> 8, n & 255])
        : Buffer.alloc(10);
  if (n >= 65536) {
    head[0] = 0x81;
    head[1] = 0x80 | 127;
    head.writeBigUInt64BE(BigInt(n), 2);
  }
  for (let i = 0; i < n; i++) payload[i] ^= mask[i % 4];
  return Buffer.concat([head, mask, payload]);
}

export async function connectInspector(port: number): Promise<Inspector> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  if (!targets[0]) throw new Error(`No inspector target on port ${port}`);
  const url = new URL(targets[0].webSocketDebuggerUrl);
  const socket = net.connect(Number(url.port), url.hostname);
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  const key = crypto.randomBytes(16).toString("base64");
  socket.write(
    `GET ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );

  let buffer = Buffer.alloc(0);
  let upgraded = false;
  let message = Buffer.alloc(0);
  let lastId = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let opened: () => void;
  const open = new Promise<void>((resolve, reject) => {
    opened = resolve;
    socket.once("close", () =>
      reject(new Error(`the inspector on port ${port} closed the connection before the upgrade`)),
    );
  });
  socket.on("data", (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    if (!upgraded) {
      const end = buffer.indexOf("\r\n\r\n");
      if (end === -1) return;
      if (!/^HTTP\/1\.1 101/.test(buffer.subarray(0, end).toString()))
        return void socket.destroy(new Error("inspector refused the upgrade"));
      upgraded = true;
      buffer = buffer.subarray(end + 4);
      opened();
    }
    while (buffer.length >= 2) {
      let length = buffer[1] & 127;
      let offset = 2;
      if (length === 126) [length, offset] = [buffer.length >= 4 ? buffer.readUInt16BE(2) : -1, 4];
      else if (length === 127) [length, offset] = [buffer.length >= 10 ? Number(buffer.readBigUInt64BE(2)) : -1, 10];
      if (length < 0 || buffer.length < offset + length) return; // wait for the rest of the frame
      const fin = (buffer[0] & 0x80) !== 0;
      const opcode = buffer[0] & 0x0f;
      const payload = buffer.subarray(offset, offset + length);
      buffer = buffer.subarray(offset + length);
      if (opcode === 0x8) return void socket.end();
      if (opcode !== 0x1 && opcode !== 0x0) continue; // pings and pongs: the inspector sends none
      message = Buffer.concat([message, payload]);
      if (!fin) continue;
      const parsed = JSON.parse(message.toString()) as { id?: number; result?: unknown; error?: { message: string } };
      message = Buffer.alloc(0);
      const call = parsed.id === undefined ? undefined : pending.get(parsed.id);
      if (!call) continue;
      pending.delete(parsed.id!);
      if (parsed.error) call.reject(new Error(parsed.error.message));
      else call.resolve(parsed.result);
    }
  });
  socket.on("close", () => pending.forEach((call) => call.reject(new Error("inspector connection closed"))));
  await open;

  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const id = ++lastId;
      pending.set(id, { resolve, reject });
      socket.write(frame(JSON.stringify({ id, method, params })));
    });
  return {
    collectGarbage: async () => {
      await send("HeapProfiler.collectGarbage");
      await send("HeapProfiler.collectGarbage");
    },
    memoryUsage: async () => {
      const result = (await send("Runtime.evaluate", {
        expression: "JSON.stringify(process.memoryUsage())",
        returnByValue: true,
      })) as {
        result: { value: string };
      };
      return JSON.parse(result.result.value) as NodeJS.MemoryUsage;
    },
    close: () => socket.destroy(),
  };
}
