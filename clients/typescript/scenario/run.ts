/**
 * The other-language scenario, run with the TypeScript client against the strict emulator:
 * starts `python -m hpc_emulator` (Basic auth, a 0600 users file), puts a recording relay in
 * front of it, runs the 11 steps, then checks what crossed the wire: XML on every scheduler,
 * node and cluster operation, JSON on the SOA ones, a length on every POST.
 * Exit status 0 only when every step and every wire check passes.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  API_VERSION, ClusterApi, Configuration, JobsApi, NodesApi, ResponseError, SessionsApi, TasksApi, hpcConfiguration,
  type Property,
} from "../src";
import { operationFor } from "../src/wire/spec";
import { servicePath } from "../src/wire/middleware";
import { deadline, startEmulator, startRelay, stopEmulator, type Seen } from "./harness";

const API = API_VERSION;
const USER = "alice";
const PASSWORD = "s3cret-pw";

const prop = (props: Property[] | undefined, name: string): string | null | undefined =>
  props?.find((p) => p.name.toLowerCase() === name.toLowerCase())?.value;

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "hpc-ts-scenario-"));
  const seen: Seen[] = [];
  const [emulator, url] = await startEmulator(dir, { [USER]: PASSWORD });
  const [relay, relayUrl] = await startRelay(url, seen);
  const options = { basePath: `${relayUrl}/WindowsHpc`, username: USER, password: PASSWORD, apiVersion: API };
  // --no-wire: the generated client alone (what `make other-langs` used to build), for comparison.
  const config = process.argv.includes("--no-wire")
    ? new Configuration({ ...options, headers: { "api-version": API } })
    : hpcConfiguration(options);
  const cluster = new ClusterApi(config), jobs = new JobsApi(config), tasks = new TasksApi(config);
  const nodes = new NodesApi(config), sessions = new SessionsApi(config);
  let jobId = 0, sessionId = 0, taskCount = 0;
  const results: [string, boolean, string][] = [];
  const step = async (name: string, body: () => Promise<string>): Promise<void> => {
    try {
      results.push([name, true, await deadline(name, body())]);
    } catch (e) {
      const detail = e instanceof ResponseError ? `HTTP ${e.response.status} ${await e.response.text()}` : String(e);
      results.push([name, false, detail]);
    }
  };
  const must = (ok: boolean, what: string): void => { if (!ok) throw new Error(what); };
  try {
    await step("Get Version", async () => {
      const v = await cluster.getVersion({});
      must(/^\d+\.\d+\.\d+\.\d+$/.test(v), `not a version: ${v}`);
      return v;
    });
    await step("Get Node List", async () => {
      const list = await nodes.getNodeList({ apiVersion: API, properties: "Name,State" });
      must(list.length === 2 && list.every((n) => prop(n.properties, "Name")), `nodes: ${JSON.stringify(list)}`);
      return list.map((n) => `${prop(n.properties, "Name")}:${prop(n.properties, "State")}`).join(" ");
    });
    await step("Create Job", async () => {
      jobId = await jobs.createJob({ property: [{ name: "Name", value: "ts <scenario> & co" }] });
      must(Number.isInteger(jobId) && jobId > 0, `job id ${jobId}`);
      const back = await jobs.getJob({ jobId, properties: "Name" });
      must(Array.isArray(back) && prop(back, "Name") === "ts <scenario> & co", `name round trip: ${JSON.stringify(back)}`);
      const doc = await (await jobs.getJobRaw({ jobId, render: "HpcJobXml" })).raw.text();
      must(/^<(\w+:)?Job\b/.test(doc) && doc.includes("ts &lt;scenario&gt; &amp; co"), `HpcJobXml: ${doc.slice(0, 80)}`);
      return `job ${jobId}`;
    });
    await step("Add Task", async () => {
      const ids = [];
      for (const word of ["one", "two", "three"]) {
        ids.push(await tasks.addTask({ jobId, property: [{ name: "CommandLine", value: `echo ${word}` }, { name: "Name", value: word }] }));
      }
      taskCount = ids.length;
      must(new Set(ids).size === 3 && ids.every((i) => i > 0), `task ids ${ids}`);
      return `tasks ${ids.join(",")}`;
    });
    await step("Submit Job", async () => {
      await jobs.submitJob({ jobId, property: [] });
      return "submitted";
    });
    await step("Poll to Finished", async () => {
      let state: string | null | undefined, polls = 0;
      while (polls++ < 600) {
        const job = await jobs.getJob({ jobId, properties: "State" });
        state = Array.isArray(job) ? prop(job, "State") : undefined;
        if (state === "Finished" || state === "Failed" || state === "Canceled") break;
        await new Promise((r) => setTimeout(r, 100));
      }
      must(state === "Finished", `state ${state} after ${polls} polls`);
      return `Finished after ${polls} polls`;
    });
    await step("Task List (RowsPerRead=1, continuation)", async () => {
      const names: string[] = [];
      let queryId: string | undefined, pages = 0;
      do {
        const page = await tasks.getTaskListRaw({ jobId, properties: "Name,State", rowsPerRead: 1, queryId });
        const rows = await page.value();
        must(rows.length <= 1, `page of ${rows.length} rows with RowsPerRead=1`);
        names.push(...rows.map((r) => String(prop(r.properties, "Name"))));
        queryId = page.raw.headers.get("x-ms-continuation-QueryId") ?? undefined;
        pages++;
      } while (queryId !== undefined && pages < 50);
      must(names.length === taskCount && new Set(names).size === taskCount, `rows ${names} over ${pages} pages`);
      return `${names.join(",")} over ${pages} pages`;
    });
    await step("Job that does not exist", async () => {
      try {
        await jobs.getJob({ jobId: 987654 });
      } catch (e) {
        if (!(e instanceof ResponseError)) throw e;
        const fault = await e.response.json();
        must(e.response.status >= 400 && e.response.status < 500, `status ${e.response.status}`);
        must(Number.isInteger(fault.Code) && typeof fault.Message === "string", `fault ${JSON.stringify(fault)}`);
        return `HTTP ${e.response.status}, fault ${fault.Code}: ${fault.Message}`;
      }
      throw new Error("no error for a missing job");
    });
    await step("Create Session", async () => {
      const info = await sessions.createSession({ apiVersion: API, durable: false,
        webSessionStartInfo: { serviceName: "EchoService", username: USER, password: PASSWORD } });
      sessionId = info.id ?? 0;
      must(sessionId > 0, `session ${JSON.stringify(info)}`);
      return `session ${sessionId}`;
    });
    await step("Attach Session", async () => {
      const info = await sessions.attachSession({ apiVersion: API, durable: false, sessionId });
      must(info.id === sessionId, `attached to ${info.id}`);
      return `attached ${info.id}`;
    });
    await step("Close Session", async () => {
      await sessions.closeSession({ apiVersion: API, sessionId });
      return "closed";
    });
  } finally {
    relay.close();
    await stopEmulator(emulator);
    rmSync(dir, { recursive: true, force: true });
  }
  // The wire: what the emulator was sent and answered, operation by operation.
  const wire: string[] = [];
  for (const s of seen) {
    const op = operationFor(s.method, servicePath(`http://x${s.path}`));
    const want = op?.json ? "application/json" : "application/xml";
    const sent = s.contentType.split(";")[0];
    if (s.method === "POST" || s.method === "PUT") {
      if (s.length === undefined || s.chunked) wire.push(`${s.method} ${s.path}: no Content-Length`);
      if (s.length !== "0" && sent !== want) wire.push(`${s.method} ${s.path}: sent ${s.contentType || "no type"}, want ${want}`);
    }
    if (!s.accept.startsWith(want)) wire.push(`${s.method} ${s.path}: Accept ${s.accept}, want ${want}`);
    if (s.answerType && !s.answerType.startsWith(want)) wire.push(`${s.method} ${s.path}: answered ${s.answerType}, want ${want}`);
    if (s.status === 415 || s.status === 411 || s.status >= 500) wire.push(`${s.method} ${s.path}: HTTP ${s.status}`);
  }
  const xml = seen.filter((s) => !operationFor(s.method, servicePath(`http://x${s.path}`))?.json).length;
  const passed = results.filter(([, ok]) => ok).length;
  for (const [name, ok, detail] of results) console.log(`${ok ? "PASS" : "FAIL"}  ${name}: ${detail}`);
  console.log(`wire: ${seen.length} requests (${xml} expected in XML, ${seen.length - xml} in JSON: SOA), ${wire.length} problems`);
  for (const w of wire) console.log(`  WIRE ${w}`);
  console.log(`scenario: ${passed}/${results.length} steps passed`);
  return passed === results.length && results.length === 11 && wire.length === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (e) => { console.error(e); process.exit(1); });
