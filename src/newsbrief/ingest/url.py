"""Fetching a URL without becoming a proxy into the user's network.

Every connection (the first and each redirect hop) resolves the host itself, refuses private,
loopback, link-local, multicast and reserved addresses unless `allow_private`, and connects to the
address it checked (no second lookup a DNS rebinding could change). Redirects are followed by hand
and capped; the body is read in chunks under a size cap and an overall deadline, so a server that
hangs, loops or answers with gigabytes costs seconds and bounded memory.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from newsbrief.errors import InputError

DEFAULT_TIMEOUT = 15.0  # seconds for the whole fetch of one URL (connect, redirects, body)
DEFAULT_MAX_BYTES = 5_000_000
MAX_REDIRECTS = 5
USER_AGENT = "newsbrief/0.1 (+https://newsbrief.invalid)"
_EXTRA_BLOCKED = [ipaddress.ip_network("100.64.0.0/10"), ipaddress.ip_network("192.0.0.0/24")]


class FetchError(InputError):
    """A URL that could not be fetched (refused, unreachable, too slow, too big, not a page)."""


@dataclass
class Fetched:
    url: str  # after redirects
    status: int
    content_type: str
    body: bytes


def is_public(ip: str) -> bool:
    addr = ipaddress.ip_address(ip.split("%", 1)[0])
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    blocked = (
        addr.is_private
        or addr.is_loopback
        or addr.is_link_local
        or addr.is_multicast
        or addr.is_reserved
        or addr.is_unspecified
        or any(addr in net for net in _EXTRA_BLOCKED if net.version == addr.version)
    )
    return not blocked


def vet_host(host: str, port: int, allow_private: bool) -> str:
    """The address to connect to: the first of the host's addresses, all of which must be public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc.strerror}") from None
    ips = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not ips:
        raise FetchError(f"host {host!r} has no address")
    if not allow_private:
        bad = [ip for ip in ips if not is_public(ip)]
        if bad:
            raise FetchError(
                f"refused: {host} resolves to a private, loopback or link-local address ({bad[0]}); "
                "pass --allow-private to fetch from your own network"
            )
    return ips[0]


class _GuardedBackend(httpcore.SyncBackend):
    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        ip = vet_host(host, port, self.allow_private)
        return super().connect_tcp(ip, port, timeout=timeout, local_address=local_address, socket_options=socket_options)


class _GuardedTransport(httpx.HTTPTransport):
    def __init__(self, allow_private: bool) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            network_backend=_GuardedBackend(allow_private),
            max_connections=4,
        )


def fetch(
    url: str,
    *,
    allow_private: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
) -> Fetched:
    """GET a URL under the rules above; a FetchError says which rule stopped it."""
    deadline = time.monotonic() + timeout
    per_step = httpx.Timeout(min(timeout, 10.0))
    seen: list[str] = []
    with httpx.Client(
        transport=_GuardedTransport(allow_private), timeout=per_step, follow_redirects=False, trust_env=False
    ) as client:
        current = url
        for _hop in range(max_redirects + 1):
            parts = urlsplit(current)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise FetchError(f"{current}: only http(s) URLs can be fetched")
            if time.monotonic() > deadline:
                raise FetchError(f"{url}: timed out after {timeout:g} s")
            if current in seen:
                raise FetchError(f"{url}: redirect loop ({current} again)")
            seen.append(current)
            try:
                with client.stream("GET", current, headers={"User-Agent": USER_AGENT, "Accept": "*/*"}) as resp:
                    if resp.is_redirect:
                        location = resp.headers.get("location")
                        if not location:
                            raise FetchError(f"{current}: redirect without a Location")
                        current = urljoin(current, location)
                        continue
                    if resp.status_code >= 400:
                        raise FetchError(f"{current}: HTTP {resp.status_code}")
                    declared = resp.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > max_bytes:
                        raise FetchError(f"{current}: response of {int(declared):,} bytes is over the limit of {max_bytes:,}")
                    body = bytearray()
                    for chunk in resp.iter_bytes(65536):
                        body += chunk
                        if len(body) > max_bytes:
                            raise FetchError(f"{current}: response over the limit of {max_bytes:,} bytes; stopped reading")
                        if time.monotonic() > deadline:
                            raise FetchError(f"{current}: timed out after {timeout:g} s")
                    return Fetched(str(resp.url), resp.status_code, resp.headers.get("content-type", ""), bytes(body))
            except httpx.TimeoutException:
                raise FetchError(f"{current}: timed out") from None
            except httpx.HTTPError as exc:
                raise FetchError(f"{current}: {type(exc).__name__}: {exc}") from None
        raise FetchError(f"{url}: more than {max_redirects} redirects")
