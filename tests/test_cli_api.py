"""`newsbrief api` end to end: a real server on loopback answers the contract's routes."""

from __future__ import annotations

import json
import socket
import subprocess
import time

import httpx
import pytest

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_api_command_serves_openapi_and_refuses_writes_without_token(run_cli, newsbrief_bin, tmp_path):
    src = tmp_path / "in.jsonl"
    text = "The river ferry resumed service on Monday after repairs, the operator said."
    src.write_text(json.dumps({"id": "n1", "text": text}))
    db = tmp_path / "news.db"
    assert run_cli("ingest", str(src), "--db", str(db)).returncode == 0
    port = _free_port()
    env = {"PATH": "/usr/bin:/bin"}  # no NEWSBRIEF_TOKEN: writes must be refused
    proc = subprocess.Popen([newsbrief_bin, "api", "--db", str(db), "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                spec = httpx.get(f"{base}/openapi.json", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            pytest.fail("the API did not start")
        assert "/api/stories" in spec.json()["paths"]
        assert httpx.get(f"{base}/api/articles/n1", timeout=5).json()["id"] == "n1"
        write = httpx.post(f"{base}/api/articles", json={"text": "Another article."}, timeout=5)
        assert write.status_code == 403
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_api_command_with_a_missing_store_fails_at_once(run_cli, tmp_path):
    proc = run_cli("api", "--db", str(tmp_path / "missing.db"))
    assert proc.returncode == 66 and b"no such database" in proc.stderr
