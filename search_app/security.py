"""Security headers on every response, and an optional per-client rate limit."""
from __future__ import annotations

import threading
import time

from flask import Flask, jsonify, request

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class RateLimiter:
    """Fixed one-minute windows per client address; small and lock-protected."""

    def __init__(self, per_minute: int):
        self.per_minute = per_minute
        self._lock = threading.Lock()
        self._windows: dict[str, tuple[int, int]] = {}

    def allow(self, client: str) -> bool:
        window = int(time.monotonic() // 60)
        with self._lock:
            w, n = self._windows.get(client, (window, 0))
            if w != window:
                w, n = window, 0
            if len(self._windows) > 10_000:
                self._windows = {k: v for k, v in self._windows.items() if v[0] == window}
            self._windows[client] = (w, n + 1)
            return n + 1 <= self.per_minute


def init_app(app: Flask) -> None:
    limit = int(app.config.get("RATE_LIMIT") or 0)
    limiter = RateLimiter(limit) if limit > 0 else None

    if limiter is not None:
        @app.before_request
        def _rate_limit():
            if not limiter.allow(request.remote_addr or "?"):
                resp = jsonify({"error": {"code": "rate_limited",
                                          "message": "Trop de requêtes : réessayez dans une minute.",
                                          "parameter": None}})
                resp.status_code = 429
                resp.headers["Retry-After"] = "60"
                return resp
            return None

    @app.after_request
    def _headers(resp):
        h = resp.headers
        h.setdefault("Content-Security-Policy", CSP)
        h.setdefault("X-Content-Type-Options", "nosniff")
        h.setdefault("Referrer-Policy", "same-origin")
        h.setdefault("X-Frame-Options", "DENY")
        return resp
