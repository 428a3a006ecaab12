"""The ``landcover`` command line: one module per command under :mod:`landcover_core.commands`.

Each command module defines ``NAME``, ``HELP``, ``add_arguments(parser)`` and ``run(args, reporter)``;
``run`` returns ``(outputs, summary)``, reported as the ``result`` event in ``--json-progress`` mode.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback
from typing import NoReturn, Sequence

from landcover_core import __version__
from landcover_core.errors import LandcoverError
from landcover_core.progress import CancelToken, Reporter

COMMANDS = ("train", "predict", "vectorize", "evaluate", "info", "doctor", "schema", "demo", "histmatch",
            "pseudo_label", "self_train")


class UsageError(Exception):
    """A command line argparse cannot accept (unknown option, value out of range...)."""


class _Parser(argparse.ArgumentParser):
    """Reports usage errors as exceptions, so ``--json-progress`` callers get a JSON error event and exit 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    """The ``landcover`` parser with every command (imports no heavy package)."""
    parser = _Parser(
        prog="landcover",
        description="Land-cover mapping from satellite and aerial imagery.",
    )
    parser.add_argument("--version", action="version", version=f"landcover {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"landcover_core.commands.{name}")
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.add_argument("--json-progress", action="store_true",
                             help="emit one JSON object per line on stdout (progress, metrics, result, errors)")
        command.add_argument("--quiet", action="store_true", help="no progress bar or info messages")
        command.set_defaults(_module=module)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Runs one command; returns the exit code (0 ok, 2 bad input, 130 cancelled, 1 internal error)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(argv)
    except UsageError as exc:
        return _fail(Reporter(json_mode="--json-progress" in argv), "InputError", str(exc), 2)
    cancel = CancelToken()
    cancel.install_signal_handlers()
    reporter = Reporter(json_mode=args.json_progress, quiet=args.quiet, cancel=cancel)
    reporter.emit("start", command=args.command, version=__version__)
    try:
        outputs, summary = args._module.run(args, reporter)
    except LandcoverError as exc:
        return _fail(reporter, exc.kind, str(exc), exc.exit_code)
    except KeyboardInterrupt:
        return _fail(reporter, "Cancelled", "Cancelled by request; no partial output was kept.", 130)
    except MemoryError:
        return _fail(reporter, "InternalError", "Out of memory: use a smaller --tile-size or --batch-size.", 1)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: report, never a bare traceback
        if not args.json_progress:
            traceback.print_exc()
        return _fail(reporter, "InternalError", f"{type(exc).__name__}: {exc}", 1)
    outputs = {k: str(v) for k, v in outputs.items() if v is not None}
    reporter.result(args.command, outputs, summary)
    if not args.json_progress:
        for key, value in outputs.items():
            print(f"{key}: {value}")
    return 0


def _fail(reporter: Reporter, kind: str, message: str, code: int) -> int:
    if reporter.json_mode:
        reporter.emit("error", kind=kind, message=message)
    else:
        print(f"landcover: error: {message}", file=sys.stderr)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
