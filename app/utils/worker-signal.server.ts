import { singleton } from "./singleton.server";

/**
 * After a write commits, wake this process's worker so the change is searchable within a moment rather
 * than at the next poll. Without a worker (tests, CLI) it does nothing: the outbox keeps the work.
 * A singleton: the Node entry starts the worker, the Remix bundle's modules wake it (search/facade.server.ts).
 */
type Signal = { listener?: () => void };
const signal = () => singleton<Signal>("sync-signal", () => ({}));

export function wakeWorker(): void {
  signal().listener?.();
}

/** Register the listener (this process's worker); returns how to unregister it (only if still the one registered). */
export function onWake(listener: () => void): () => void {
  signal().listener = listener;
  return () => {
    if (signal().listener === listener) signal().listener = undefined;
  };
}
