import { type ChildProcess, spawn } from "node:child_process";

/**
 * The app as a child process, the way every harness starts it (tests/setup/app-server.ts for the browser
 * and reliability tests, tests/reliability/support/deploy.ts for the deployment's units): in its own process
 * group, so killing the group also kills the Meilisearch it launched; its output kept for the error message;
 * killed if the test runner itself exits.
 */
export type AppProcess = {
  child: ChildProcess;
  output: () => string;
  exited: () => boolean;
  /** Resolves with the exit code once the process is gone. */
  exit: Promise<number | null>;
  /** SIGKILL to the whole group (the app and its Meilisearch); harmless when already gone. */
  killGroup: () => void;
  /** Stop watching for the runner's exit (call once the process is stopped). */
  release: () => void;
  /** Poll `${url}/healthz` until it answers 200; throws with the output if the process exits or 90 s pass. */
  waitHealthy: (url: string, what: string) => Promise<void>;
};

export function spawnApp(command: string, args: string[], options: { cwd: string; env: Record<string, string> }) {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env as NodeJS.ProcessEnv,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const killGroup = () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    } catch {
      /* already gone */
    }
  };
  process.once("exit", killGroup);
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const app: AppProcess = {
    child,
    output: () => output,
    exited,
    exit,
    killGroup,
    release: () => process.off("exit", killGroup),
    waitHealthy: async (url, what) => {
      const deadline = Date.now() + 90_000;
      while (Date.now() < deadline) {
        if (exited()) throw new Error(`${what} exited during start:\n${output}`);
        try {
          if ((await fetch(`${url}/healthz`)).ok) return;
        } catch {
          /* not listening yet */
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`${what} did not become healthy in 90 s:\n${output}`);
    },
  };
  return app;
}
