import { singleton } from "../../utils/singleton.server";

/**
 * After a write commits, wake this process's sync worker so the change is searchable within a moment
 * rather than at the next poll. Without a worker (tests, CLI) it does nothing: the outbox keeps the work.
 */
type Signal = { listener?: () => void };
const signal = () => singleton<Signal>("sync-signal", () => ({}));

export function notifySync(): void {
  signal().listener?.();
}

export function onSyncNotify(listener: (() => void) | undefined): void {
  signal().listener = listener;
}
