/**
 * What both scenarios share: the emulator as a subprocess (Basic auth, a 0600 users file,
 * `--ready-file`), a relay recording each request's framing and content types, bounded waits
 * and a step runner. Test scaffolding only: no request of the client passes through code here
 * except the relay, which forwards bytes unchanged.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import { join } from "node:path";

export const BOUND_MS = 60_000; // every wait in the scenarios is bounded

export interface Seen { method: string; path: string; contentType: string; accept: string; length: string | undefined; chunked: boolean; status: number; answerType: string }

export function deadline<T>(what: string, p: Promise<T>, ms = BOUND_MS): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([p, new Promise<T>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms); })])
    .finally(() => clearTimeout(timer));
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** `python -m hpc_emulator` with `users` (name -> password) and extra arguments; its URL once ready. */
export async function startEmulator(dir: string, users: Record<string, string>, extra: string[] = []): Promise<[ChildProcess, string]> {
  const usersFile = join(dir, "users");
  writeFileSync(usersFile, Object.entries(users).map(([u, p]) => `${u}:${p}\n`).join(""), { mode: 0o600 });
  const ready = join(dir, "ready.url");
  const child = spawn(process.env.PYTHON ?? "python", ["-m", "hpc_emulator", "--port", "0", "--data-dir", join(dir, "data"),
    "--ready-file", ready, "--users-file", usersFile, "--nodes", "2", "--cores-per-node", "2", "--log-level", "warning", ...extra],
    { stdio: ["ignore", "inherit", "inherit"] });
  const started = Date.now();
  while (!existsSync(ready)) {
    if (child.exitCode !== null) throw new Error(`emulator exited with ${child.exitCode}`);
    if (Date.now() - started > BOUND_MS) throw new Error("emulator not ready in time");
    await sleep(50);
  }
  return [child, readFileSync(ready, "utf8").trim()];
}

export async function stopEmulator(child: ChildProcess): Promise<void> {
  child.kill("SIGTERM");
  await deadline("emulator exit", new Promise((r) => child.exitCode !== null ? r(null) : child.once("exit", r)), 15_000)
    .catch(() => child.kill("SIGKILL"));
}

/** A relay that records each request's framing and content types, then forwards it. */
export function startRelay(target: string, seen: Seen[]): Promise<[http.Server, string]> {
  const upstream = new URL(target);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const out = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url,
        headers: { ...req.headers, host: upstream.host } }, (answer) => {
        seen.push({ method: req.method ?? "", path: req.url ?? "", contentType: req.headers["content-type"] ?? "",
          accept: req.headers["accept"] ?? "", length: req.headers["content-length"], chunked: req.headers["transfer-encoding"] !== undefined,
          status: answer.statusCode ?? 0, answerType: answer.headers["content-type"] ?? "" });
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      out.on("error", () => { res.writeHead(502); res.end(); });
      out.end(body);
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => {
    const { port } = server.address() as { port: number };
    resolve([server, `http://127.0.0.1:${port}`]);
  }));
}

/** Named steps, each bounded; a failure records the HTTP status and body when there is one. */
export class Steps {
  readonly results: [string, boolean, string][] = [];

  async run(name: string, body: () => Promise<string>): Promise<void> {
    try {
      this.results.push([name, true, await deadline(name, body())]);
    } catch (e) {
      const response = (e as { response?: Response }).response;
      const detail = response instanceof Response ? `HTTP ${response.status} ${await response.text().catch(() => "")}` : String(e);
      this.results.push([name, false, detail]);
    }
  }

  /** Prints each step and `scenario: N/M`; true when all `expected` steps ran and passed. */
  report(expected: number): boolean {
    const passed = this.results.filter(([, ok]) => ok).length;
    for (const [name, ok, detail] of this.results) console.log(`${ok ? "PASS" : "FAIL"}  ${name}: ${detail}`);
    console.log(`scenario: ${passed}/${this.results.length} steps passed`);
    return passed === this.results.length && this.results.length === expected;
  }
}

export const must = (ok: boolean, what: string): void => { if (!ok) throw new Error(what); };
