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
from typing import TYPE_CHECKING, Any, TypeVar

from landcover_core.errors import Cancelled, LandcoverWarning

if TYPE_CHECKING:
    import torch

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
    """Set by SIGINT/SIGTERM (or by code); long loops call :meth:`check` between steps.

    Training also checks inside each step (see :meth:`interrupting`).
    """

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

    @contextlib.contextmanager
    def interrupting(self, *models: torch.nn.Module) -> Iterator[None]:
        """Checks for cancellation inside the models' passes, so a long step stops within one layer's time.

        Inside the block every leaf module checks before its forward, and every trainable CPU parameter as its
        gradient is computed: a flag test each, the results are unchanged. The hooks are removed on exit, so
        state dicts, model files and exports never hold them.

        Args:
            models: the models (duplicates are hooked once).
        """

        def before_forward(module: torch.nn.Module, args: tuple[Any, ...]) -> None:
            self.check()

        def on_gradient(grad: torch.Tensor) -> None:
            self.check()

        handles: list[Any] = []
        for model in {id(model): model for model in models}.values():
            for module in model.modules():
                if next(module.children(), None) is None:  # the leaves do the computation
                    handles.append(module.register_forward_pre_hook(before_forward))
            # A GPU's backward pass runs in autograd's threads while the main thread, the only one that runs
            # signal handlers, waits: no cancellation can arrive there, so only CPU parameters are hooked.
            handles += [p.register_hook(on_gradient) for p in model.parameters()
                        if p.requires_grad and p.device.type == "cpu"]
        try:
            yield
        finally:
            for handle in handles:
                handle.remove()

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

    def __init__(self, json_mode: bool = False, quiet: bool = False, cancel: CancelToken | None = None,
                 muted: bool = False) -> None:
        # muted: no output at all, warnings included (a torchrun process other than rank 0 repeats rank 0's).
        self.json_mode = json_mode and not muted
        self.quiet = quiet or muted
        self.muted = muted
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
        elif not self.muted and (not self.quiet or level != "info"):
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
    def track(self, items: Iterable[T], total: int, stage: str, message: str = "",
              epoch: tuple[int, int] | None = None) -> Iterator[T]:
        """Iterates over items, reporting progress and honouring cancellation between items.

        Args:
            items: What to iterate over.
            total: How many items there are.
            stage: The ``stage`` of the JSON progress events.
            message: What is going on, for people.
            epoch: (epoch, epochs) of a training stage: JSON events carry them as ``epoch`` and ``epochs``, so a
                client places the stage within the whole run without reading the message.
        """
        numbered = {"epoch": epoch[0], "epochs": epoch[1]} if epoch else {}
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
                              message=message, **numbered)
            self.cancel.check()
        finally:
            if bar is not None:
                bar.close()

    def bar(self, total: int | None, stage: str, message: str = "", unit: str = "it") -> ProgressBar:
        """A progress bar updated by amounts (e.g. bytes of a download); use it as a context manager."""
        return ProgressBar(self, total, stage, message, unit)


class ProgressBar:
    """Progress of one step measured in units: a tqdm bar for people, ``progress`` events in JSON mode.

    ``update(n)`` also honours cancellation, so a long transfer stops when the job is cancelled. The
    interface (``update``, ``close``, context manager) is tqdm's, so it can stand in for a library's bar.

    Args:
        reporter: where the progress goes.
        total: the amount at completion, or None when unknown.
        stage: the ``stage`` of the JSON progress events.
        message: what is going on, for people.
        unit: the unit of the amounts (``B``: bytes, shown scaled).
    """

    def __init__(self, reporter: Reporter, total: int | None, stage: str, message: str = "", unit: str = "it") -> None:
        self.reporter = reporter
        self.total = total
        self.stage = stage
        self.message = message
        self.current = 0
        self._reported = -1.0
        self._bar: Any = None
        if not reporter.json_mode and not reporter.quiet:
            from tqdm import tqdm

            self._bar = tqdm(total=total, desc=message or stage, unit=unit, unit_scale=unit == "B",
                             unit_divisor=1024 if unit == "B" else 1000, dynamic_ncols=True, file=sys.stderr)

    def update(self, amount: int | float = 1) -> None:
        """Adds ``amount`` done (raises Cancelled when a stop was asked for)."""
        self.reporter.cancel.check()
        self.current += int(amount)
        if self._bar is not None:
            self._bar.update(amount)
        elif self.reporter.json_mode:
            # At most ~200 events: every 0.5 % of a known total, every 1 MiB-ish step of an unknown one.
            done = self.current / self.total if self.total else float(self.current // (1 << 20))
            step = 0.005 if self.total else 1.0
            if done - self._reported >= step or (self.total and done >= 1.0 > self._reported):
                self._reported = done
                self.reporter.emit("progress", stage=self.stage, fraction=min(done, 1.0) if self.total else None,
                                   current=self.current, total=self.total, message=self.message)

    def close(self) -> None:
        """Ends the bar."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class WarningsOnly(Reporter):
    """The reporter of an inner step (one image of many): silent, its warnings told by the outer reporter."""

    def __init__(self, outer: Reporter) -> None:
        """See the class; cancelled with ``outer``."""
        super().__init__(quiet=True, cancel=outer.cancel)
        self.outer = outer

    def log(self, message: str, level: str = "info") -> None:
        """Passes warnings on (JSON warning events in JSON mode); drops information."""
        if level == "warning":
            self.outer.warning(message)
