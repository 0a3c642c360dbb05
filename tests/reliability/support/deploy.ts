/**
 * The production topology of deploy/ on this machine: the nginx site file and the systemd unit of the
 * repository, run as they are, with only the ports, paths, certificate and server name swapped for the
 * test's. No systemd here: an instance is started with the unit's ExecStart, Environment and an
 * EnvironmentFile the test writes, and stopped with the unit's KillSignal, as systemd would.
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { freePort } from "../../../search/launcher";
import { spawnApp } from "../../setup/app-process";

const root = path.resolve(import.meta.dirname, "../../..");
export const NGINX_SITE = path.join(root, "deploy/nginx/chung-tay.conf");
export const APP_UNIT = path.join(root, "deploy/systemd/chung-tay@.service");

export type Unit = { execStart: string[]; environment: Record<string, string>; killSignal: NodeJS.Signals };

/** The [Service] lines a test needs from a unit file, with %i replaced by the instance name. */
export function readUnit(file: string, instance: string): Unit {
  const lines = fs
    .readFileSync(file, "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  const values = (key: string) => lines.filter((l) => l.startsWith(`${key}=`)).map((l) => l.slice(key.length + 1));
  const environment: Record<string, string> = {};
  for (const line of values("Environment")) {
    const eq = line.indexOf("=");
    environment[line.slice(0, eq)] = line.slice(eq + 1).replaceAll("%i", instance);
  }
  const [execStart] = values("ExecStart");
  if (!execStart) throw new Error(`${file} has no ExecStart`);
  return {
    execStart: execStart.replaceAll("%i", instance).split(/\s+/),
    environment,
    killSignal: (values("KillSignal")[0] ?? "SIGTERM") as NodeJS.Signals,
  };
}

/** KEY=value lines, as systemd's EnvironmentFile reads them. */
export function writeEnvironmentFile(file: string, values: Record<string, string>): void {
  fs.writeFileSync(
    file,
    Object.entries(values)
      .map(([k, v]) => `${k}=${v}`)
      .join("\n") + "\n",
    { mode: 0o600 },
  );
}

/**
 * The environment file of a deployment on this machine: the database, the Meilisearch, nginx's address, and
 * the demo data (seeded by the first instance; the others find it there). That is the one difference from a
 * real deployment, which runs APP_MODE=production (decision 040): the load needs pages to read.
 */
export function deploymentEnvironment(
  databaseUrl: string,
  meili: { url: string; masterKey: string },
  publicUrl: string,
): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    TRUST_PROXY: "true",
    PUBLIC_URL: publicUrl,
    APP_MODE: "demo",
  };
}

function readEnvironmentFile(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) out[m[1]] = m[2];
  }
  return out;
}

export type Instance = {
  port: number;
  url: string;
  pid: () => number | undefined;
  output: () => string;
  /** Wait until /healthz answers 200 on the instance's own port. */
  ready: () => Promise<void>;
  /** The unit's KillSignal, then wait for the exit; returns the exit code. */
  stop: () => Promise<number | null>;
  /** SIGKILL the whole process group (a crash, the OOM killer). */
  kill: () => Promise<void>;
  exited: () => boolean;
};

/** Start one instance as `systemctl start chung-tay@PORT` would: the unit's command, its Environment, the file's. */
export function startInstance(port: number, environmentFile: string): Instance {
  const unit = readUnit(APP_UNIT, String(port));
  const [command, ...args] = unit.execStart;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    ...(process.env.CHUNGTAY_CI_RUN ? { CHUNGTAY_CI_RUN: process.env.CHUNGTAY_CI_RUN } : {}),
    ...readEnvironmentFile(environmentFile),
    ...unit.environment,
  };
  // /usr/bin/node in the unit; the Node running the tests here (the same one CI installed).
  const app = spawnApp(command === "/usr/bin/node" ? process.execPath : command, args, { cwd: root, env });
  const url = `http://127.0.0.1:${port}`;
  return {
    port,
    url,
    pid: () => app.child.pid,
    output: app.output,
    exited: app.exited,
    ready: () => app.waitHealthy(url, `instance ${port}`),
    stop: async () => {
      if (!app.exited()) app.child.kill(unit.killSignal);
      const code = await Promise.race([app.exit, new Promise<"late">((r) => setTimeout(() => r("late"), 45_000))]);
      app.release();
      if (code === "late") {
        app.killGroup();
        throw new Error(
          `instance ${port} did not stop within 45 s of ${unit.killSignal}:\n${app.output().slice(-2000)}`,
        );
      }
      return code;
    },
    kill: async () => {
      app.killGroup();
      await app.exit;
      app.release();
    },
  };
}

export type Nginx = {
  https: string;
  http: string;
  accessLog: string;
  /** Access-log lines: "<upstream_addr> <status> <request_time> <method> <uri>". */
  lines: () => string[];
  /** error.log lines (upstream failures, retries). */
  errors: () => string[];
  /** The master's and its workers' process ids (their CPU time is nginx's). */
  pids: () => number[];
  stop: () => Promise<void>;
};

/** A self-signed certificate for localhost (openssl from Debian), as the site file's fullchain/privkey. */
function makeCertificate(dir: string): void {
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "2",
      "-subj",
      "/CN=localhost",
      "-keyout",
      path.join(dir, "privkey.pem"),
      "-out",
      path.join(dir, "fullchain.pem"),
    ],
    { stdio: "ignore" },
  );
}

/**
 * The repository's site file with the test's ports and paths, inside a minimal main configuration like
 * Debian's /etc/nginx/nginx.conf (which includes sites-enabled/* in its http block).
 */
export async function startNginx(
  dir: string,
  upstreamPorts: number[],
  options: { workerProcesses?: string } = {},
): Promise<Nginx> {
  const site = fs.readFileSync(NGINX_SITE, "utf8");
  const [httpPort, httpsPort] = [await freePort(), await freePort()];
  const certDir = path.join(dir, "tls");
  fs.mkdirSync(certDir, { recursive: true });
  makeCertificate(certDir);
  // The site's upstream lines, in order, get the test's instance ports (the same count: two).
  let i = 0;
  const rendered = site
    .replace(/(server 127\.0\.0\.1:)\d+( [^;\n]*;)/g, (_m, head: string, tail: string) => {
      const port = upstreamPorts[i++];
      if (port === undefined) throw new Error(`${NGINX_SITE} has more upstream servers than the test starts`);
      return `${head}${port}${tail}`;
    })
    .replace(/listen 80;/, `listen 127.0.0.1:${httpPort};`)
    .replace(/listen 443 ssl/, `listen 127.0.0.1:${httpsPort} ssl`)
    .replaceAll("/etc/ssl/chung-tay/", `${certDir}/`)
    .replaceAll("/srv/chung-tay/", `${root}/`)
    .replaceAll("server_name chungtay.example.vn;", "server_name localhost;");
  if (i !== upstreamPorts.length)
    throw new Error(`${NGINX_SITE} has ${i} upstream servers, the test starts ${upstreamPorts.length}`);
  fs.writeFileSync(path.join(dir, "chung-tay.conf"), rendered);
  const accessLog = path.join(dir, "access.log");
  for (const sub of ["body", "proxy", "fastcgi", "uwsgi", "scgi"])
    fs.mkdirSync(path.join(dir, sub), { recursive: true });
  fs.writeFileSync(
    path.join(dir, "nginx.conf"),
    `# Like Debian's nginx.conf, pointed at this test's folder.
user root;
worker_processes ${options.workerProcesses ?? "1"};
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    keepalive_timeout 65;
    client_body_temp_path ${dir}/body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    log_format upstream '$upstream_addr $status $request_time $request_method $request_uri';
    access_log ${accessLog} upstream;
    include ${dir}/chung-tay.conf;
}
`,
  );
  execFileSync("nginx", ["-t", "-q", "-p", dir, "-c", path.join(dir, "nginx.conf")], { stdio: "pipe" });
  const child = spawn("nginx", ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], {
    detached: true,
    stdio: "ignore",
  });
  const exit = new Promise((r) => child.once("exit", r));
  const killGroup = () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    } catch {
      /* gone */
    }
  };
  process.once("exit", killGroup);
  const https = `https://localhost:${httpsPort}`;
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    try {
      await fetch(`http://127.0.0.1:${httpPort}/`, { redirect: "manual" });
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    https,
    http: `http://localhost:${httpPort}`,
    accessLog,
    lines: () => (fs.existsSync(accessLog) ? fs.readFileSync(accessLog, "utf8").split("\n").filter(Boolean) : []),
    errors: () => {
      const file = path.join(dir, "error.log");
      return fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n").filter(Boolean) : [];
    },
    pids: () => {
      if (!child.pid) return [];
      let workers: number[] = [];
      try {
        workers = fs
          .readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, "utf8")
          .trim()
          .split(/\s+/)
          .filter(Boolean)
          .map(Number);
      } catch {
        /* gone */
      }
      return [child.pid, ...workers];
    },
    stop: async () => {
      process.off("exit", killGroup);
      if (child.exitCode === null) {
        child.kill("SIGQUIT"); // nginx's graceful stop
        const late = await Promise.race([exit.then(() => false), new Promise((r) => setTimeout(() => r(true), 5_000))]);
        if (late) killGroup();
      }
    },
  };
}
