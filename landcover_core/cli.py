"""The ``landcover`` command line: one module per command under :mod:`landcover_core.commands`.

Each command module defines ``NAME``, ``HELP``, ``add_arguments(parser)`` and ``run(args, reporter)``;
``run`` returns ``(outputs, summary)``, reported as the ``result`` event in ``--json-progress`` mode.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import signal
import sys
import traceback
from collections.abc import Sequence
from typing import NoReturn

from landcover_core import __version__
from landcover_core.errors import InputError, LandcoverError, Leftovers, PartialFailureError, leftovers
from landcover_core.outputs import files
from landcover_core.outputs.files import as_input_error
from landcover_core.progress import CancelToken, Reporter
from landcover_core.training.distributed import process_rank, world_size

COMMANDS = ("train", "predict", "predict_batch", "vectorize", "evaluate", "info", "doctor", "schema", "demo",
            "histmatch", "pseudo_label", "self_train", "sample_design")


class UsageError(Exception):
    """A command line argparse cannot accept (unknown option, value out of range...)."""


class _Parser(argparse.ArgumentParser):
    """Reports usage errors as exceptions, so ``--json-progress`` callers get a JSON error event and exit 2.

    A mistyped option is named, with the closest known one: argparse would only list the required options
    it then misses (``--modle x`` gives "the following arguments are required: --model").
    """

    _argv: Sequence[str] = ()

    def parse_known_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                         namespace: argparse.Namespace | None = None) -> tuple[argparse.Namespace, list[str]]:
        """Parses as argparse does, keeping the arguments for :meth:`error`."""
        self._argv = list(sys.argv[1:] if args is None else args)
        return super().parse_known_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        """Raises :class:`UsageError`, naming a mistyped option first when there is one."""
        hint = unknown_option_hint(*_command_parser(self, self._argv))
        raise UsageError(f"{self.prog}: {hint or message}")


def _command_parser(parser: argparse.ArgumentParser, argv: Sequence[str]
                    ) -> tuple[argparse.ArgumentParser, Sequence[str]]:
    """The parser of the command named in ``argv`` and the arguments it reads (``parser`` itself if none)."""
    for action in parser._actions:  # argparse has no public list of its subparsers
        if isinstance(action, argparse._SubParsersAction):
            for i, arg in enumerate(argv):
                if arg in action.choices:
                    return action.choices[arg], argv[i + 1:]
    return parser, argv


def given_options(parser: argparse.ArgumentParser, argv: Sequence[str]) -> frozenset[str]:
    """The options (their ``dest``) that ``argv`` gives, however spelled: abbreviated, ``--x=v``, ``--no-x``.

    argparse fills a default only where the namespace lacks the attribute, so parsing the command's arguments
    into a namespace pre-filled with a marker leaves the marker exactly on the options not given. The marker
    is an empty list because a repeated option's action copies what is there and appends to the copy.
    """
    command, rest = _command_parser(parser, argv)
    unset: list[str] = []
    namespace = argparse.Namespace(**{action.dest: unset for action in command._actions
                                      if action.dest != argparse.SUPPRESS})
    command.parse_known_args(list(rest), namespace)
    return frozenset(dest for dest, value in vars(namespace).items() if value is not unset)


def unknown_option_hint(parser: argparse.ArgumentParser, argv: Sequence[str]) -> str | None:
    """"unknown option --modle; did you mean --model?" for the first option ``parser`` does not know, if any."""
    known = list(parser._option_string_actions)  # argparse has no public list of its options
    for arg in argv:
        option = arg.split("=", 1)[0]
        abbreviation = parser.allow_abbrev and sum(name.startswith(option) for name in known) == 1
        if not option.startswith("--") or option == "--" or option in known or abbreviation:
            continue
        close = difflib.get_close_matches(option, known, n=1, cutoff=0.6)
        suggestion = f"; did you mean {close[0]}?" if close else f"; see '{parser.prog} --help'."
        return f"unknown option {option}{suggestion}"
    return None


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
        # What a command needs of the dispatcher travels with its arguments: commands never import the cli.
        command.set_defaults(_module=module, _parser=parser, _run_command=main)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Runs one command; returns the exit code (0 ok, 2 bad input, 3 partly failed, 130 cancelled, 1 internal error).

    Args:
        argv: the arguments; None: the program's (then, once the outcome is reported, SIGINT and SIGTERM are
            ignored: one arriving while the interpreter exits would otherwise kill a job reported complete).
    """
    code = _run(list(sys.argv[1:] if argv is None else argv))
    if argv is None:
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, signal.SIG_IGN)
    return code


def _run(argv: list[str]) -> int:
    """Runs one command (see :func:`main`)."""
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        args._given = given_options(parser, argv)  # a preset fills only the options not given
    except UsageError as exc:
        return _fail(Reporter(json_mode="--json-progress" in argv), "InputError", str(exc), 2)
    cancel = CancelToken()
    cancel.install_signal_handlers()
    # Under torchrun every process runs this; rank 0 alone reports (errors are printed by all).
    muted = process_rank() != 0
    reporter = Reporter(json_mode=args.json_progress, quiet=args.quiet, cancel=cancel, muted=muted)
    reporter.emit("start", command=args.command, version=__version__)
    try:
        with files.job(), reporter.capture_warnings():
            try:
                check_text_arguments(argv)
                check_single_process(args.command)
                outputs, summary = args._module.run(args, reporter)
            except LandcoverError:
                raise
            except Exception as exc:  # I/O failures become clear errors, others go on
                raise (as_input_error(exc) or exc) from exc
    except PartialFailureError as exc:  # what completed is reported as a result, then what failed
        _report_result(reporter, args, exc.outputs, exc.summary)
        return _fail(reporter, exc.kind, str(exc), exc.exit_code, exc)
    except LandcoverError as exc:
        return _fail(reporter, exc.kind, str(exc), exc.exit_code, exc)
    except KeyboardInterrupt as exc:
        return _fail(reporter, "Cancelled", "Cancelled by request; no partial output was kept.", 130, exc)
    except MemoryError as exc:
        return _fail(reporter, "InternalError", "Out of memory: use a smaller --tile-size or --batch-size.", 1, exc)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: report, never a bare traceback
        if not args.json_progress:
            traceback.print_exc()
        return _fail(reporter, "InternalError", f"{type(exc).__name__}: {exc}", 1, exc)
    if cancel.cancelled:  # too late to stop: say so rather than drop the request
        reporter.warning("The cancellation came after the outputs were complete; they are kept.")
    _report_result(reporter, args, outputs, summary)
    return 0


def _report_result(reporter: Reporter, args: argparse.Namespace, outputs: dict, summary: dict) -> None:
    """The ``result`` event (JSON mode), or the outputs printed one per line."""
    outputs = {k: str(v) for k, v in outputs.items() if v is not None}
    reporter.result(args.command, outputs, summary)
    if not args.json_progress and not reporter.muted:
        for key, value in outputs.items():
            print(f"{key}: {value}")


def check_text_arguments(argv: Sequence[str]) -> None:
    """Refuses arguments that are not valid UTF-8 (file names GDAL and torch could not open).

    Raises:
        InputError: naming the option and the argument.
    """
    for i, arg in enumerate(argv):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            option = argv[i - 1] if i and argv[i - 1].startswith("--") else "an argument"
            shown = arg.encode("utf-8", "backslashreplace").decode("ascii", "backslashreplace")
            raise InputError(f"The path given to {option} is not valid UTF-8 ({shown}); rename the file with "
                             "UTF-8 characters.") from None


def check_single_process(command: str) -> None:
    """Refuses to run a command other than ``train`` under ``torchrun`` (each process would do all the work).

    Raises:
        InputError: naming the command.
    """
    if command != "train" and world_size() > 1:
        raise InputError(f"Only 'landcover train' runs under torchrun; run 'landcover {command}' as one process "
                         f"(torchrun started {world_size()}). To classify many scenes at once, use predict-batch.")


def _fail(reporter: Reporter, kind: str, message: str, code: int, exc: BaseException | None = None) -> int:
    """Reports a failure (the ``error`` event in JSON mode) and returns the exit code.

    The message ends with what the stopped job said it left (see :func:`~landcover_core.errors.leftovers`);
    the event lists those files as ``kept`` (empty: nothing left) and whether ``--resume`` continues the job.
    """
    left = leftovers(exc) if exc is not None else Leftovers([], False, [])
    if left.notes:
        message = " ".join([message if message.endswith((".", "!", "?")) else message + ".", *left.notes])
    if reporter.json_mode:
        reporter.emit("error", kind=kind, message=message, kept=left.kept, resumable=left.resumable)
    else:
        print(f"landcover: error: {message}", file=sys.stderr)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
