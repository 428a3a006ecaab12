"""Stand-ins for the engine Python, for runner failure modes a real engine cannot be asked to show.

Each is a real executable (a shell wrapper around a small Python script) that receives the same
``-m landcover_core COMMAND ... --json-progress`` command line as the real engine.
"""

from __future__ import annotations

import stat
import sys
import textwrap
from pathlib import Path
from typing import Optional

SYSTEM_PYTHON = sys.executable


def fake_engine_python(folder: Path, body: str, schema_from: Optional[str] = None) -> str:
    """Writes ``body`` (Python source) as a fake engine and returns the path of its 'python' executable.

    Args:
        folder: Where the fake goes.
        body: What it does for every command.
        schema_from: A real engine Python that answers ``schema`` instead (for code that reads the
            engine's description before running the faked command, such as Processing algorithms).
    """
    script = folder / "fake_engine.py"
    delegate = (f"if sys.argv[3] == 'schema':\n    os.execv({schema_from!r}, [{schema_from!r}, *sys.argv[1:]])\n"
                if schema_from else "")
    script.write_text("import json, os, signal, sys, time\n"
                      "def emit(**event):\n"
                      "    print(json.dumps(event), flush=True)\n" + delegate + textwrap.dedent(body))
    python = folder / "python"
    python.write_text(f'#!/bin/sh\nexec "{SYSTEM_PYTHON}" "{script}" "$@"\n')
    python.chmod(python.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return str(python)


SEGFAULT = """
print("loading the model", file=sys.stderr, flush=True)
emit(event="progress", stage="train", fraction=0.1, current=1, total=10, message="epoch 1/10")
os.kill(os.getpid(), signal.SIGSEGV)
"""


def recording_engine(folder: Path, real_python: str, description_file: Optional[Path] = None, body: str = "") -> str:
    """A stand-in engine that logs every launch (``folder/launches.txt``: the command line after ``-m
    landcover_core``) and otherwise behaves as the real engine.

    Args:
        folder: Where it goes.
        real_python: The real engine Python: ``info`` always, and every command ``body`` does not handle, run there.
        description_file: ``schema`` answers with this JSON description (e.g. the real one plus commands the
            engine does not have yet); None: the real engine answers.
        body: Python source run first for every other command (``command`` and ``args`` are set; it may
            ``sys.exit`` to end there).
    """
    schema = (f"if command == 'schema':\n"
              f"    summary = json.load(open({str(description_file)!r}))\n"
              f"    emit(event='result', command='schema', outputs={{}}, summary=summary)\n"
              f"    sys.exit(0)\n") if description_file else ""
    return fake_engine_python(folder, f"""
command, args = sys.argv[3], sys.argv[4:]
with open({str(folder / 'launches.txt')!r}, "a") as launches:
    launches.write(" ".join(sys.argv[3:]) + "\\n")
{schema}
if command not in ("schema", "info"):
{textwrap.indent(textwrap.dedent(body) or "pass", "    ")}
os.execv({real_python!r}, [{real_python!r}, *sys.argv[1:]])
""")


def launched_commands(folder: Path) -> list:
    """The engine commands a :func:`recording_engine` was started with, in order."""
    path = folder / "launches.txt"
    return [line.split(" ", 1)[0] for line in path.read_text().splitlines()] if path.exists() else []
