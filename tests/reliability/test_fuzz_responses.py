"""Mutation fuzzing of everything hpcpack does with an answer, seeded from real emulator bodies.

Real bodies (XML and JSON: job, job list page, task list, node list, version, session info,
batch status, fault, SOA response stream) are captured once from the loopback emulator, then
mutated (bit flips, cuts, splices, duplicated spans, markup and entity insertions, deep
nesting) and served through `httpx.MockTransport` to the public API (`hpc.jobs.get`,
`hpc.jobs.list`, `hpc.sessions.create`, `session.responses`, ...). Each call must return its
typed answer or raise an `hpcpack.errors.HpcError`; nothing else may escape.

Deterministic: HPC_FUZZ_SEED (default 6) and HPC_FUZZ_ITERATIONS (default 1500, a few seconds)
select the run; a failure message names the seed, target and mutated body to replay it.
"""

from __future__ import annotations

import os
import random
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from hpc_emulator.testing import RunningEmulator
from hpcpack import (
    AsyncHpcClient,
    HpcClient,
    Job,
    Node,
    SessionStartInfo,
    Task,
    WebSessionInfo,
    errors,
    soa,
)

pytestmark = pytest.mark.timeout(120)

SEED = int(os.environ.get("HPC_FUZZ_SEED", "6"))
ITERATIONS = int(os.environ.get("HPC_FUZZ_ITERATIONS", "1500"))
API = {"api-version": "2012-11-01.4.0"}


@dataclass(frozen=True)
class Sample:
    """One captured answer: which client call consumes it, its content type and bytes."""

    target: str
    status: int
    content_type: str
    body: bytes


def _capture(emu: RunningEmulator) -> list[Sample]:
    samples: list[Sample] = []
    with httpx.Client(base_url=emu.base_url, headers=API, timeout=30) as http:
        xml_body = (
            b'<ArrayOfProperty xmlns="http://schemas.microsoft.com/HPCS2008R2/common">'
            b"<Property><Name>Name</Name><Value>fuzz &amp; &lt;seed&gt; \xc3\xa9</Value>"
            b"</Property></ArrayOfProperty>"
        )
        xml_ct = {"Content-Type": "application/xml; charset=utf-8"}
        created = http.post("/Jobs", content=xml_body, headers=xml_ct)
        job_id = created.text.split(">")[1].split("<")[0]
        task_body = xml_body.replace(b"<Name>Name</Name>", b"<Name>CommandLine</Name>")
        http.post(f"/Job/{job_id}/Tasks", content=task_body, headers=xml_ct).raise_for_status()
        start = (
            b'<WebSessionStartInfo xmlns="http://hpc.microsoft.com/"><ServiceName>EchoService'
            b"</ServiceName></WebSessionStartInfo>"
        )
        for accept in ("application/xml", "application/json"):
            h = {"Accept": accept}

            def grab(target: str, r: httpx.Response) -> None:
                ct = r.headers.get("content-type", "application/octet-stream")
                samples.append(Sample(target, r.status_code, ct, r.content))

            grab("job", http.get(f"/Job/{job_id}", headers=h))
            grab("jobs", http.get("/Jobs", params={"RowsPerRead": 5}, headers=h))
            grab("tasks", http.get(f"/Job/{job_id}/Tasks", headers=h))
            grab("nodes", http.get("/Nodes", headers=h))
            grab("version", http.get("/Version", headers=h))
            grab("job", http.get("/Job/999999", headers=h))  # a 404 fault
            grab("jobs", http.get("/Jobs", params={"RowsPerRead": 0}, headers=h))  # a 400 fault
            session = http.post(
                "/Sessions/Create", params={"durable": "false"}, content=start,
                headers={**xml_ct, **h},
            )  # fmt: skip
            session.raise_for_status()
            grab("session", session)
        sid = session.json()["Id"]
        batch = soa.build_message_array("fuzz", "Echo", [{"message": f"m{i}"} for i in range(3)])
        http.post(
            f"/Session/{sid}/batch/fuzz", content=batch, params={"commit": "true"}
        ).raise_for_status()
        stream = http.post(f"/Session/{sid}/batch/fuzz/Response", params={"count": -1})
        stream.raise_for_status()
        grab("stream", stream)
    assert {s.target for s in samples} == {
        "job", "jobs", "tasks", "nodes", "version", "session", "stream",
    }  # fmt: skip
    assert any(s.status == 404 for s in samples) and any(s.status == 400 for s in samples)
    return samples


# -- mutations -------------------------------------------------------------------------------

DICTIONARY = [
    b"<",
    b">",
    b"</",
    b"/>",
    b"&amp;",
    b"&#0;",
    b"&#xFFFE;",
    b"&e;",
    b'<!DOCTYPE a [<!ENTITY e "xxxxxxxxxx">]>',
    b'<!ENTITY x SYSTEM "file:///etc/passwd">',
    b"<![CDATA[",
    b"]]>",
    b'i:nil="true"',
    b'xmlns="urn:other"',
    b"<Property><Name>Id</Name><Value>x</Value></Property>",
    b"<Object>",
    b"</Properties>",
    b"EndOfGetResponse",
    b"\x00",
    b"\xff\xfe",
    b"\xc3",
    b"\xed\xa0\x80",
    b"-1",
    b"99999999999999999999",
    b"null",
    b"{",
    b"[",
    b'"',
    b":",
    b",",
    b"NaN",
    b"1e999",
]


VALUES = [
    b"", b" ", b"-1", b"0", b"2147483648", b"9223372036854775808", b"1.5", b"1e3", b"True",
    b"false", b"nil", b"None", b"x", b"\xc3\xa9", b"\xf0\x9f\x92\xa5", b"&amp;", b"&lt;a&gt;",
    b"9/27/2011 9:53:26 PM", b"13/45/2011 99:99:99 XM", b"2011-09-27T21:53:26Z", b"Running",
    b"Finished,Failed", b"255", b"00000000-0000-0000-0000-000000000000", b"{0}", b"%s",
]  # fmt: skip
JSON_VALUES = [
    b"null",
    b"1",
    b"-1",
    b"1.5",
    b"true",
    b'""',
    b'"x"',
    b"[]",
    b"{}",
    b'["x"]',
    b'{"a":1}',
]


def _replace_value(rng: random.Random, body: bytes) -> bytes:
    """Swap one element text (XML) or one JSON scalar for an interesting value."""
    if body.lstrip()[:1] in (b"[", b"{"):
        spots = [i for i, c in enumerate(body) if c in b":,["]
        if not spots:
            return body
        i = rng.choice(spots) + 1
        end = i
        while end < len(body) and body[end] not in b",]}":
            end += 1
        return body[:i] + rng.choice(JSON_VALUES) + body[end:]
    spots = [i for i in range(len(body) - 1) if body[i] == 62 and body[i + 1] != 60]  # >text<
    if not spots:
        return body
    i = rng.choice(spots) + 1
    end = body.find(b"<", i)
    end = len(body) if end < 0 else end
    return body[:i] + rng.choice(VALUES) + body[end:]


def _span(rng: random.Random, body: bytes) -> tuple[int, int]:
    a = rng.randrange(len(body) + 1)
    b = min(len(body), a + rng.choice([1, 2, 4, 16, 64, 512]))
    return a, b


def mutate(rng: random.Random, body: bytes, others: list[bytes]) -> bytes:
    """1-4 stacked random edits of `body` (mostly one)."""
    out = bytearray(body)
    for _ in range(rng.choice([1, 1, 1, 2, 3, 4])):
        kind = rng.randrange(11)
        data = bytes(out)
        if kind == 0 and out:  # bit flips
            for _ in range(rng.randint(1, 8)):
                i = rng.randrange(len(out))
                out[i] ^= 1 << rng.randrange(8)
        elif kind == 1:  # truncate
            out = out[: rng.randrange(len(out) + 1)]
        elif kind == 2:  # delete a span
            a, b = _span(rng, data)
            del out[a:b]
        elif kind == 3:  # duplicate a span
            a, b = _span(rng, data)
            out[b:b] = data[a:b] * rng.randint(1, 3)
        elif kind == 4:  # insert a dictionary token
            i = rng.randrange(len(out) + 1)
            out[i:i] = rng.choice(DICTIONARY)
        elif kind == 5:  # splice with another captured body
            other = rng.choice(others)
            cut_a, cut_b = rng.randrange(len(out) + 1), rng.randrange(len(other) + 1)
            out = out[:cut_a] + other[cut_b:]
        elif kind == 6:  # deep nesting
            i = rng.randrange(len(out) + 1)
            depth = rng.choice([50, 500, 5000])
            out[i:i] = rng.choice([b"<a>" * depth, b"[" * depth, b'{"a":' * depth])
        elif kind >= 8:  # a value changed, structure kept (most likely to reach conversions)
            out = bytearray(_replace_value(rng, data))
        else:  # swap two tag names
            data_s = data.decode("latin-1")
            tags = sorted({t.split(">")[0].split(" ")[0] for t in data_s.split("<")[1:] if t})
            if len(tags) >= 2:
                x, y = rng.sample(tags, 2)
                out = bytearray(data_s.replace(x, y, rng.randint(1, 3)).encode("latin-1"))
    return bytes(out)


# -- targets: the public API over a MockTransport serving one answer -------------------------


def _serving(status: int, content_type: str, body: bytes) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        request.read()
        headers = {"content-type": content_type} if content_type else {}
        return httpx.Response(status, headers=headers, content=body)

    return httpx.MockTransport(handle)


def _session_info() -> WebSessionInfo:
    return WebSessionInfo(
        id=7, broker_node="localhost", is_durable=False, max_message_size=65536,
        service_operation_timeout=86400000, service_version=None,
    )  # fmt: skip


TARGETS: dict[str, Callable[[HpcClient], Any]] = {
    "job": lambda hpc: hpc.jobs.get(1),
    "jobs": lambda hpc: list(hpc.jobs.list()),
    "tasks": lambda hpc: list(hpc.tasks.list(1)),
    "nodes": lambda hpc: list(hpc.nodes.list()),
    "version": lambda hpc: hpc.cluster.version(),
    "session": lambda hpc: hpc.sessions.create(SessionStartInfo(service_name="EchoService")),
    "stream": lambda hpc: list(soa.Session(hpc, _session_info()).responses("fuzz")),
}
RESULT_TYPES: dict[str, type | tuple[type, ...]] = {
    "job": Job,
    "jobs": list,
    "tasks": list,
    "nodes": list,
    "version": str,
    "session": soa.Session,
    "stream": list,
}
ITEM_TYPES: dict[str, type] = {"jobs": Job, "tasks": Task, "nodes": Node}


async def _alist(items: AsyncIterator[Any]) -> list[Any]:
    return [item async for item in items]


ASYNC_TARGETS: dict[str, Callable[[AsyncHpcClient], Awaitable[Any]]] = {
    "job": lambda hpc: hpc.jobs.get(1),
    "jobs": lambda hpc: _alist(hpc.jobs.list()),
    "tasks": lambda hpc: _alist(hpc.tasks.list(1)),
    "nodes": lambda hpc: _alist(hpc.nodes.list()),
    "version": lambda hpc: hpc.cluster.version(),
    "stream": lambda hpc: _alist(soa.AsyncSession(hpc, _session_info()).responses("fuzz")),
}


def call(target: str, status: int, content_type: str, body: bytes) -> Any:
    """Run one target over one answer; typed errors are an accepted outcome (returned)."""
    with HpcClient(
        "http://head.fuzz", transport=_serving(status, content_type, body), retries=0
    ) as hpc:
        try:
            return TARGETS[target](hpc)
        except errors.HpcError as exc:
            return exc


async def acall(target: str, status: int, content_type: str, body: bytes) -> Any:
    """The async twin of `call`."""

    def handle(request: httpx.Request) -> httpx.Response:
        headers = {"content-type": content_type} if content_type else {}
        return httpx.Response(status, headers=headers, content=body)

    async with AsyncHpcClient(
        "http://head.fuzz", transport=httpx.MockTransport(handle), retries=0
    ) as hpc:
        try:
            return await ASYNC_TARGETS[target](hpc)
        except errors.HpcError as exc:
            return exc


def check_outcome(target: str, status: int, outcome: Any) -> None:
    if isinstance(outcome, errors.HpcError):
        if status >= 400:
            assert isinstance(outcome, errors.HpcFault) and outcome.status == status
        return
    assert status < 400, "a fault status produced an answer"
    assert isinstance(outcome, RESULT_TYPES[target]), type(outcome)
    if target in ITEM_TYPES:
        assert all(isinstance(i, ITEM_TYPES[target]) for i in outcome)
    if target == "stream":
        assert all(isinstance(r, soa.SoaResponse) for r in outcome)


@pytest.fixture(scope="module")
def samples(hpc_emulator: RunningEmulator) -> list[Sample]:
    return _capture(hpc_emulator)


def test_every_captured_body_is_accepted_unmutated(samples: list[Sample]) -> None:
    """The seeds themselves: successes parse to typed answers, faults to typed faults."""
    for s in samples:
        outcome = call(s.target, s.status, s.content_type, s.body)
        if s.status < 400:
            assert not isinstance(outcome, errors.HpcError), (s.target, s.content_type, outcome)
        check_outcome(s.target, s.status, outcome)


def _cases(samples: list[Sample]) -> Iterator[tuple[int, Sample, bytes]]:
    rng = random.Random(SEED)
    bodies = [s.body for s in samples if s.body]
    for i in range(ITERATIONS):
        s = rng.choice(samples)
        yield i, s, mutate(rng, s.body, bodies)


def test_mutated_bodies_end_in_an_answer_or_a_typed_error(samples: list[Sample]) -> None:
    outcomes = {"answer": 0, "typed error": 0}
    for i, sample, body in _cases(samples):
        try:
            outcome = call(sample.target, sample.status, sample.content_type, body)
            check_outcome(sample.target, sample.status, outcome)
        except BaseException as exc:
            raise AssertionError(
                f"seed {SEED} case {i}: {sample.target} ({sample.status}, {sample.content_type})"
                f" body {body[:300]!r}... -> {type(exc).__name__}: {exc}"[:2000]
            ) from exc
        outcomes["typed error" if isinstance(outcome, errors.HpcError) else "answer"] += 1
    # the mutations must exercise both sides: parsers accepting and refusing
    assert outcomes["answer"] > ITERATIONS // 50, outcomes
    assert outcomes["typed error"] > ITERATIONS // 50, outcomes


async def test_mutated_bodies_through_the_async_client(samples: list[Sample]) -> None:
    """A shorter run of the same cases through `AsyncHpcClient` (shared decoding, own paging
    and stream code)."""
    checked = 0
    for i, sample, body in _cases(samples):
        if i >= ITERATIONS // 3:
            break
        if sample.target not in ASYNC_TARGETS:
            continue
        try:
            outcome = await acall(sample.target, sample.status, sample.content_type, body)
            check_outcome(sample.target, sample.status, outcome)
        except BaseException as exc:
            raise AssertionError(
                f"seed {SEED} case {i} (async): {sample.target} ({sample.status}, "
                f"{sample.content_type}) body {body[:300]!r}... -> {type(exc).__name__}: {exc}"
            ) from exc
        checked += 1
    assert checked > ITERATIONS // 6


def test_mutated_soa_streams_fed_in_random_chunks(samples: list[Sample]) -> None:
    """The incremental envelope parser over arbitrary chunk boundaries."""
    rng = random.Random(SEED + 1)
    stream = next(s.body for s in samples if s.target == "stream")
    whole = soa.EnvelopeParser()
    assert len(whole.feed(stream)) == 3 and whole.finish().count == 3
    for i in range(ITERATIONS // 3):
        body = mutate(rng, stream, [stream]) if i else stream
        parser = soa.EnvelopeParser()
        try:
            pos = 0
            while pos < len(body):
                step = rng.choice([1, 7, 64, 4096])
                parser.feed(body[pos : pos + step])
                pos += step
            parser.finish()
        except errors.HpcError:
            continue
        except BaseException as exc:
            raise AssertionError(f"seed {SEED} case {i}: {body[:300]!r} -> {exc!r}") from exc
