"""The job scheduler: job/task state machines, resource allocation and dispatch.

Runs on the server's event loop: request handlers call the synchronous methods (which commit
to the store before returning) and `wake()` a scheduling pass; task processes run as asyncio
subprocesses. Queued jobs start strictly in order of priority then submit time when their
minimum resources are free (no backfill), so a full cluster makes jobs queue.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import heapq
import math
import secrets
import time
from collections import Counter
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any

from hpc_emulator import values
from hpc_emulator.cluster import Cluster
from hpc_emulator.entities import (
    TERMINAL,
    Job,
    Task,
    apply_props,
    new_props,
    open_count,
    set_state,
    sweep_values,
)
from hpc_emulator.faults import invalid_state, not_found
from hpc_emulator.jobtable import JobTable
from hpc_emulator.procs import TOKEN_VAR, identity, kill_verified
from hpc_emulator.props import JOB_PROPS, TASK_PROPS
from hpc_emulator.runner import Pacer, RunResult, RunSpec, TaskProcess
from hpc_emulator.store import Store
from hpc_emulator.taskenv import base_env, expand_sweep, expand_vars, home_dir
from hpc_emulator.xmlwire import Props

ACTIVE = frozenset({"Submitted", "Queued", "Running"})  # the states a scheduling pass handles
# A job canceled or finished with more than ENDING_AT_ONCE items still open (or sweep instances
# still to create) ends over several passes, in the slices expansion uses, as Canceling or
# Finishing (HPC Pack's own transient states [D]) instead of in one callback: a forced cancel
# of a 100,000-instance sweep held the loop 2.5 s (25 us an item). Smaller jobs end at once.
ENDING = frozenset({"Canceling", "Finishing"})
ENDING_AT_ONCE = 250
# items a pass starts at most: the rest start in the next pass, so one pass never holds the
# loop for long (256 free cores once meant 256 starts, ~50 ms, in one callback)
STARTS_PER_PASS = 16
# sweep instances a pass creates at most, and for at most SLICE_SECONDS (the clock is read
# every EXPAND_CHECK instances): a 100,000-instance sweep is expanded over many passes, each
# holding the loop a few ms, instead of one 10 s callback; the instances' rows are written
# by the commit that follows, a callback of its own of about the same length
EXPAND_PER_PASS = 250
SLICE_SECONDS = 0.001
EXPAND_CHECK = 10
_clock = time.perf_counter  # a module attribute: tests replace it
# A sweep this large freezes what its slices created out of the cyclic GC (`gc.freeze`): the
# full collections the new objects trigger otherwise scan the whole heap, 60-100 ms each at
# 100,000 instances (measured with gc.callbacks). Instances hold no reference cycles, so
# plain reference counting still frees them.
FREEZE_SWEEP = 10_000
LOST_TASK_MESSAGE = (
    "The task failed because the node {node} became unreachable while the task was running "
    "(the emulator stopped)."
)


def touch(props: dict[str, Any]) -> None:
    props["ChangeTime"] = values.now()


SWEEP_PATHS = ("StdOutFilePath", "StdErrFilePath", "StdInFilePath")  # `*` expanded [D]


def sets_progress(incoming: Props) -> bool:
    """Does this property list give the job's Progress a value?"""
    return any(name.lower() == "progress" and value for name, value in incoming)


def valid_exit(codes: str | None, code: int) -> bool:
    if not codes or not codes.strip():
        return code == 0
    for part in codes.split(","):
        part = part.strip()
        if not part:
            continue
        sep = ".." if ".." in part else (":" if ":" in part else None)
        try:
            if sep:
                low, high = part.split(sep, 1)
                lo = int(low) if low.strip() and low.strip().lower() != "min" else -(2**31)
                hi = int(high) if high.strip() and high.strip().lower() != "max" else 2**31
                if lo <= code <= hi:
                    return True
            elif int(part) == code:
                return True
        except ValueError:
            continue
    return False


class Scheduler:
    def __init__(self, store: Store, cluster: Cluster, data_dir: Path, cluster_name: str) -> None:
        self.store = store
        self.cluster = cluster
        self.data_dir = data_dir
        self.cluster_name = cluster_name
        self.jobs = JobTable(self._read_job)
        # ids of jobs that may be ACTIVE: a pass looks at these only, not at every job ever
        # created (which made each pass, and so each submit, slower as the history grew).
        # Every state change is saved through `_save_job`, which adds the id when needed.
        self._active: set[int] = set()
        self._wake: asyncio.Event | None = None
        self._loop_task: asyncio.Task[None] | None = None
        self._running: set[asyncio.Task[None]] = set()
        # every task process not yet ended, also those canceled but still in their grace
        self._procs: set[TaskProcess] = set()
        # the run tokens of the starts a tick lets through are committed before their spawn
        self.pacer = Pacer(before=self._commit_tokens)
        self._tokens_unsaved = False  # a start's run token is in an uncommitted transaction
        self._owners: dict[str, tuple[dict[str, str], list[Path]]] = {}  # `_spec`'s per owner
        self._starts = 0  # items started in the current pass
        self._expand_budget = EXPAND_PER_PASS  # instances the current pass may still create
        self._slice_end = 0.0  # `_clock()` at which the current pass stops creating instances
        self.expand_slices = 0  # passes that created instances (tests count them)
        # set by the app: tells the SOA broker a service job ended without Close Session
        self.on_service_end: Callable[[int], Coroutine[Any, Any, None]] | None = None
        self._load()

    # ------------------------------------------------------------ lifecycle

    def _load(self) -> None:
        """Jobs not ended (and ended ones with a run recorded) into memory; the rest stay in
        SQLite until asked for."""
        for job_id, doc in self.store.load_jobs(TERMINAL):
            self.jobs.hold(Job.from_document(job_id, doc))
        self._attach_tasks(list(self.jobs.live))
        with self.store.batch():
            for job in self.jobs.values():
                self._recover(job)
        for job in self.jobs.values():
            if job.state in TERMINAL:
                self.jobs.release(job)
        self._active = {j.id for j in self.jobs.values() if j.state in ACTIVE | ENDING}

    def _attach_tasks(self, job_ids: list[int]) -> None:
        for job_id, task_id, instance_id, doc in self.store.load_tasks(job_ids):
            job = self.jobs.live.get(job_id)
            if job is None:
                continue
            task = Task.from_document(job_id, task_id, instance_id, doc)
            if instance_id == 0:
                task.subtasks = job.tasks[task_id].subtasks if task_id in job.tasks else {}
                job.tasks[task_id] = task
            else:
                master = job.tasks.get(task_id)
                if master is not None:
                    master.subtasks[instance_id] = task
        for job_id in job_ids:
            job = self.jobs.live[job_id]
            job.task_endings = {t.task_id for t in job.tasks.values() if t.ending}
            for task in job.tasks.values():
                job.track(task)
                for sub in task.subtasks.values():
                    job.track(sub)
            job.indexed = False  # `changes` built when first asked

    def _read_job(self, job_id: int) -> Job | None:
        """An ended job, with its tasks, read back from SQLite."""
        doc = self.store.load_job(job_id)
        if doc is None or not doc:
            return None
        job = Job.from_document(job_id, doc)
        for _, task_id, instance_id, tdoc in self.store.load_tasks([job_id]):
            task = Task.from_document(job_id, task_id, instance_id, tdoc)
            if instance_id == 0:
                task.subtasks = job.tasks[task_id].subtasks if task_id in job.tasks else {}
                job.tasks[task_id] = task
            elif task_id in job.tasks:
                job.tasks[task_id].subtasks[instance_id] = task
        for task in job.tasks.values():
            job.track(task)
            for sub in task.subtasks.values():
                job.track(sub)
        job.indexed = False
        return job

    def _recover(self, job: Job) -> None:
        """After a crash: what was running has lost its process (documented in the README)."""
        if job.props.get("JobType") == "Service":
            return
        if job.state in ENDING and not job.ending:  # saved by an older emulator
            set_state(job.props, "Canceled")
            self._save_job(job)
        failed = False
        for item in job.items():
            if item.pid or item.run_token:  # a run was live: Running, or stopped in its grace
                kill_verified(item.pid, item.pid_ident, item.run_token)  # PIDs get reused
                item.pid = item.pid_ident = item.run_token = None
                self._save_task(item)
            if item.state not in ("Running", "Dispatching"):
                continue
            if item.props.get("IsRerunnable", True):
                job.move(item, "Queued")
                item.props["AutoRequeueCount"] = int(item.props.get("AutoRequeueCount") or 0) + 1
                item.props["AllocatedNodes"] = None
                item.props["AllocatedCoreIds"] = None
            else:
                node = item.props.get("AllocatedNodes") or "NODE01"
                item.props["ErrorMessage"] = LOST_TASK_MESSAGE.format(node=node)
                item.props["EndTime"] = values.now()
                job.move(item, "Failed")
                failed = True
            self._save_task(item)
            self._refresh_master(job, item)
        if failed and job.state == "Running" and job.props.get("FailOnTaskFailure"):
            self._fail_job(job, "The job failed because a task failed (FailOnTaskFailure).")

    def start(self) -> None:
        self._wake = asyncio.Event()
        self._loop_task = asyncio.get_running_loop().create_task(self._loop())
        self.wake()

    async def stop(self) -> None:
        if self._loop_task:
            self._loop_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._loop_task
        for proc in list(self._procs):
            proc.kill(forced=True)
        for t in list(self._running):
            t.cancel()
        if self._running:
            await asyncio.gather(*self._running, return_exceptions=True)

    def wake(self) -> None:
        if self._wake is not None:
            self._wake.set()

    async def _loop(self) -> None:
        assert self._wake is not None
        while True:
            await self._wake.wait()
            self._wake.clear()
            with self.store.soon():
                self._pass()
            # a pass that woke the next one (a slice left) must still let requests in:
            # `Event.wait()` on a set event returns without yielding to the loop
            await asyncio.sleep(0)

    # ------------------------------------------------------------ persistence

    def _save_job(self, job: Job) -> None:
        if job.state in ACTIVE or job.state in ENDING:
            self._active.add(job.id)
        self.store.save_job(job.id, job.document())
        self._settle(job)

    def _settle(self, job: Job) -> None:
        """In memory while it is not ended or a run of it is; otherwise read back on demand."""
        if job.state in TERMINAL and job.runs == 0:
            self.jobs.release(job)
        else:
            self.jobs.hold(job)

    def _save_task(self, task: Task, now: bool = False) -> None:
        job = self.jobs.held(task.job_id)
        if job is not None:
            job.changed(task)
        self.store.save_task(task.job_id, task.task_id, task.instance_id, task.document, now)

    def touch_job(self, job: Job) -> None:
        touch(job.props)
        self._save_job(job)

    def touch_task(self, task: Task) -> None:
        touch(task.props)
        self._save_task(task)

    # ------------------------------------------------------------ lookups

    def job(self, job_id: int) -> Job:
        job = self.jobs.get(job_id)
        if job is None:
            raise not_found(f"The job {job_id} does not exist.")
        return job

    def all_jobs(self) -> Iterator[Job]:
        """Every stored job, ended ones read back from SQLite (not cached): a full scan, for
        the few answers that need every job (the /hpc API's lists and statistics)."""
        for job_id, *_ in self.store.job_rows():
            job = self.jobs.peek(job_id)
            if job is not None:
                yield job

    def task(self, job: Job, task_id: int) -> Task:
        task = job.tasks.get(task_id)
        if task is None:
            raise not_found(f"The task {task_id} of job {job.id} does not exist.")
        return task

    def subtask(self, task: Task, instance_id: int) -> Task:
        sub = task.subtasks.get(instance_id)
        if sub is None:
            raise not_found(
                f"The subtask {instance_id} of task {task.task_id} of job {task.job_id} does not exist."
            )
        return sub

    # ------------------------------------------------------------ job operations

    def create_job(self, owner: str, incoming: Props, extra: dict[str, Any] | None = None) -> Job:
        props = new_props(JOB_PROPS)
        apply_props(JOB_PROPS, props, incoming, is_job=True)
        now = values.now()
        props.update(Owner=owner, CreateTime=now, ChangeTime=now)
        props.setdefault("UserName", owner)
        if props.get("UserName") is None:
            props["UserName"] = owner
        props.pop("Password", None)
        if extra:
            props.update(extra)
        with self.store.batch():
            job_id = self.store.new_job_id({})
            props["Id"] = job_id
            job = Job(job_id, props, progress_set=sets_progress(incoming))
            self.jobs[job_id] = job
            self._save_job(job)
        return job

    def set_job_props(self, job: Job, incoming: Props) -> None:
        if job.state in TERMINAL:
            raise invalid_state(
                f"The properties of a job in the {job.state} state cannot be changed."
            )
        apply_props(JOB_PROPS, job.props, incoming, is_job=True)
        job.props.pop("Password", None)
        job.progress_set = job.progress_set or sets_progress(incoming)
        touch(job.props)
        self._save_job(job)
        self.wake()

    def submit(self, job: Job, incoming: Props) -> None:
        if job.state != "Configuring":
            raise invalid_state(f"Jobs in the {job.state} state cannot be submitted.")
        apply_props(JOB_PROPS, job.props, incoming, is_job=True)
        job.props.pop("Password", None)
        job.progress_set = job.progress_set or sets_progress(incoming)
        set_state(job.props, "Submitted")
        job.props["SubmitTime"] = values.now()
        with self.store.batch():
            for task in job.tasks.values():
                if task.state == "Configuring":
                    job.move(task, "Submitted")
                    task.props["SubmitTime"] = job.props["SubmitTime"]
                    self._save_task(task)
            self._save_job(job)
        self.wake()

    def cancel_job(self, job: Job, message: str, forced: bool) -> None:
        if job.state in TERMINAL:
            raise invalid_state(f"Jobs in the {job.state} state cannot be canceled.")
        message = message or "Canceled by user."
        if job.state in ENDING:  # already ending: a forced cancel still forces what is left
            if job.ending is not None and forced and not job.ending["forced"]:
                job.ending["forced"] = True
                self._save_job(job)
            return
        if self._ends_in_slices(job):
            self._end_later(job, "Canceling", "Canceled", message, message, forced)
            return
        self._drop_task_endings(job)
        with self.store.batch():
            self._expand_rest(job)
            for item in _stop_order(job):
                if item.state not in TERMINAL:
                    self._stop_item(job, item, "Canceled", message, forced)
            self._end_job(job, "Canceled", message)
        if job.props.get("JobType") == "Service" and self.on_service_end is not None:
            ended: asyncio.Task[None] = asyncio.get_running_loop().create_task(
                self.on_service_end(job.id)
            )
            self._running.add(ended)
            ended.add_done_callback(self._running.discard)
        self.wake()

    # ------------------------------------------------------------ ending in slices

    def _ends_in_slices(self, job: Job) -> bool:
        """More than ENDING_AT_ONCE items to stop or instances to create? (A service job
        always ends at once: the broker is told within the call.)"""
        if job.props.get("JobType") == "Service":
            return False
        work = open_count(job.counts)
        if job.state != "Configuring":
            work += sum(_missing(t) for t in job.tasks.values() if t.is_sweep)
        return work > ENDING_AT_ONCE

    def _end_later(
        self, job: Job, now: str, final: str, item_message: str, job_message: str | None,
        forced: bool,
    ) -> None:  # fmt: skip
        """Canceling/Finishing now; `_end_slice` stops the items over the next passes."""
        self._drop_task_endings(job)
        job.ending = {
            "state": final, "message": item_message, "error": job_message, "forced": forced,
        }  # fmt: skip
        set_state(job.props, now)
        self._save_job(job)
        self.wake()

    def _end_slice(self, job: Job) -> None:
        """One pass's share of an ending: the sweeps' missing instances first (they exist
        from submission on a head node [I]), then the open items, within the slice's budget
        and clock; the job ends in the pass that stops the last one."""
        ending = job.ending
        assert ending is not None
        if job.to_stop is None:
            for task in job.tasks.values():
                if task.is_sweep and task.state != "Configuring":
                    try:
                        if not self._expand(job, task):
                            self.wake()
                            return
                    except Exception:  # a Fault from sweep_values: no instances
                        continue
            job.to_stop = _stop_order(job)
        if not self._stop_some(job, job.to_stop, "Canceled", ending["message"], ending["forced"]):
            self.wake()
            return
        job.to_stop = None
        job.ending = None
        self._end_job(job, ending["state"], ending["error"])
        self.wake()

    def _end_job(self, job: Job, state: str, error: str | None) -> None:
        """The job ends `state` now, with `error` as its ErrorMessage."""
        job.props["ErrorMessage"] = error
        job.props["EndTime"] = values.now()
        set_state(job.props, state)
        self._save_job(job)

    def requeue_job(self, job: Job) -> None:
        if job.state not in ("Canceled", "Failed"):
            raise invalid_state(
                "Only jobs that are in the Canceled or Failed state can be requeued. To create a "
                "new job that is based on a Finished or Running job, save the job as an XML file "
                "(render as hpcJobXml) and then POST to .../Jobs/JobFile"
            )
        with self.store.batch():
            for task in job.tasks.values():
                for item in [task, *task.subtasks.values()]:
                    if item.state != "Finished":
                        self._reset_item(job, item, "Submitted")
            job.props["RequeueCount"] = int(job.props.get("RequeueCount") or 0) + 1
            job.props["ErrorMessage"] = None
            job.props["EndTime"] = None
            job.props["SubmitTime"] = values.now()
            set_state(job.props, "Submitted")
            self._save_job(job)
        self.wake()

    # ------------------------------------------------------------ task operations

    def add_task(self, job: Job, incoming: Props) -> Task:
        if job.state in TERMINAL or job.state in ENDING:
            raise invalid_state(f"Tasks cannot be added to a job in the {job.state} state.")
        props = new_props(TASK_PROPS)
        apply_props(TASK_PROPS, props, incoming, is_job=False)
        if props.get("Type") == "ParametricSweep":
            sweep_values(props)
        now = values.now()
        task_id = job.next_task_id
        props.update(
            JobTaskId=task_id,
            ParentJobId=job.id,
            TaskId=f"{job.id}.{task_id}",
            CreateTime=now,
            ChangeTime=now,
        )
        task = Task(job.id, task_id, 0, props)
        job.next_task_id += 1
        job.tasks[task_id] = task
        job.track(task)
        with self.store.batch():
            self._save_task(task)
            self._save_job(job)
        self.wake()
        return task

    def set_task_props(self, task: Task, incoming: Props) -> None:
        if task.state not in ("Configuring", "Submitted", "Queued"):
            raise invalid_state(
                f"The properties of a task in the {task.state} state cannot be changed."
            )
        trial = dict(task.props)
        apply_props(TASK_PROPS, trial, incoming, is_job=False)
        if trial.get("Type") == "ParametricSweep":
            sweep_values(trial)
        job = self.job(task.job_id)
        job.track(task, -1)  # the Type may change: counted again as what it is now
        task.props.clear()
        task.props.update(trial)
        job.track(task)
        touch(task.props)
        self._save_task(task)

    def cancel_task(self, task: Task, message: str, forced: bool) -> None:
        job = self.job(task.job_id)
        if task.state in TERMINAL:
            raise invalid_state(f"Tasks in the {task.state} state cannot be canceled.")
        if task.ending is not None:  # already ending: a forced cancel still forces the rest
            if forced and not task.ending["forced"]:
                task.ending["forced"] = True
                self._save_task(task)
            return
        if self._sweep_ends_in_slices(job, task):
            message = message or "Canceled by user."
            self._end_task_later(job, task, "Canceling", "Canceled", message, forced)
            return
        with self.store.batch():
            if task.is_sweep:
                self._expand_rest(job, task)
            targets = list(task.subtasks.values()) if task.is_sweep else []
            for item in [*targets, task]:
                if item.state not in TERMINAL:
                    self._stop_item(job, item, "Canceled", message or "Canceled by user.", forced)
            self._refresh_master(job, task)
        self.wake()

    def requeue_task(self, task: Task) -> None:
        job = self.job(task.job_id)
        allowed = ("Failed", "Canceled", "Queued")
        if task.state not in allowed:
            raise invalid_state(
                f"Only tasks in the Failed, Canceled or Queued state can be requeued (this task is {task.state})."
            )
        with self.store.batch():
            for item in [task, *task.subtasks.values()]:
                if item.state in allowed:
                    self._reset_item(job, item, "Configuring")
                    item.props["RequeueCount"] = int(item.props.get("RequeueCount") or 0) + 1
                    self._save_task(item)
            self._refresh_master(job, task)
        self.wake()

    # ------------------------------------------------------------ finish (the /hpc API)

    def finish_job(self, job: Job, message: str) -> None:
        """End an active job Finished (the /hpc API's Finish Job): like cancel, but the job
        ends Finished; its unfinished tasks stop as on cancel."""
        if job.state not in ACTIVE:
            raise invalid_state(f"Jobs in the {job.state} state cannot be finished.")
        if self._ends_in_slices(job):
            self._end_later(
                job, "Finishing", "Finished", message or "Finished by user.", message or None, True
            )
            return
        self._drop_task_endings(job)
        with self.store.batch():
            self._expand_rest(job)
            for item in _stop_order(job):
                if item.state not in TERMINAL:
                    self._stop_item(job, item, "Canceled", message or "Finished by user.", True)
            self._end_job(job, "Finished", message or None)
        self.wake()

    def finish_task(self, task: Task, message: str) -> None:
        """End an active task (or subtask, or a sweep's remaining subtasks) Finished; the
        message becomes its ErrorMessage."""
        job = self.job(task.job_id)
        if task.state in TERMINAL or task.state == "Configuring" or task.ending is not None:
            raise invalid_state(f"Tasks in the {task.state} state cannot be finished.")
        if self._sweep_ends_in_slices(job, task):
            self._end_task_later(job, task, "Finishing", "Finished", message, True)
            return
        with self.store.batch():
            if task.is_sweep:
                self._expand_rest(job, task)
            targets = list(task.subtasks.values()) if task.is_sweep else []
            for item in [*targets, task]:
                if item.state not in TERMINAL:
                    self._stop_item(job, item, "Finished", message, True)
            self._refresh_master(job, task)
        self.wake()

    def _reset_item(self, job: Job, item: Task, state: str) -> None:
        for name in ("ExitCode", "ErrorMessage", "Output", "StartTime", "EndTime"):
            item.props[name] = None
        item.props["AllocatedNodes"] = None
        item.props["AllocatedCoreIds"] = None
        job.move(item, state)
        self._save_task(item)

    # ------------------------------------------------------------ service jobs (SOA broker hooks)

    def create_service_job(self, name: str, owner: str, start_info: dict[str, Any]) -> int:
        """Create a running Service job for a SOA session; its id is the session id."""
        extra: dict[str, Any] = {"JobType": "Service", "ServiceName": name}
        incoming: Props = [("Name", str(start_info.get("ServiceJobName") or name))]
        if start_info.get("ServiceJobProject"):
            incoming.append(("Project", str(start_info["ServiceJobProject"])))
        if isinstance(start_info.get("Priority"), int) and 0 <= start_info["Priority"] <= 4:
            incoming.append(("Priority", str(start_info["Priority"])))
        job = self.create_job(owner, incoming, extra)
        now = values.now()
        job.props.update(SubmitTime=now, StartTime=now)
        set_state(job.props, "Running")
        task = self.add_task(job, [("Name", f"{name} host"), ("Type", "Service")])
        job.move(task, "Running")
        task.props["StartTime"] = now
        with self.store.batch():
            self._save_task(task)
            self._save_job(job)
        return job.id

    def end_service_job(self, job_id: int, canceled: bool) -> None:
        job = self.jobs.get(job_id)
        if job is None or job.state in TERMINAL:
            return
        final = "Canceled" if canceled else "Finished"
        now = values.now()
        with self.store.batch():
            for task in job.tasks.values():
                if task.state not in TERMINAL:
                    task.props["EndTime"] = now
                    job.move(task, final)
                    self._save_task(task)
            job.props["EndTime"] = now
            set_state(job.props, final)
            self._save_job(job)

    # ------------------------------------------------------------ scheduling pass

    def _units_to_cores(self, unit: str, count: int) -> tuple[int, int]:
        """(cores, whole nodes) for `count` units of `unit`."""
        count = max(1, count)
        if unit == "Core" or unit == "GPU":
            return count, 0
        return count * self.cluster.cores_per_node, count

    def _need(self, job: Job, item: Task) -> tuple[int, int]:
        unit = str(job.props.get("UnitType") or "Core")
        field = {"Core": "MinCores", "GPU": "MinCores", "Socket": "MinSockets", "Node": "MinNodes"}[
            unit
        ]
        return self._units_to_cores(unit, int(item.props.get(field) or 1))

    def _validate(self, job: Job) -> str | None:
        unit = str(job.props.get("UnitType") or "Core")
        suffix = {"Core": "Cores", "GPU": "Cores", "Socket": "Sockets", "Node": "Nodes"}[unit]
        total = self.cluster.total_cores
        largest = summed = 0  # over the open items; a sweep's instances all need the same
        for task in job.tasks.values():
            count = open_count(task.sub_counts) if task.is_sweep else task.state not in TERMINAL
            if count:
                need = self._need(job, task)[0]
                largest, summed = max(largest, need), summed + need * int(count)
        if job.props.get("AutoCalculateMin", True):
            low = largest or self._units_to_cores(unit, 1)[0]
        else:
            low = self._units_to_cores(unit, int(job.props.get(f"Min{suffix}") or 1))[0]
        if job.props.get("AutoCalculateMax", True):
            high = max(low, summed)
        else:
            high = self._units_to_cores(unit, int(job.props.get(f"Max{suffix}") or 1))[0]
        if low > high:
            return f"The minimum number of {suffix.lower()} exceeds the maximum."
        if low > total:
            return f"The job requires {low} cores but the cluster has only {total}."
        if largest > high:
            return "A task requires more resources than the job's maximum."
        names = {str(t.props.get("Name") or "").lower() for t in job.tasks.values()}
        for task in job.tasks.values():
            for dep in _deps(task):
                if dep.lower() not in names:
                    return f"Task {task.task_id} depends on the unknown task '{dep}'."
        job.reserve_min, job.reserve_max = low, min(high, total)
        return None

    def _pass(self) -> None:
        now = values.now()
        self._starts = 0
        if self._expand_budget < EXPAND_PER_PASS:
            self.expand_slices += 1
        self._expand_budget = EXPAND_PER_PASS
        self._slice_end = _clock() + SLICE_SECONDS
        active = [j for i in sorted(self._active) if (j := self.jobs.live.get(i)) is not None]
        for job in active:
            if job.state in ENDING and job.ending is not None:
                self._end_slice(job)
                continue
            if job.task_endings:
                self._end_tasks_slice(job)
            if job.state == "Submitted":
                self._queue(job)
            if job.state in ("Queued", "Running") and (
                job.task_counts["Configuring"] or job.task_counts["Submitted"]
            ):
                for task in list(job.tasks.values()):
                    if task.state in ("Configuring", "Submitted"):
                        self._enqueue_task(job, task)
        running = [
            j for j in active if j.state == "Running" and j.props.get("JobType") != "Service"
        ]
        free = self.cluster.total_cores - sum(max(j.reserve_min, j.used) for j in running)
        order = sorted(
            (j for j in active if j.state in ("Queued", "Running")),
            key=lambda j: (
                -int(j.props.get("ExpandedPriority") or 0),
                j.props.get("SubmitTime") or now,
                j.id,
            ),
        )
        blocked = False
        for job in order:
            if self._starts >= STARTS_PER_PASS:  # the rest in the next pass, in the same order
                self.wake()
                break
            if job.state == "Queued":
                hold = job.props.get("HoldUntil")
                if hold is not None and hold > now:
                    job.props["PendingReason"] = "HoldUntil"
                    continue
                if blocked or job.reserve_min > free:
                    blocked = True
                    if job.props.get("PendingReason") != "Resources":
                        job.props["PendingReason"] = "Resources"
                        self._save_job(job)
                    continue
                free -= job.reserve_min
                job.props.update(StartTime=now, PendingReason="None")
                set_state(job.props, "Running")
                self._save_job(job)
            if job.state == "Running" and job.props.get("JobType") != "Service":
                free = self._dispatch(job, free)
                self._maybe_finish(job)
                if job.state != "Running":
                    self.wake()  # its resources are free: another pass may start queued jobs
        self._active.difference_update(
            j.id for j in active if j.state not in ACTIVE and j.state not in ENDING
        )

    def _queue(self, job: Job) -> None:
        try:
            pending = [t for t in job.tasks.values() if t.is_sweep and not self._expand(job, t)]
        except Exception as exc:  # a Fault from sweep_values
            self._fail_job(job, str(getattr(exc, "message", exc)))
            return
        if pending:  # stays Submitted until every instance exists
            self.wake()
            return
        error = self._validate(job)
        if error:
            self._end_job(job, "Failed", error)
            return
        set_state(job.props, "Queued")
        self._save_job(job)

    def _enqueue_task(self, job: Job, task: Task) -> None:
        if task.is_sweep and not self._expand(job, task):
            self.wake()  # the next slice in the next pass
            return
        items = [task]
        if task.sub_counts["Configuring"] or task.sub_counts["Submitted"]:  # requeued
            items.extend(task.subtasks.values())
        for item in items:
            if item.state in ("Configuring", "Submitted"):
                job.move(item, "Queued")
                item.props["SubmitTime"] = item.props.get("SubmitTime") or values.now()
                self._save_task(item)
        if job.state == "Running" and job.reserve_max < self.cluster.total_cores:
            need = self._need(job, task)[0]
            job.reserve_max = min(
                self.cluster.total_cores, max(job.reserve_max, job.reserve_max + need)
            )
            self._save_job(job)

    def _expand(self, job: Job, task: Task) -> bool:
        """Create the next instances of a sweep, Queued, within the pass's budget; True once
        all exist. Resumable: what a slice wrote survives a restart, the rest follows."""
        sweep = sweep_values(task.props)
        done = len(task.subtasks)
        stop = min(len(sweep), done + self._expand_budget)
        command = str(task.props.get("CommandLine") or "")
        created = done
        while created < stop:
            chunk = min(stop, created + EXPAND_CHECK)
            for index in range(created + 1, chunk + 1):
                self._instance(job, task, index, sweep[index - 1], command)
            created = chunk
            if _clock() >= self._slice_end:  # the rest in the next pass
                self._expand_budget = created - done
                break
        self._expand_budget -= created - done
        if len(sweep) >= FREEZE_SWEEP and created > done:
            gc.freeze()
        return created >= len(sweep)

    def _instance(self, job: Job, task: Task, index: int, value: int, command: str) -> None:
        """Create instance `index` of the sweep `task`, Queued."""
        props = dict(task.props)
        now = values.now()
        props.update(
            InstanceId=index,
            TaskId=f"{task.job_id}.{task.task_id}.{index}",
            CommandLine=expand_sweep(command, value),
            CreateTime=now,
            ChangeTime=now,
            State="Queued",
            PreviousState=task.props.get("State"),
            SubmitTime=task.props.get("SubmitTime") or job.props.get("SubmitTime") or now,
        )
        for name in SWEEP_PATHS:
            if props.get(name):
                props[name] = expand_sweep(str(props[name]), value)
        sub = Task(task.job_id, task.task_id, index, props, dict(task.custom), dict(task.env))
        task.subtasks[index] = sub
        job.track(sub)
        self._save_task(sub, now=True)  # its cost within the slice's time, not the commit's

    def _expand_rest(self, job: Job, only: Task | None = None) -> None:
        """Create every instance still missing of a job's sweeps (or of `only`) at once.

        A job that ends while its sweeps are still being expanded in slices must end with all
        of their instances, as on a head node, where they exist from submission [I]: they are
        created here and then stopped with the rest. This one path is not sliced.
        """
        if job.state == "Configuring":
            return  # not submitted: its sweeps are expanded at submission
        budget, end = self._expand_budget, self._slice_end
        try:
            for task in [only] if only is not None else list(job.tasks.values()):
                if task.is_sweep and task.state != "Configuring":
                    self._expand_budget, self._slice_end = 1 << 62, math.inf
                    with contextlib.suppress(Exception):  # a Fault from sweep_values: none
                        self._expand(job, task)
        finally:
            self._expand_budget, self._slice_end = budget, end

    def _sweep_ends_in_slices(self, job: Job, task: Task) -> bool:
        """A sweep with more than ENDING_AT_ONCE instances open or still to create?"""
        if not task.is_sweep or job.state == "Configuring" or task.state == "Configuring":
            return False
        return open_count(task.sub_counts) + _missing(task) > ENDING_AT_ONCE

    def _end_task_later(
        self, job: Job, task: Task, now: str, final: str, message: str, forced: bool
    ) -> None:
        """The sweep is Canceling/Finishing; `_end_task_slice` stops its instances over the
        next passes (none of them starts meanwhile), then the sweep itself."""
        task.ending = {"state": final, "message": message, "forced": forced}
        job.move(task, now)
        self._save_task(task)
        job.task_endings.add(task.task_id)
        self.wake()

    def _end_task_slice(self, job: Job, task: Task) -> bool:
        """One pass's share of a sweep's ending (as `_end_slice`, for one sweep); True once
        the sweep has ended."""
        ending = task.ending
        assert ending is not None
        if task.to_stop is None:
            with contextlib.suppress(Exception):  # a Fault from sweep_values: none to create
                if not self._expand(job, task):
                    return False
            task.to_stop = iter(task.subtasks.values())
        state, message, forced = ending["state"], ending["message"], ending["forced"]
        if not self._stop_some(job, task.to_stop, state, message, forced):
            return False
        task.to_stop = task.ending = None
        self._stop_item(job, task, state, message, forced)
        return True

    def _stop_some(
        self, job: Job, items: Iterator[Task], state: str, message: str, forced: bool
    ) -> bool:
        """Stop what `items` still yields within the pass's budget and clock (the ones
        expansion uses); True once it is exhausted."""
        done = 0
        try:
            for item in items:
                if item.state not in TERMINAL:
                    self._stop_item(job, item, state, message, forced)
                done += 1
                if done >= self._expand_budget or (
                    done % EXPAND_CHECK == 0 and _clock() >= self._slice_end
                ):
                    return False
            return True
        finally:
            self._expand_budget = max(0, self._expand_budget - done)

    def _end_tasks_slice(self, job: Job) -> None:
        for task_id in sorted(job.task_endings):
            task = job.tasks.get(task_id)
            if task is None or task.ending is None or self._end_task_slice(job, task):
                job.task_endings.discard(task_id)
            if self._expand_budget <= 0:
                break
        self.wake()  # the next slice, or the pass that sees the job's tasks all ended

    def _drop_task_endings(self, job: Job) -> None:
        """The job ends as a whole: its sweeps' own endings are part of it."""
        for task_id in job.task_endings:
            if (task := job.tasks.get(task_id)) is not None:
                task.ending = task.to_stop = None
        job.task_endings.clear()

    def _ready(self, job: Job, master: Task) -> bool | str:
        deps = _deps(master)
        if not deps:
            return True
        by_name: dict[str, list[Task]] = {}
        for t in job.tasks.values():
            by_name.setdefault(str(t.props.get("Name") or "").lower(), []).append(t)
        for dep in deps:
            for parent in by_name.get(dep.lower(), []):
                if parent.state not in TERMINAL:
                    return False
                if parent.state != "Finished" and job.props.get("FailDependentTasks"):
                    return f"The task depends on task {parent.task_id}, which did not finish."
        return True

    def _dispatch(self, job: Job, free: int) -> int:
        """Start Queued items in (task, instance) order from the job's heap: each pass costs
        the items it starts or skips, not the job's size."""
        queue, waiting = job.queue, []
        ready: dict[int, bool | str] = {}  # per task, once a pass
        while queue:
            if self._starts >= STARTS_PER_PASS:
                self.wake()  # the rest in the next pass
                break
            key = queue[0]
            item = job.item(key)
            if item is None or item.state != "Queued":
                heapq.heappop(queue)  # stale: started, canceled or requeued since
                continue
            if job.tasks[key[0]].ending is not None:
                heapq.heappop(queue)  # its sweep is Canceling/Finishing: stopped, not started
                continue
            if key[0] not in ready:
                ready[key[0]] = self._ready(job, job.tasks[key[0]])
            verdict = ready[key[0]]
            if verdict is False:
                waiting.append(heapq.heappop(queue))
                continue
            if isinstance(verdict, str):
                heapq.heappop(queue)
                item.props["ErrorMessage"] = verdict
                item.props["EndTime"] = values.now()
                job.move(item, "Failed")
                self._save_task(item)
                self._refresh_master(job, item)
                continue
            cores, nodes = self._need(job, item)
            new_used = job.used + cores
            if new_used > max(job.reserve_max, job.reserve_min):
                break
            delta = max(job.reserve_min, new_used) - max(job.reserve_min, job.used)
            if delta > free:
                break
            alloc = self.cluster.allocate(cores, nodes, _allowed(item))
            if alloc is None:
                break
            heapq.heappop(queue)
            free -= delta
            job.used = new_used
            item.alloc, item.cores = alloc, cores
            self._start_item(job, item)
        for key in waiting:
            heapq.heappush(queue, key)
        return free

    def _start_item(self, job: Job, item: Task) -> None:
        assert item.alloc is not None
        now = values.now()
        item.props.update(
            StartTime=now,
            EndTime=None,
            ExitCode=None,
            ErrorMessage=None,
            Output=None,
            AllocatedNodes=",".join(name for name, _ in item.alloc),
            AllocatedCoreIds=",".join(f"{name}:{c}" for name, cores in item.alloc for c in cores),
        )
        job.nodes.update(name for name, _ in item.alloc)
        job.move(item, "Running")
        item.run_token = token = secrets.token_hex(8)
        self._save_task(item)
        self._tokens_unsaved = True
        self._refresh_master(job, item)
        self._starts += 1
        job.runs += 1
        proc = TaskProcess(pacer=self.pacer)
        proc.on_spawn = lambda pid: self._spawned(item, proc, pid)
        item.proc = proc
        self._procs.add(proc)
        runner = asyncio.get_running_loop().create_task(self._run(job, item, proc, token))
        self._running.add(runner)  # `_run` discards it (a done callback is a loop callback)

    def _commit_tokens(self) -> None:
        """Before the pacer lets spawns through: their run tokens are committed (a restart
        finds the processes by them); one commit for a pass's starts, not one a tick."""
        if self._tokens_unsaved:
            self._tokens_unsaved = False
            self.store.flush()

    def _spawned(self, item: Task, proc: TaskProcess, pid: int) -> None:
        """Record the PID with the process's identity, so a restart can verify it first."""
        if item.proc is proc:
            item.pid, item.pid_ident = pid, identity(pid)
            with self.store.soon():
                self._save_task(item)

    def _spec(self, job: Job, item: Task) -> RunSpec:
        """The run: node-like environment, then the `%NAME%`-expanded paths (`taskenv`)."""
        master = job.tasks[item.task_id]
        assert item.alloc is not None
        owner = str(job.props.get("Owner") or "")
        runtime = item.props.get("RuntimeSeconds")
        if owner not in self._owners:  # Paths and a regex: computed once per owner
            home = [home_dir(self.data_dir, owner), self.data_dir / "tmp"]
            self._owners[owner] = (base_env(self.data_dir, owner), home)
        env = dict(self._owners[owner][0])
        env.update(
            CCP_CLUSTER_NAME=self.cluster_name,
            CCP_SCHEDULER="HEADNODE",
            CCP_CONNECTIONSTRING="HEADNODE",
            CCP_JOBID=str(job.id),
            CCP_JOBNAME=str(job.props.get("Name") or ""),
            CCP_JOBTYPE="Batch",
            CCP_JOBTEMPLATE=str(job.props.get("JobTemplate") or "Default"),
            CCP_TASKID=str(item.task_id),
            CCP_TASKINSTANCEID=str(item.instance_id),
            CCP_TASKNAME=str(item.props.get("Name") or ""),
            CCP_OWNER_SID=owner,
            CCP_NUMCPUS=str(item.cores),
            CCP_NODES=" ".join([str(len(item.alloc))] + [f"{n} {len(c)}" for n, c in item.alloc]),
            CCP_NODES_CORES=" ".join(
                [str(len(item.alloc))] + [f"{n} {len(c)}" for n, c in item.alloc]
            ),
            CCP_COREIDS=" ".join(str(c) for c in item.alloc[0][1]),
            CCP_RERUNNABLE=str(bool(item.props.get("IsRerunnable", True))),
            CCP_EXCLUSIVE=str(bool(item.props.get("IsExclusive"))),
            CCP_RUNTIME=str(runtime or 2147483647),
            CCP_RETRY_COUNT=str(item.props.get("RequeueCount") or 0),
        )
        env.update(job.env)
        env.update(master.env)
        env.update(item.env)
        env[TOKEN_VAR] = item.run_token or ""
        base = self.data_dir / "work" / str(job.id)
        workdir_prop = item.props.get("WorkDirectory")
        workdir = Path(expand_vars(str(workdir_prop), env)) if workdir_prop else base
        if not workdir.is_absolute():
            workdir = base / workdir
        env["CCP_WORKDIR"] = str(workdir)
        paths = {
            name: expand_vars(str(item.props[name]), env) if item.props.get(name) else None
            for name in SWEEP_PATHS
        }
        spec = RunSpec(
            command=str(item.props.get("CommandLine") or ""),
            workdir=workdir,
            env=env,
            stdin=paths["StdInFilePath"],
            stdout=paths["StdOutFilePath"],
            stderr=paths["StdErrFilePath"],
            timeout=float(runtime) if runtime else None,
            dirs=self._owners[owner][1],
        )
        for var, path in (("CCP_STDOUT", spec.stdout), ("CCP_STDERR", spec.stderr)):
            if path:
                env[var] = str(spec.path(path))
        return spec

    async def _run(self, job: Job, item: Task, proc: TaskProcess, token: str) -> None:
        try:
            await self._run_once(job, item, proc, token)
        finally:
            if (me := asyncio.current_task()) is not None:
                self._running.discard(me)
            job.runs -= 1
            if job.state in TERMINAL and job.runs == 0:
                self.jobs.release(job)

    async def _run_once(self, job: Job, item: Task, proc: TaskProcess, token: str) -> None:
        try:
            result = await proc.run(self._spec(job, item))
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # never leave the task Running with its cores held
            result = RunResult(None, "", f"Cannot start the task: {exc}")
        finally:
            self._procs.discard(proc)
        if item.run_token == token:  # this run is over: nothing of it for a restart to kill
            item.pid = item.pid_ident = item.run_token = None
        if item.proc is not proc:  # stopped (canceled, failed with its job), maybe restarted
            if item.run_token is None:
                with self.store.soon():
                    self._save_task(item)
            return
        self._release(job, item)
        item.proc = None
        with self.store.soon():
            item.props["Output"] = result.output
            item.props["ExitCode"] = result.exit_code
            if item.state == "Running":
                item.props["EndTime"] = values.now()
                if result.error:
                    item.props["ErrorMessage"] = result.error
                    job.move(item, "Failed")
                elif result.timed_out:
                    item.props["ErrorMessage"] = (
                        "The task exceeded its run time limit and was canceled."
                    )
                    job.move(item, "Failed")
                elif result.exit_code is not None and valid_exit(
                    item.props.get("TaskValidExitCodes") or job.props.get("JobValidExitCodes"),
                    result.exit_code,
                ):
                    job.move(item, "Finished")
                else:
                    item.props["ErrorMessage"] = f"Task failed with exit code {result.exit_code}."
                    job.move(item, "Failed")
            self._save_task(item)
            self._refresh_master(job, item)
            if (
                item.state == "Failed"
                and job.state == "Running"
                and (job.props.get("FailOnTaskFailure") or item.props.get("FailJobOnFailure"))
            ):
                self._fail_job(
                    job, f"The job failed because task {item.props.get('TaskId')} failed."
                )
        self.wake()

    def _release(self, job: Job, item: Task) -> None:
        if item.alloc is not None:
            job.nodes.subtract(name for name, _ in item.alloc)
            job.nodes += Counter()  # drops nodes no longer used
            self.cluster.release(item.alloc)
            item.alloc = None
            job.used = max(0, job.used - item.cores)
            item.cores = 0

    def _stop_item(self, job: Job, item: Task, state: str, message: str, forced: bool) -> None:
        """Kill the run (applied on spawn if it has not started yet) and detach it: its end
        then touches nothing, whatever run of the item is current by then."""
        if item.proc is not None:
            item.proc.kill(forced)
            item.proc = None
        self._release(job, item)
        item.props["ErrorMessage"] = message
        item.props["EndTime"] = values.now()
        job.move(item, state)
        self._save_task(item)

    def _fail_job(self, job: Job, message: str) -> None:
        if self._ends_in_slices(job):
            # Canceling while its tasks are stopped, then Failed: which transient state a head
            # node shows for a job failing this way is not documented [I]
            self._end_later(
                job, "Canceling", "Failed", "Canceled because the job failed.", message, True
            )
            return
        self._drop_task_endings(job)
        self._expand_rest(job)
        for item in _stop_order(job):
            if item.state not in TERMINAL:
                self._stop_item(job, item, "Canceled", "Canceled because the job failed.", True)
        self._end_job(job, "Failed", message)

    def _refresh_master(self, job: Job, item: Task) -> None:
        master = job.tasks.get(item.task_id)
        if master is None or not master.is_sweep or not master.subtasks or master.ending:
            return  # an ending sweep stays Canceling/Finishing until it has ended
        counts = master.sub_counts
        if counts["Running"] or counts["Dispatching"]:
            new = "Running"
        elif open_count(counts) == 0:
            new = (
                "Failed" if counts["Failed"] else ("Canceled" if counts["Canceled"] else "Finished")
            )
        elif counts["Configuring"] == sum(counts.values()):
            new = "Configuring"
        else:
            new = "Queued"
        if new != master.state:
            if new == "Running" and master.props.get("StartTime") is None:
                master.props["StartTime"] = values.now()
            if new in TERMINAL:
                master.props["EndTime"] = values.now()
            job.move(master, new)
            self._save_task(master)

    def _maybe_finish(self, job: Job) -> None:
        if job.props.get("RunUntilCanceled"):
            return
        if not job.finished_all():
            return
        failed, canceled = job.task_counts["Failed"], job.task_counts["Canceled"]
        job.props["EndTime"] = values.now()
        if failed or canceled:
            job.props["ErrorMessage"] = (
                f"{failed} task(s) failed and {canceled} task(s) were canceled."
            )
            set_state(job.props, "Failed")
        else:
            set_state(job.props, "Finished")
        self._save_job(job)


def _missing(task: Task) -> int:
    """Instances of the sweep `task` not created yet (none for a sweep whose range is
    invalid: `sweep_values` faults)."""
    if task.state == "Configuring":
        return 0  # expanded at submission
    try:
        return len(sweep_values(task.props)) - len(task.subtasks)
    except Exception:
        return 0


def _stop_order(job: Job) -> Iterator[Task]:
    """What an ending stops, lazily (no list of 100,000 built in one pass): basic tasks and
    instances, then the sweep tasks, as a cancel at once does. Nothing is added meanwhile:
    no task joins an ending job, and its instances all exist before this starts."""
    for task in list(job.tasks.values()):
        if task.is_sweep:
            yield from task.subtasks.values()
        else:
            yield task
    yield from [t for t in job.tasks.values() if t.is_sweep]


def _deps(task: Task) -> list[str]:
    raw = task.props.get("DependsOn")
    return [d.strip() for d in str(raw).split(",") if d.strip()] if raw else []


def _allowed(item: Task) -> set[str] | None:
    raw = item.props.get("RequiredNodes")
    if not raw:
        return None
    return {n.strip().lower() for n in str(raw).split(",") if n.strip()}
