# Sourced by the setup scripts: sets PYTHON to an interpreter of version 3.12 or newer.
# Looks at LOKET_PYTHON, then python3.13 / python3.12 / python3 on the PATH, then pyenv's
# versions, and stops with a clear sentence when there is none.

python_is_new_enough() {
    "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null
}

find_python() {
    candidates="${LOKET_PYTHON:-} python3.14 python3.13 python3.12 python3"
    pyenv_root="${PYENV_ROOT:-$HOME/.pyenv}"
    if command -v pyenv >/dev/null 2>&1; then
        pyenv_root="$(pyenv root)"
    fi
    for version_dir in $(ls -d "$pyenv_root"/versions/3.1[2-9]* 2>/dev/null | sort -rV); do
        candidates="$candidates $version_dir/bin/python3"
    done
    for candidate in $candidates; do
        if command -v "$candidate" >/dev/null 2>&1 && python_is_new_enough "$candidate"; then
            PYTHON="$(command -v "$candidate")"
            return 0
        fi
    done
    echo "Loket needs Python 3.12 or newer, and none was found (looked at LOKET_PYTHON," >&2
    echo "python3.14 to python3.12 and python3 on the PATH, and pyenv's versions)." >&2
    echo "Install Python 3.12 or newer, or point LOKET_PYTHON at one, and run this again." >&2
    return 1
}

# Creates (once) the virtual environment .venv with the given pip extras installed.
install_loket() {
    extras="$1"
    find_python || exit 1
    if [ ! -x .venv/bin/python ] || ! python_is_new_enough .venv/bin/python; then
        echo "Creating .venv with $PYTHON"
        rm -rf .venv
        "$PYTHON" -m venv .venv || exit 1
    fi
    .venv/bin/python -m pip install --quiet --upgrade pip || exit 1
    echo "Installing Loket${extras:+ with [$extras]} into .venv"
    .venv/bin/python -m pip install --quiet --editable ".${extras:+[$extras]}" || exit 1
}
