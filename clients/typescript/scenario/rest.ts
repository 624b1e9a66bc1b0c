/**
 * The /hpc scenario (issue #17): the typescript-fetch client generated from
 * openapi/hpc-rest.yaml, used as generated (its API classes and a `Configuration` with
 * `basePath` and Basic auth; no middleware, no hand-written wire code) against the emulator's
 * /hpc API. A relay records what crossed the wire: JSON bodies with a length, JSON answers,
 * no 4xx/5xx outside the step that asks for a 404. Exit status 0 only when every step passes.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ClusterApi, Configuration, HpcRestErrorFromJSON, JobsApi, NodeGroupOperationKind, NodeGroupsApi, NodeOperationKind,
  NodeState, NodesApi, ResponseError, TasksApi, type Property,
} from "../src/generated-rest";
import { BOUND_MS, Steps, must, sleep, startEmulator, startRelay, stopEmulator, type Seen } from "./harness";

const USERS = { alice: "s3cret-pw", admin: "adm1n-pw" };
const STEPS = 13;

const prop = (props: Property[] | undefined, name: string): string | null | undefined =>
  props?.find((p) => p.name.toLowerCase() === name.toLowerCase())?.value;

/** Polls `read` every 100 ms until `done` holds, for at most half a step's bound; the value and polls. */
async function until<T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<[T, number]> {
  const started = Date.now();
  for (let polls = 1; ; polls++) {
    const value = await read();
    if (done(value)) return [value, polls];
    if (Date.now() - started > BOUND_MS / 2) throw new Error(`still ${JSON.stringify(value)} after ${polls} polls`);
    await sleep(100);
  }
}

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "hpc-ts-rest-"));
  const seen: Seen[] = [];
  const [emulator, url] = await startEmulator(dir, USERS, ["--admins", "admin"]);
  const [relay, relayUrl] = await startRelay(url, seen);
  const as = (username: keyof typeof USERS): Configuration =>
    new Configuration({ basePath: `${relayUrl}/hpc`, username, password: USERS[username] });
  const alice = as("alice"), admin = as("admin");
  const cluster = new ClusterApi(alice), jobs = new JobsApi(alice), tasks = new TasksApi(alice);
  const nodes = new NodesApi(admin), groups = new NodeGroupsApi(admin);
  const steps = new Steps();
  const jobState = async (jobId: number): Promise<string | null | undefined> =>
    prop(await jobs.getJob({ jobId, properties: "State" }), "State");
  let jobId = 0, nodeName = "";
  const taskNames = ["one", "two", "three"];
  try {
    await steps.run("Cluster version", async () => {
      const v = await cluster.getClusterVersion();
      must(/^\d+\.\d+\.\d+\.\d+$/.test(v), `not a version: ${v}`);
      return v;
    });
    await steps.run("List nodes", async () => {
      const list = await nodes.getClusterNodes();
      must(list.length === 2 && list.every((n) => n.state === NodeState.Online), `nodes: ${JSON.stringify(list)}`);
      nodeName = list[0].name;
      return list.map((n) => `${n.name}:${n.state}/${n.health}`).join(" ");
    });
    await steps.run("Get node", async () => {
      const node = await nodes.getClusterNode({ name: nodeName });
      must(node.name === nodeName && node.cores === 2, `node: ${JSON.stringify(node)}`);
      return `${node.name}: ${node.cores} cores, groups ${node.groups?.join(",")}`;
    });
    await steps.run("Create job with properties", async () => {
      jobId = await jobs.createJob({ property: [{ name: "Name", value: "ts /hpc <scenario>" }, { name: "Priority", value: "AboveNormal" }] });
      must(Number.isInteger(jobId) && jobId > 0, `job id ${jobId}`);
      const back = await jobs.getJob({ jobId, properties: "Name,Priority,State" });
      must(prop(back, "Name") === "ts /hpc <scenario>" && prop(back, "Priority") === "AboveNormal", `round trip: ${JSON.stringify(back)}`);
      return `job ${jobId}, ${prop(back, "State")}`;
    });
    await steps.run("Add tasks", async () => {
      const ids: number[] = [];
      for (const word of taskNames) {
        ids.push(await tasks.addTask({ jobId, property: [{ name: "CommandLine", value: `echo ${word}` }, { name: "Name", value: word }] }));
      }
      must(ids.join(",") === "1,2,3", `task ids ${ids}`);
      return `tasks ${ids.join(",")}`;
    });
    await steps.run("Submit", async () => {
      // The body is optional, but typescript-fetch maps an optional array body without a null
      // check (openapi-generator #6008): an empty list, not an absent one.
      await jobs.submitJob({ jobId, property: [] });
      return "submitted";
    });
    await steps.run("Poll job to Finished", async () => {
      const [state, polls] = await until(() => jobState(jobId), (s) => s === "Finished" || s === "Failed" || s === "Canceled");
      must(state === "Finished", `state ${state}`);
      return `Finished after ${polls} polls`;
    });
    await steps.run("Task list: rowsPerRead=1 + x-ms-continuation-queryId", async () => {
      const names: string[] = [];
      let queryId: string | undefined, pages = 0;
      do {
        const page = await tasks.getTasksRaw({ jobId, properties: "Name,State", rowsPerRead: 1, queryId });
        const rows = await page.value();
        must(rows.length === 1, `page of ${rows.length} rows with rowsPerRead=1`);
        must(prop(rows[0].properties, "State") === "Finished", `row ${JSON.stringify(rows[0])}`);
        names.push(String(prop(rows[0].properties, "Name")));
        queryId = page.raw.headers.get("x-ms-continuation-queryId") ?? undefined;
        pages++;
      } while (queryId !== undefined && pages < 10);
      must(names.join(",") === taskNames.join(","), `rows ${names} over ${pages} pages`);
      return `${names.join(",")} over ${pages} pages`;
    });
    await steps.run("Task list: startRow=1 + x-ms-row-count", async () => {
      const page = await tasks.getTasksRaw({ jobId, properties: "Name", startRow: 1, rowsPerRead: 1 });
      const rows = await page.value();
      const total = page.raw.headers.get("x-ms-row-count");
      must(total === "3" && rows.length === 1 && prop(rows[0].properties, "Name") === "two", `rows ${JSON.stringify(rows)}, count ${total}`);
      must(page.raw.headers.get("x-ms-continuation-queryId") === null, "a continuation header with startRow");
      return `row 1 = ${prop(rows[0].properties, "Name")} of ${total}`;
    });
    await steps.run("Finish a running job (/hpc only)", async () => {
      const running = await jobs.createJob({ property: [{ name: "Name", value: "ts finish" }] });
      await tasks.addTask({ jobId: running, property: [{ name: "CommandLine", value: "sleep 60" }] });
      await jobs.submitJob({ jobId: running, property: [] });
      await until(() => jobState(running), (s) => s === "Running");
      await jobs.finishJob({ jobId: running, body: "enough from TypeScript" });
      const [state] = await until(() => jobState(running), (s) => s !== "Running" && s !== "Finishing");
      must(state === "Finished", `state after finish: ${state}`);
      const task = await tasks.getTask({ jobId: running, taskId: 1, properties: "State" });
      return `job ${running} Finished, its sleep task ${prop(task, "State")}`;
    });
    await steps.run("Node takeOffline -> Offline -> bringOnline -> Online", async () => {
      await nodes.operateClusterNode({ name: nodeName, operation: NodeOperationKind.TakeOffline });
      const [, down] = await until(() => nodes.getClusterNode({ name: nodeName }), (n) => n.state === NodeState.Offline);
      await nodes.operateClusterNode({ name: nodeName, operation: NodeOperationKind.BringOnline });
      const [, up] = await until(() => nodes.getClusterNode({ name: nodeName }), (n) => n.state === NodeState.Online);
      return `${nodeName} Offline after ${down} polls, Online after ${up}`;
    });
    await steps.run("Node group create/add/remove/delete", async () => {
      const made = await groups.createNodeGroup({ nodeGroup: { name: "TsGroup", description: "made by rest.ts" } });
      must(made.name === "TsGroup" && made.managed === false, `created ${JSON.stringify(made)}`);
      const all = (await nodes.getClusterNodes()).map((n) => n.name);
      const added = await groups.moveNodesOfGroup({ name: "TsGroup", nodeGroupOperation: { groupName: "TsGroup", operation: NodeGroupOperationKind.Add, nodeNames: all } });
      must(added.join(",") === all.join(","), `after add: ${added}`);
      const left = await groups.moveNodesOfGroup({ name: "TsGroup", nodeGroupOperation: { groupName: "TsGroup", operation: NodeGroupOperationKind.Remove, nodeNames: [all[0]] } });
      must(left.join(",") === all[1] && (await groups.getNodesOfGroup({ name: "TsGroup" })).join(",") === all[1], `after remove: ${left}`);
      await groups.deleteNodeGroup({ name: "TsGroup" });
      const names = (await groups.getNodeGroups()).map((g) => g.name);
      must(!names.includes("TsGroup") && names.includes("ComputeNodes"), `groups after delete: ${names}`);
      return `added ${added.length}, left ${left}, deleted`;
    });
    await steps.run("Missing job: 404 with the error body", async () => {
      try {
        await jobs.getJob({ jobId: 987654 });
      } catch (e) {
        if (!(e instanceof ResponseError)) throw e;
        const error = HpcRestErrorFromJSON(await e.response.json());
        must(e.response.status === 404 && error.message.includes("987654"), `HTTP ${e.response.status} ${JSON.stringify(error)}`);
        return `HTTP 404: ${error.message}`;
      }
      throw new Error("no error for a missing job");
    });
  } finally {
    relay.close();
    await stopEmulator(emulator);
    rmSync(dir, { recursive: true, force: true });
  }
  // The wire: every request under /hpc, JSON bodies with a length, JSON answers.
  const wire: string[] = [];
  for (const s of seen) {
    const where = `${s.method} ${s.path}`;
    if (!s.path.startsWith("/hpc/")) wire.push(`${where}: not under /hpc`);
    if (["POST", "PUT", "PATCH"].includes(s.method)) {
      if (s.length === undefined || s.chunked) wire.push(`${where}: no Content-Length`);
      if (s.length !== "0" && !s.contentType.startsWith("application/json")) wire.push(`${where}: sent ${s.contentType || "no type"}`);
    }
    if (s.status !== 202 && s.status !== 204 && !s.answerType.startsWith("application/json")) wire.push(`${where}: answered ${s.answerType || "no type"}`);
    const asked404 = s.status === 404 && s.path.includes("/jobs/987654");
    if (s.status >= 400 && !asked404) wire.push(`${where}: HTTP ${s.status}`);
  }
  console.log(`wire: ${seen.length} requests, ${wire.length} problems`);
  for (const w of wire) console.log(`  WIRE ${w}`);
  return steps.report(STEPS) && wire.length === 0 && seen.length > 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (e) => { console.error(e); process.exit(1); });
