"""Work on the second core: the build forks a process for independent work
(parsing one document while another is parsed, the speller's tables while
Whoosh writes) when that is safe, and does the work inline otherwise.

`multiprocessing` and `concurrent.futures` are imported by the functions that
fork, not with this module: they take longer to import than a whole search,
and a process that only searches (`repertoires search`) never forks."""
from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable

WORKERS = 2


def can_fork() -> bool:
    """Two cores or more, `fork` available, and no other thread running
    (a forked copy of a threaded process may inherit a held lock)."""
    return (os.cpu_count() or 1) >= 2 and threading.active_count() == 1 and hasattr(os, "fork")


def parallel_map(fn: Callable, items: Iterable, *args, when_idle: Callable[[], None] | None = None) -> list:
    """`[fn(*args, item) for item in items]`, two at a time in forked
    processes when possible (results must pickle); inline again if a worker
    process dies.

    `when_idle()`, if given, runs in this process once a core is free: when
    no more than one item is left being worked on (the longest document),
    while it is. It is for work that saves later work and changes no result;
    inline, nothing is idle and it is not run."""
    items = list(items)
    if len(items) > 1 and can_fork():
        import multiprocessing
        from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
        from concurrent.futures.process import BrokenProcessPool

        try:
            with ProcessPoolExecutor(max_workers=WORKERS, mp_context=multiprocessing.get_context("fork")) as pool:
                futures = [pool.submit(fn, *args, item) for item in items]
                if when_idle is not None:
                    pending = set(futures)
                    while len(pending) > 1:
                        pending = wait(pending, return_when=FIRST_COMPLETED).not_done
                    if pending:
                        try:
                            when_idle()
                        except Exception:  # noqa: BLE001, S110 - saved work only: what it would have done is done later
                            pass
                return [f.result() for f in futures]
        except BrokenProcessPool:
            pass
    return [fn(*args, item) for item in items]


def beside(fn: Callable, *args) -> Callable[[], None]:
    """Start `fn(*args)` in a forked process and return the function that
    waits for it (raising OSError, with the child's message, if it failed);
    inline when forking is not possible, and then the returned function does
    nothing."""
    if not can_fork():
        fn(*args)
        return lambda: None
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_report, args=(send, fn, args), daemon=True)
    proc.start()
    send.close()

    def join() -> None:
        try:
            message = receive.recv() if receive.poll(None) else "no answer"
        except EOFError:
            message = "no answer"
        proc.join()
        if message is not None or proc.exitcode != 0:
            raise OSError(f"{getattr(fn, '__name__', 'a build step')} failed in its process: {message}")
    return join


def _report(send, fn: Callable, args) -> None:
    """In the child: run `fn`, then tell the parent None (done) or why not."""
    try:
        fn(*args)
    except BaseException as exc:  # noqa: BLE001 - whatever it was, the parent says it; nothing is printed here
        send.send(getattr(exc, "strerror", None) or f"{type(exc).__name__}: {exc}")
        raise SystemExit(1) from None
    send.send(None)
