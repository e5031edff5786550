"""The production web server: uvicorn workers that each own a listening socket.

    python -m config.serve --host 127.0.0.1 --port 8000 --workers 2

uvicorn's own `--workers` shares one listening socket between its workers, and
whichever wakes first accepts every connection waiting: a proxy or a client
that opens its connections together ends up with most of them on one worker
(42 of 64 in the benchmark), whose requests then wait twice as long. Here each
worker binds its own socket with SO_REUSEPORT, and the kernel spreads new
connections over them evenly (as nginx's `reuseport`).

The parent only supervises: it starts the workers, starts a new one when one
dies, and stops them all on SIGTERM or SIGINT. Each worker runs uvicorn with
uvloop and httptools on `config.asgi:application`, and freezes the objects
loaded at start-up out of the garbage collector's reach (see `worker`).
"""

import argparse
import gc
import logging
import multiprocessing
import os
import signal
import socket
import time

APPLICATION = "config.asgi:application"
logger = logging.getLogger(__name__)
RESTART_PAUSE = 1.0  # seconds between restarts of a worker that keeps dying
# Young-generation threshold: the default (700 allocations) collects about
# every request; live requests then age into the old generations.
GC_THRESHOLD = (50_000, 10, 10)


def listening_socket(host: str, port: int, backlog: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(backlog)
    sock.set_inheritable(True)
    return sock


def worker(host: str, port: int, backlog: int, log_level: str) -> None:
    """One worker process: its own socket, then uvicorn until told to stop."""
    import uvicorn

    sock = listening_socket(host, port, backlog)
    config = uvicorn.Config(
        APPLICATION,
        loop="uvloop",
        http="httptools",
        access_log=False,
        log_level=log_level,
        backlog=backlog,
        # The site decides which proxies to trust (TRUSTED_PROXY_COUNT,
        # SECURE_PROXY_SSL_HEADER); uvicorn's own reading of X-Forwarded-For
        # would apply before it, and costs about a tenth of a redirect.
        proxy_headers=False,
    )
    config.load()  # imports the application: Django is set up here
    # What is loaded now lives as long as the process: the collector need not
    # walk it again on every full collection (the pauses show in the p99).
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)
    uvicorn.Server(config).run(sockets=[sock])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--backlog", type=int, default=2048)
    parser.add_argument("--log-level", default="warning")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="[serve] %(message)s")

    context = multiprocessing.get_context("spawn")
    arguments = (args.host, args.port, args.backlog, args.log_level)
    stopping = False

    def stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    def start() -> multiprocessing.Process:
        process = context.Process(target=worker, args=arguments, daemon=True)
        process.start()
        return process

    processes = [start() for _ in range(args.workers)]
    logger.info(
        "%s on http://%s:%d, %d workers (%s)",
        APPLICATION,
        args.host,
        args.port,
        args.workers,
        ", ".join(str(process.pid) for process in processes),
    )
    while not stopping:
        time.sleep(0.2)
        for index, process in enumerate(processes):
            if not process.is_alive() and not stopping:
                logger.warning("worker %s exited (%s)", process.pid, process.exitcode)
                time.sleep(RESTART_PAUSE)
                processes[index] = start()
    for process in processes:
        if process.is_alive():
            process.terminate()  # uvicorn finishes the requests under way
    for process in processes:
        process.join(30)
        if process.is_alive():
            process.kill()


if __name__ == "__main__":
    main()
