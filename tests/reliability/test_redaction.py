"""URLs in messages never carry credentials (FOUND.md, client hardening #4): user info and
secret-looking query values are withheld wherever an `HpcError` or a log line names a URL."""

from __future__ import annotations

import httpx
import pytest
from hpcpack import HpcClient, HpcError, NotFound, errors

SECRET = "Pa55word"


@pytest.mark.parametrize(
    "url",
    [
        f"htps://alice:{SECRET}@head/WindowsHpc",
        f"https://head/WindowsHpc/Jobs?password={SECRET}&Owner=bob",
        f"https://head/x?api_key={SECRET}",
        f"http://alice:{SECRET}@[::1",  # not even a URL httpx would parse
    ],
)
def test_safe_url_and_messages_withhold_secrets(url: str) -> None:
    assert SECRET not in errors.safe_url(url)
    error = HpcError(f"cannot use {url}", operation=f"GET {url}")
    assert SECRET not in f"{error} {error!r} {error.message} {error.operation}"


def test_safe_url_keeps_what_is_not_secret() -> None:
    url = "https://head:8443/WindowsHpc/Jobs?QueryId=abc&Owner=bob"
    assert errors.safe_url(url) == url
    assert errors.safe_url("https://a:b@head/x?Token=t") == "https://head/x?Token=***"


def test_a_fault_for_a_secret_query_does_not_repeat_it() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(404))
    with (
        HpcClient("https://head.example", transport=transport) as hpc,
        pytest.raises(NotFound) as caught,
    ):
        hpc.http.get("/Jobs", params={"password": SECRET})
    assert SECRET not in f"{caught.value} {caught.value!r} {caught.value.url}"
