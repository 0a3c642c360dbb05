import type { AddressInfo, Server } from "node:net";

type Made = { server: Server; close: (done: () => void) => void };

/**
 * A local server the provider stand-ins can stop and start again on the same port, so a test can play
 * "the provider is down" and "it is back". `make` builds a fresh server each start.
 */
export function onSamePort(make: () => Made, initialPort = 0) {
  let port = initialPort;
  let current: Made | null = null;
  return {
    get port() {
      return port;
    },
    start: () =>
      new Promise<void>((resolve, reject) => {
        const made = make();
        made.server.once("error", reject);
        made.server.listen(port, "127.0.0.1", () => {
          port = (made.server.address() as AddressInfo).port;
          current = made;
          resolve();
        });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        const made = current;
        current = null;
        if (made) made.close(resolve);
        else resolve();
      }),
  };
}
