"""Security headers on every response, and an optional per-client rate limit."""
from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

from flask import Flask, Response, make_response, request

from .errors import error_response

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class RateLimiter:
    """A token bucket per client address: `per_minute` requests in a burst, then one more every
    60/per_minute seconds. Unlike fixed one-minute windows, a client cannot double its rate across
    a window boundary, and the answer does not depend on when in the minute the requests come."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic):
        self.per_minute = per_minute
        self.rate = per_minute / 60.0  # tokens per second
        self._clock = clock
        self._lock = threading.Lock()
        self._buckets: dict[str, tuple[float, float]] = {}  # client -> (tokens, time of reading)

    def allow(self, client: str) -> bool:
        return self.wait(client) == 0

    def wait(self, client: str) -> int:
        """Take a token for this request: 0 when allowed, else whole seconds until one is free."""
        now = self._clock()
        with self._lock:
            tokens, then = self._buckets.get(client, (float(self.per_minute), now))
            tokens = min(float(self.per_minute), tokens + (now - then) * self.rate)
            if len(self._buckets) > 10_000:  # forget clients whose bucket is full again
                horizon = 60.0
                self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < horizon}
            if tokens >= 1.0:
                self._buckets[client] = (tokens - 1.0, now)
                return 0
            self._buckets[client] = (tokens, now)
            return max(1, math.ceil((1.0 - tokens) / self.rate))


def too_many(wait: int) -> Response:
    """The 429 of a client over its limit, as any error: JSON under /api, the French error page
    elsewhere (a page answered the JSON object), `no-store`, and `Retry-After`."""
    resp = make_response(error_response(429, "rate_limited", f"Trop de requêtes : réessayez dans {wait} s."))
    resp.headers["Retry-After"] = str(wait)
    return resp


def init_app(app: Flask) -> None:
    limit = int(app.config.get("RATE_LIMIT") or 0)
    limiter = RateLimiter(limit) if limit > 0 else None

    if limiter is not None:
        @app.before_request
        def _rate_limit():
            if request.endpoint == "static":  # a page's stylesheet, script and icon: not requests of their own
                return None
            wait = limiter.wait(request.remote_addr or "?")
            return too_many(wait) if wait else None

    @app.after_request
    def _headers(resp):
        h = resp.headers
        h.setdefault("Content-Security-Policy", CSP)
        h.setdefault("X-Content-Type-Options", "nosniff")
        h.setdefault("Referrer-Policy", "same-origin")
        h.setdefault("X-Frame-Options", "DENY")
        if resp.status_code >= 400:  # any error, JSON or page: a 410's or 404's id may come back with a rebuild
            h.setdefault("Cache-Control", "no-store")
        return resp
