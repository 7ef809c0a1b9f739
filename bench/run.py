"""Run every benchmark (bench/bench_*.py) and keep the latest figures in bench/README.md.

Each benchmark is a standalone script that prints its figures, one per line, each with the
ratio to a baseline measured in the same run. This runner starts each in its own process
(so one cannot warm another's caches), prints what it prints, and rewrites the figures
section of bench/README.md together with a description of the machine.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
README = HERE / "README.md"
BEGIN, END = "<!-- figures:begin -->", "<!-- figures:end -->"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    db = os.environ.get("DATABASE_URL", "sqlite (default)").split("@")[-1]
    return (
        f"{cpu}, {os.cpu_count()} cores{mem}; Python {platform.python_version()}; "
        f"{platform.system()} {platform.release()}; database: {db}"
    )


def run_one(script: Path) -> list[str]:
    print(f"== {script.name}", flush=True)
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, cwd=HERE.parent
    )
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    for line in lines:
        print(line, flush=True)
    if result.returncode != 0:
        print(result.stderr, file=sys.stderr)
        lines.append(f"FAILED (exit {result.returncode})")
    return lines


def update_readme(sections: dict[str, list[str]]) -> None:
    body = [BEGIN, f"Measured {dt.date.today():%Y-%m-%d} on: {machine()}", ""]
    for name, lines in sections.items():
        body.append(f"**{name}**")
        body.append("")
        body.extend(f"    {line}" for line in lines)
        body.append("")
    body.append(END)
    text = (
        README.read_text(encoding="utf-8")
        if README.exists()
        else f"# Benchmarks\n\n{BEGIN}\n{END}\n"
    )
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    README.write_text(head + "\n".join(body) + tail, encoding="utf-8")


def main(argv: list[str]) -> int:
    wanted = set(argv)
    scripts = sorted(HERE.glob("bench_*.py"))
    if wanted:
        scripts = [s for s in scripts if s.stem in wanted or s.name in wanted]
    sections = {script.stem: run_one(script) for script in scripts}
    if not wanted:
        update_readme(sections)
    failed = any(lines and lines[-1].startswith("FAILED") for lines in sections.values())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
