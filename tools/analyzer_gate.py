"""make lint: qgis-plugin-analyzer's Qt6, obsolete-API, metadata and security findings on the plugin stay at zero.

Runs ``qgis-analyzer analyze`` (installed beside this interpreter) on the repository with the ``plugin`` profile
of pyproject.toml, which limits it to ``landcover_qgis/`` and ``metadata.txt`` and says which rules cannot apply.
Other findings (translations, docstrings, complexity) are reported by the analyzer but do not fail here.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GATED_PREFIXES = ("QT6_", "OBSOLETE_", "METADATA_", "UNSAFE_")
GATED = frozenset(
    {
        "QGIS_LEGACY_IMPORT", "PYQT5_IMPORT", "LEGACY_SIGNAL_SLOT", "QGIS_PROTECTED_MEMBER", "UI_BLOCKING_LOOP",
        "BLOCKING_NETWORK_CALL", "B102", "B301", "B307", "B602", "B608", "AWS_KEY", "GOOGLE_API_KEY",
        "TWILIO_KEY", "GENERIC_SECRET", "HARDCODED_SECRET", "HIGH_ENTROPY",
    }
)
# Findings the analyzer's profile cannot switch off (its metadata rules ignore the profile), with why.
ACCEPTED = {
    "METADATA_SUPPORTS_QT6": (
        "Qt6 builds of QGIS 3.x load a plugin only with supportsQt6=True; QGIS 4 goes by qgisMaximumVersion"
    ),
}


def is_gated(rule: str) -> bool:
    """Whether a finding of ``rule`` fails make lint."""
    return rule not in ACCEPTED and (rule in GATED or rule.startswith(GATED_PREFIXES))


def analyze(root: Path) -> dict[str, Any]:
    """The analyzer's project report (project_context.json) for ``root``."""
    analyzer = Path(sys.executable).with_name("qgis-analyzer")
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [str(analyzer), "analyze", str(root), "-p", "plugin", "--no-cache", "--linters", "none", "-o", out],
            check=True, stdout=subprocess.DEVNULL,
        )
        return dict(json.loads((Path(out) / "project_context.json").read_text(encoding="utf-8")))


def gated_findings(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The report's findings that fail make lint (security findings always do)."""
    issues = report["qgis_compliance"]["best_practices"]["issues"]
    return [issue for issue in issues if is_gated(issue["type"])] + list(report["security"]["findings"])


def main(argv: list[str] | None = None) -> int:
    """Prints the gated findings for the repository (or the checkout given as argument); 1 if any."""
    args = sys.argv[1:] if argv is None else argv
    report = analyze(Path(args[0]) if args else ROOT)
    findings = gated_findings(report)
    for finding in findings:
        print(f"{finding.get('file')}:{finding.get('line')}: {finding.get('type')}: {finding.get('message')}")
    counts: dict[str, int] = {}
    for issue in report["qgis_compliance"]["best_practices"]["issues"]:
        counts[issue["type"]] = counts.get(issue["type"], 0) + 1
    accepted = ", ".join(f"{rule} {counts[rule]} ({why})" for rule, why in ACCEPTED.items() if rule in counts)
    others = ", ".join(f"{rule} {count}" for rule, count in sorted(counts.items())
                       if not is_gated(rule) and rule not in ACCEPTED)
    print(f"qgis-analyzer: {len(findings)} Qt6/security/metadata findings; accepted: {accepted or 'none'}; "
          f"not gated here: {others}", file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
