"""Progress, metrics, logs and cancellation for long jobs.

Two front ends share one interface: a tqdm bar for people, and JSON lines on stdout
(``--json-progress``) for the QGIS plugin, one object per line:
``{"event": "progress" | "metrics" | "log" | "result" | "error" | "start", ...}``.
"""

from __future__ import annotations

import contextlib
import json
import math
import signal
import sys
import threading
import warnings
from collections.abc import Iterable, Iterator
from types import FrameType
from typing import Any, TypeVar

from landcover_core.errors import Cancelled, LandcoverWarning

T = TypeVar("T")


def json_safe(value: Any) -> Any:
    """Replaces NaN/inf floats (invalid JSON) by None, recursively."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    if hasattr(value, "item"):  # numpy / torch scalars
        return json_safe(value.item())
    return value


class CancelToken:
    """Set by SIGINT/SIGTERM (or by code); long loops call :meth:`check` between steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Asks the job to stop at its next check."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """Whether a stop was asked for."""
        return self._event.is_set()

    def check(self) -> None:
        """Raises Cancelled when a stop was asked for."""
        if self._event.is_set():
            raise Cancelled("Cancelled by request; no partial output was kept.")

    def install_signal_handlers(self) -> None:
        """Turns SIGINT/SIGTERM into a cancellation request (a second SIGINT aborts at once)."""

        def handler(signum: int, frame: FrameType | None) -> None:
            if self._event.is_set() and signum == signal.SIGINT:
                raise KeyboardInterrupt
            self._event.set()

        signal.signal(signal.SIGINT, handler)
        signal.signal(signal.SIGTERM, handler)


class Reporter:
    """Reports progress/metrics/logs either as a tqdm bar (human) or JSON lines (machine)."""

    def __init__(self, json_mode: bool = False, quiet: bool = False, cancel: CancelToken | None = None) -> None:
        self.json_mode = json_mode
        self.quiet = quiet
        self.cancel = cancel or CancelToken()

    # -- events -------------------------------------------------------------------------------------
    def emit(self, event: str, **fields: Any) -> None:
        """Writes one JSON event line (JSON mode only)."""
        if self.json_mode:
            sys.stdout.write(json.dumps({"event": event, **json_safe(fields)}) + "\n")
            sys.stdout.flush()

    def log(self, message: str, level: str = "info") -> None:
        """A log line: to stderr for people (info hidden under --quiet), a ``log`` event in JSON mode."""
        if self.json_mode:
            self.emit("log", level=level, message=message)
        elif not self.quiet or level != "info":
            prefix = "warning: " if level == "warning" else ""
            print(prefix + message, file=sys.stderr, flush=True)

    def warning(self, message: str) -> None:
        """A warning (always shown)."""
        self.log(message, level="warning")

    @contextlib.contextmanager
    def capture_warnings(self) -> Iterator[None]:
        """Routes Python warnings raised inside the block through :meth:`warning`, never straight to stderr.

        The engine's own :class:`~landcover_core.errors.LandcoverWarning` is always shown; library
        warnings (GDAL nodata/alpha notes, matplotlib...) are dropped under ``quiet``. Rasters without
        georeferencing are common and checked where it matters (CRS of labels), so rasterio's
        ``NotGeoreferencedWarning`` is never shown, nor libraries' (pending) deprecation warnings.
        """
        from rasterio.errors import NotGeoreferencedWarning

        def show(message: Warning | str, category: type[Warning], filename: str, lineno: int, file: Any = None,
                 line: str | None = None) -> None:
            if issubclass(category, LandcoverWarning):
                self.warning(str(message))
            elif not self.quiet or self.json_mode:
                self.warning(f"{category.__name__}: {message}")

        with warnings.catch_warnings():
            warnings.simplefilter("default")
            warnings.simplefilter("always", LandcoverWarning)
            warnings.simplefilter("ignore", NotGeoreferencedWarning)
            # Libraries' notes to their developers (e.g. rasterio's use of affine's ``*``), not to the analyst.
            warnings.simplefilter("ignore", DeprecationWarning)
            warnings.simplefilter("ignore", PendingDeprecationWarning)
            warnings.showwarning = show
            yield

    def metrics(self, **fields: Any) -> None:
        """One ``metrics`` event (JSON mode), e.g. per training epoch."""
        if self.json_mode:
            self.emit("metrics", **fields)

    def result(self, command: str, outputs: dict[str, str], summary: dict[str, Any] | None = None) -> None:
        """The ``result`` event that ends a successful command (JSON mode)."""
        if self.json_mode:
            self.emit("result", command=command, outputs=outputs, summary=summary or {})

    # -- progress -----------------------------------------------------------------------------------
    def track(self, items: Iterable[T], total: int, stage: str, message: str = "") -> Iterator[T]:
        """Iterates over items, reporting progress and honouring cancellation between items."""
        bar = None
        if not self.json_mode and not self.quiet:
            from tqdm import tqdm

            bar = tqdm(total=total, desc=message or stage, unit="it", dynamic_ncols=True, file=sys.stderr)
        step = max(1, total // 200)  # at most ~200 JSON progress events per stage
        try:
            for done, item in enumerate(items, start=1):
                self.cancel.check()
                yield item
                if bar is not None:
                    bar.update(1)
                elif self.json_mode and (done % step == 0 or done == total):
                    self.emit("progress", stage=stage, fraction=done / max(total, 1), current=done, total=total,
                              message=message)
            self.cancel.check()
        finally:
            if bar is not None:
                bar.close()
