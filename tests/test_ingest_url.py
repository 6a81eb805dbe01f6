"""Fetching URLs: private and loopback addresses refused unless allowed (every redirect hop and the
resolved address checked), and the bad servers (a hang, a redirect loop, an endless or oversized
body) cost a clear error in bounded time. Servers on 127.0.0.1 only."""

from __future__ import annotations

import time

import pytest

from loopback_server import LoopbackServer
from newsbrief.ingest import url
from newsbrief.ingest.sources import Reader, SourceError
from newsbrief.ingest.url import FetchError, fetch


@pytest.fixture(scope="module")
def server():
    with LoopbackServer() as s:
        yield s


def test_loopback_refused_by_default(server):
    with pytest.raises(FetchError, match=r"refused.*127\.0\.0\.1.*--allow-private"):
        fetch(server.base + "/page")


def test_loopback_accepted_when_allowed(server):
    got = fetch(server.base + "/page", allow_private=True)
    assert got.status == 200 and b"crane collapsed" in got.body


@pytest.mark.parametrize(
    "ip", ["10.1.2.3", "192.168.0.1", "172.16.5.5", "169.254.169.254", "::1", "fe80::1", "0.0.0.0", "::ffff:127.0.0.1"]
)
def test_private_link_local_and_mapped_addresses_are_not_public(ip):
    assert not url.is_public(ip)


def test_public_addresses_are_public():
    assert url.is_public("93.184.216.34") and url.is_public("2606:4700::1111")


def test_every_redirect_hop_is_checked(server, monkeypatch):
    # 127.0.0.1 is treated as public here so that the first hop passes; its redirect to another
    # loopback address must still be refused at connection time.
    monkeypatch.setattr(url, "is_public", lambda ip: ip == "127.0.0.1")
    target = f"http://127.0.0.2:{server.httpd.server_port}/page"
    with pytest.raises(FetchError, match=r"refused.*127\.0\.0\.2"):
        fetch(server.base + "/redirect-to/" + target)
    assert fetch(server.base + "/redirect-to//page").status == 200  # a redirect to an allowed host is followed


def test_hanging_server_times_out(server):
    t0 = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch(server.base + "/hang", allow_private=True, timeout=1.0)
    assert time.monotonic() - t0 < 10


def test_redirect_loop_is_stopped(server):
    with pytest.raises(FetchError, match=r"redirect loop|redirects"):
        fetch(server.base + "/loop-a", allow_private=True)


def test_endless_body_is_cut_at_the_size_limit(server):
    t0 = time.monotonic()
    with pytest.raises(FetchError, match="over the limit"):
        fetch(server.base + "/huge", allow_private=True, max_bytes=1_000_000)
    assert time.monotonic() - t0 < 10


def test_declared_2gb_body_is_refused_before_reading(server):
    with pytest.raises(FetchError, match="over the limit"):
        fetch(server.base + "/huge-declared", allow_private=True)


def test_only_http_urls(server):
    with pytest.raises(FetchError, match="only http"):
        fetch("file:///etc/passwd", allow_private=True)


def test_http_error_status(server):
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(server.base + "/nothing", allow_private=True)


def test_feed_over_http_fetches_linked_pages_under_the_same_rules(server):
    items = list(Reader(allow_private=True).read(server.base + "/feed"))
    articles = [i for i in items if not isinstance(i, SourceError)]
    errors = [i for i in items if isinstance(i, SourceError)]
    assert [a.id for a in articles] == ["crane-1", "ferry-2"]
    crane, ferry = articles
    assert "container crane collapsed" in crane.text and crane.published == "2024-02-10" and crane.source == "Portmere Post"
    assert "winter ferry timetable" in ferry.text and ferry.published == "2024-02-11"
    assert len(errors) == 1 and "no text" in errors[0].error


def test_feed_links_are_refused_without_allow_private(server):
    items = list(Reader(allow_private=False).read(server.base + "/feed"))
    assert len(items) == 1 and isinstance(items[0], SourceError) and "refused" in items[0].error


def test_broken_feed_is_one_clear_error(server):
    items = list(Reader(allow_private=True).read(server.base + "/broken-feed"))
    assert all(isinstance(i, SourceError) for i in items) and items
