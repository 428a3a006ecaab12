"""Starts every child process of the plugin: engine commands, and the set-up's venv and pip commands.

:func:`run_process` is the one launcher: it streams a process's output lines to a callback and stops
the process when asked to. :func:`run_engine` runs ``python -m landcover_core <command> --json-progress``
through it from a worker thread (the dock's tasks, the Processing algorithms, the engine check),
forwarding JSON events to an :class:`EngineListener` and turning every way of failing (bad input,
crash, signal, missing Python, cancellation) into an :class:`EngineFailure` with a message fit for the user.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import IO, Any, Callable, Deque, Dict, List, Optional, Sequence, Tuple

from landcover_qgis.i18n import translate

#: Seconds the engine gets to clean up after SIGTERM before it is killed.
CANCEL_GRACE_S = 15.0
#: Poll interval of the cancel check while the engine runs.
_POLL_S = 0.1
#: Seconds to wait for an output pump to reach the end of its pipe before the pipe is closed.
_PUMP_JOIN_S = 5.0
#: Log lines kept to explain a crash that left no error event.
_TAIL_LINES = 12

# Variables QGIS sets for its own Python/GDAL/PROJ; inherited by the engine they would point its
# Python and its rasterio wheel at QGIS's libraries and data (e.g. OSGeo4W on Windows).
_QGIS_ONLY_ENV = ("PYTHONHOME", "PYTHONPATH", "GDAL_DATA", "GDAL_DRIVER_PATH", "PROJ_LIB", "PROJ_DATA")


class EngineListener:
    """Receives what the engine reports. Override what you need; every method may be called from a worker thread."""

    def on_progress(self, fraction: float, message: str, epoch: Optional[Tuple[int, int]] = None) -> None:
        """Progress of the running command's stage, ``fraction`` in 0..1; ``epoch``: (epoch, epochs) of a training."""

    def on_metrics(self, metrics: Dict[str, Any]) -> None:
        """One ``metrics`` event (per training epoch)."""

    def on_log(self, level: str, message: str) -> None:
        """A log line: ``level`` is ``info``, ``warning`` or ``stderr``."""

    def is_cancelled(self) -> bool:
        """Polled while the engine runs; returning True stops it."""
        return False


@dataclass
class EngineResult:
    """The ``result`` event of a successful command.

    Attributes:
        command: The engine command that ran.
        outputs: Output kind -> absolute path (e.g. ``{"model": "/x/model.pt"}``).
        summary: Command-specific summary (classes, metrics, versions...).
    """

    command: str
    outputs: Dict[str, str] = field(default_factory=dict)
    summary: Dict[str, Any] = field(default_factory=dict)


class EngineFailure(Exception):  # noqa: N818 - a failure of the engine process, not a programming error
    """The engine did not produce a result.

    Attributes:
        kind: ``InputError``, ``ModelFileError``, ``InternalError``, ``Cancelled``, ``Crashed``, ``EngineMissing``
            or ``PartialFailure`` (some scenes of a batch failed, the others completed).
        message: Text for the user.
        exit_code: The process exit code (negative: killed by that signal), None if it never ran.
        result: The result the engine reported before failing (``PartialFailure``: what completed), or None.
        kept: Files the engine says it left on purpose (e.g. a training checkpoint), as it reported them.
        resumable: Whether the engine says the run can be resumed from what it kept (``--resume``).
    """

    def __init__(self, kind: str, message: str, exit_code: Optional[int] = None,
                 result: Optional[EngineResult] = None, kept: Sequence[str] = (), resumable: bool = False) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.exit_code = exit_code
        self.result = result
        self.kept = [str(path) for path in kept]
        self.resumable = resumable

    @property
    def cancelled(self) -> bool:
        """True when the user asked for the stop."""
        return self.kind == "Cancelled"


def engine_argv(python: str, command: str, args: Sequence[str]) -> List[str]:
    """The command line that runs one engine command in JSON mode."""
    return [python, "-m", "landcover_core", command, *args, "--json-progress"]


def engine_environment() -> Dict[str, str]:
    """The environment for child processes: ours minus QGIS's Python/GDAL paths, unbuffered output."""
    env = {key: value for key, value in os.environ.items() if key not in _QGIS_ONLY_ENV}
    env["PYTHONUNBUFFERED"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def engine_working_directory() -> str:
    """A neutral working directory for the engine (the plugin passes absolute paths).

    ``python -m`` imports from it first, so a stray ``landcover_core`` folder where QGIS was started must not
    shadow the installed engine.
    """
    return tempfile.gettempdir()


def _popen_options() -> Dict[str, Any]:
    """Neutral working directory; no console window popping up on Windows."""
    options: Dict[str, Any] = {"cwd": engine_working_directory()}
    if sys.platform == "win32":
        options["creationflags"] = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    return options


def start_process(argv: Sequence[str]) -> subprocess.Popen:
    """Starts a child process with piped text stdout/stderr.

    Raises:
        EngineFailure: ``EngineMissing`` when the executable does not exist or cannot run.
    """
    try:
        return subprocess.Popen(
            list(argv), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, encoding="utf-8", errors="replace", bufsize=1, env=engine_environment(),
            **_popen_options(),
        )
    except OSError as exc:
        raise EngineFailure(
            "EngineMissing",
            translate(
                "EngineRunner",
                "The program '{program}' cannot be started ({problem}). Use 'Set up engine…' in the "
                "landcover panel to choose or install the engine Python."
            ).format(program=argv[0], problem=exc.strerror or exc),
        ) from None


def _pump(stream: IO[str], name: str, lines: queue.Queue[tuple[str, Optional[str]]]) -> None:
    """Copies a stream line by line into a queue, then a ``None`` line at its end."""
    try:
        for line in stream:
            lines.put((name, line.rstrip("\r\n")))
    except (OSError, ValueError):
        pass  # the pipe was closed under the reader: the run was abandoned
    finally:
        lines.put((name, None))


def stop_process(process: subprocess.Popen, grace_s: float = CANCEL_GRACE_S) -> None:
    """Asks a process to stop (SIGTERM lets the engine delete partial outputs), then kills it after the grace period."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=grace_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def describe_exit(exit_code: int) -> str:
    """Words for a process exit status, naming the signal when one killed it."""
    if exit_code < 0:
        try:
            name = signal.Signals(-exit_code).name
        except ValueError:
            name = str(-exit_code)
        return translate("EngineRunner", "was killed by signal {signal}").format(signal=name)
    return translate("EngineRunner", "exited with code {exit_code}").format(exit_code=exit_code)


class _EventReader:
    """Dispatches engine output lines to a listener and remembers the result, the error and the last log lines."""

    def __init__(self, listener: EngineListener) -> None:
        self.listener = listener
        self.result: Optional[EngineResult] = None
        self.error: Optional[EngineFailure] = None
        self.tail: Deque[str] = deque(maxlen=_TAIL_LINES)

    def read(self, stream: str, line: str) -> None:
        event = _parse_event(line) if stream == "stdout" else None
        if event is None:
            if line.strip():
                self.tail.append(line)
                self.listener.on_log("stderr" if stream == "stderr" else "info", line)
            return
        kind = event.get("event")
        if kind == "progress":
            self.listener.on_progress(_fraction(event.get("fraction")),
                                      str(event.get("message") or event.get("stage") or ""), _epoch(event))
        elif kind == "metrics":
            self.listener.on_metrics(event)
        elif kind == "log":
            self.listener.on_log(str(event.get("level", "info")), str(event.get("message", "")))
        elif kind == "result":
            self.result = EngineResult(str(event.get("command", "")), dict(event.get("outputs") or {}),
                                       dict(event.get("summary") or {}))
        elif kind == "error":
            kept = event.get("kept")
            self.error = EngineFailure(str(event.get("kind", "InternalError")), str(event.get("message", "")),
                                       kept=kept if isinstance(kept, list) else (),
                                       resumable=event.get("resumable") is True)


def _parse_event(line: str) -> Optional[Dict[str, Any]]:
    """The JSON event on a stdout line, or None for plain text."""
    if not line.startswith("{"):
        return None
    try:
        event = json.loads(line)
    except ValueError:
        return None
    return event if isinstance(event, dict) and "event" in event else None


def _fraction(value: Any) -> float:
    try:
        return min(1.0, max(0.0, float(value)))
    except (TypeError, ValueError):
        return 0.0


def _epoch(event: Dict[str, Any]) -> Optional[Tuple[int, int]]:
    """(epoch, epochs) of a training stage's progress event, or None (another stage, or an older engine)."""
    epoch, epochs = event.get("epoch"), event.get("epochs")
    if isinstance(epoch, int) and isinstance(epochs, int) and 0 < epoch <= epochs:
        return epoch, epochs
    return None


def training_fraction(fraction: float, epoch: Tuple[int, int]) -> float:
    """Where a training stage's ``fraction`` of epoch ``epoch = (number, epochs)`` lies within the whole run."""
    number, epochs = epoch
    return (number - 1 + fraction) / max(epochs, 1)


def run_process(
    argv: Sequence[str],
    on_line: Callable[[str, str], None],
    is_cancelled: Callable[[], bool] = lambda: False,
    grace_s: float = CANCEL_GRACE_S,
) -> Tuple[int, bool]:
    """Runs any child process to its end, streaming its output; the plugin's one launcher.

    Args:
        argv: The command line.
        on_line: Called with ``("stdout" | "stderr", line)`` for every output line, on the calling thread.
        is_cancelled: Polled while the process runs; returning True stops it (SIGTERM, then SIGKILL).
        grace_s: Seconds between SIGTERM and SIGKILL on cancellation.

    Returns:
        ``(exit_code, cancelled)``; a negative exit code names the signal that killed the process.

    Raises:
        EngineFailure: ``EngineMissing`` when the program cannot be started.
    """
    process = start_process(argv)
    lines: queue.Queue[tuple[str, Optional[str]]] = queue.Queue()
    pumps = [threading.Thread(target=_pump, args=(stream, name, lines), daemon=True)
             for stream, name in ((process.stdout, "stdout"), (process.stderr, "stderr"))]
    for pump in pumps:
        pump.start()
    open_streams, cancelled = 2, False
    try:
        while open_streams:
            if not cancelled and is_cancelled():
                cancelled = True
                # Stop in a helper thread so that the process's last lines keep being read meanwhile.
                threading.Thread(target=stop_process, args=(process, grace_s), daemon=True).start()
            try:
                stream, line = lines.get(timeout=_POLL_S)
            except queue.Empty:
                continue
            if line is None:
                open_streams -= 1
            else:
                on_line(stream, line)
        return _wait(process, grace_s if cancelled else None), cancelled
    except BaseException:
        stop_process(process, grace_s)
        raise
    finally:
        _close_pipes(process, pumps)


def _close_pipes(process: subprocess.Popen, pumps: Sequence[threading.Thread]) -> None:
    """Closes the process's pipes once their pumps are done (unclosed, they leak and warn when collected)."""
    for pump in pumps:
        pump.join(timeout=_PUMP_JOIN_S)  # at EOF already, unless an exception stopped the reading early
    for stream in (process.stdout, process.stderr):
        if stream is not None:
            stream.close()


def run_engine(
    python: str,
    command: str,
    args: Sequence[str],
    listener: Optional[EngineListener] = None,
    grace_s: float = CANCEL_GRACE_S,
) -> EngineResult:
    """Runs one engine command to its end.

    Args:
        python: The engine Python executable.
        command: Engine command, e.g. ``"train"``.
        args: Its arguments (without ``--json-progress``).
        listener: Receives progress, metrics and logs; its ``is_cancelled`` stops the engine.
        grace_s: Seconds between SIGTERM and SIGKILL on cancellation.

    Returns:
        The command's result event.

    Raises:
        EngineFailure: The engine reported an error, crashed, was cancelled or could not start.
    """
    listener = listener or EngineListener()
    reader = _EventReader(listener)
    exit_code, cancelled = run_process(engine_argv(python, command, args), reader.read, listener.is_cancelled, grace_s)
    return _outcome(command, exit_code, reader, cancelled)


def _wait(process: subprocess.Popen, timeout: Optional[float]) -> int:
    """Waits for the exit status; the pipes are closed, so this is quick unless a cancelled engine lingers."""
    deadline = None if timeout is None else time.monotonic() + timeout + 5.0
    while process.poll() is None:
        if deadline is not None and time.monotonic() > deadline:
            process.kill()
        time.sleep(_POLL_S)
    return int(process.returncode)


def _outcome(command: str, exit_code: int, reader: _EventReader, cancelled: bool) -> EngineResult:
    """Turns exit status and events into a result or a failure."""
    if exit_code == 0 and reader.result is not None:
        return reader.result
    if reader.error is not None and reader.error.cancelled:  # the engine stopped itself and says what it left
        reader.error.exit_code = exit_code
        raise reader.error
    if cancelled or exit_code == 130:
        text = (translate("EngineRunner", "landcover {command} was cancelled.") if exit_code in (130, -signal.SIGTERM)
                else translate("EngineRunner", "landcover {command} was cancelled and {exit}."))
        raise EngineFailure("Cancelled", text.format(command=command, exit=describe_exit(exit_code)), exit_code)
    if reader.error is not None:
        reader.error.exit_code = exit_code
        reader.error.result = reader.result
        raise reader.error
    details = "\n".join(reader.tail)
    if exit_code == 0:
        message = translate("EngineRunner", "landcover {command} ended without reporting a result.").format(
            command=command)
    else:
        message = translate("EngineRunner", "The landcover engine {exit} while running '{command}'.").format(
            exit=describe_exit(exit_code), command=command)
    raise EngineFailure("Crashed", message + (translate("EngineRunner", "\nLast output:\n{details}").format(
        details=details) if details else ""), exit_code)
