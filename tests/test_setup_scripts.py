"""The README's setup scripts find a Python 3.12 or newer, or say clearly that there is none."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def find_python(tmp_path: Path, path: str, **env) -> subprocess.CompletedProcess:
    """Run the finder with only ``path`` (plus ls and sort) to look in, whatever this
    machine's own Pythons are."""
    tools = tmp_path / "tools"
    tools.mkdir(exist_ok=True)
    for tool in ("ls", "sort"):
        (tools / tool).symlink_to(shutil.which(tool))
    script = f'. {REPO / "scripts" / "find-python.sh"} && find_python && echo "$PYTHON"'
    return subprocess.run(
        ["/bin/sh", "-c", script],
        env={
            "PATH": f"{path}:{tools}",
            "HOME": str(tmp_path),
            "PYENV_ROOT": str(tmp_path / "pyenv"),
            **env,
        },
        capture_output=True,
        text=True,
        check=False,
    )


def fake_python(folder: Path, name: str, version: tuple[int, int]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    executable = folder / name
    executable.write_text(
        "#!/bin/sh\n"
        f'exec {sys.executable} -c "import sys; '
        f'sys.exit(0 if {version!r} >= (3, 12) else 1)"\n'
    )
    executable.chmod(0o755)
    return executable


def test_no_new_enough_python_is_said_in_a_sentence(tmp_path):
    bin_dir = tmp_path / "bin"
    fake_python(bin_dir, "python3", (3, 11))

    result = find_python(tmp_path, str(bin_dir))

    assert result.returncode != 0
    assert "Loket needs Python 3.12 or newer, and none was found" in result.stderr


def test_a_pyenv_version_is_found(tmp_path):
    bin_dir = tmp_path / "bin"
    fake_python(bin_dir, "python3", (3, 11))
    pyenv_python = fake_python(
        tmp_path / "pyenv" / "versions" / "3.12.1" / "bin", "python3", (3, 12)
    )

    result = find_python(tmp_path, str(bin_dir))

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(pyenv_python)


def test_loket_python_wins(tmp_path):
    chosen = fake_python(tmp_path / "elsewhere", "mypython", (3, 13))

    result = find_python(tmp_path, str(tmp_path / "empty"), LOKET_PYTHON=str(chosen))

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(chosen)
    assert os.access(chosen, os.X_OK)
