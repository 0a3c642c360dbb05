/**
 * One instance per process, even when the same module is loaded twice (the Node entry loads db/ and
 * search/ through tsx while the Remix bundle carries its own copy, and dev reloads re-evaluate modules).
 */
export function singleton<T>(name: string, create: () => T): T {
  const store = globalThis as unknown as { __chungTaySingletons?: Map<string, unknown> };
  store.__chungTaySingletons ??= new Map();
  if (!store.__chungTaySingletons.has(name)) store.__chungTaySingletons.set(name, create());
  return store.__chungTaySingletons.get(name) as T;
}

/** Replace or forget a singleton (tests, and closing a client on shutdown). */
export function setSingleton<T>(name: string, value: T | undefined): void {
  const store = globalThis as unknown as { __chungTaySingletons?: Map<string, unknown> };
  store.__chungTaySingletons ??= new Map();
  if (value === undefined) store.__chungTaySingletons.delete(name);
  else store.__chungTaySingletons.set(name, value);
}
