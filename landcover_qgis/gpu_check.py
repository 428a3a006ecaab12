"""Whether this machine has an NVIDIA GPU, to choose which torch build the engine set-up installs."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import List, Optional

from landcover_qgis.engine_runner import EngineFailure, run_process

#: Where a loaded NVIDIA driver lists its GPUs (Linux), one folder per GPU.
NVIDIA_PROC_GPUS = Path("/proc/driver/nvidia/gpus")
#: Seconds ``nvidia-smi -L`` may take (it can hang on a broken driver).
NVIDIA_SMI_TIMEOUT_S = 10.0


def has_nvidia_gpu(proc_gpus: Path = NVIDIA_PROC_GPUS, nvidia_smi: Optional[str] = None) -> bool:
    """Whether an NVIDIA GPU is present: the driver lists one under ``/proc``, or ``nvidia-smi -L`` names one.

    Args:
        proc_gpus: The driver's folder of GPUs (checked first: no process to start).
        nvidia_smi: The ``nvidia-smi`` program; default: the one on PATH, if any.
    """
    try:
        if proc_gpus.is_dir() and any(proc_gpus.iterdir()):
            return True
    except OSError:
        pass  # unreadable: ask nvidia-smi
    program = nvidia_smi or shutil.which("nvidia-smi")
    if not program:
        return False
    lines: List[str] = []
    deadline = time.monotonic() + NVIDIA_SMI_TIMEOUT_S
    try:
        exit_code, _cancelled = run_process([program, "-L"], lambda _stream, line: lines.append(line),
                                            lambda: time.monotonic() > deadline, grace_s=1.0)
    except EngineFailure:
        return False  # present but not runnable
    return exit_code == 0 and any(line.startswith("GPU ") for line in lines)
