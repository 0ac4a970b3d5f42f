#!/usr/bin/env bash
# Builds the PyInstaller one-folder bundle of TI Desktop (Linux, macOS) and smoke-tests it.
#
#   packaging/build.sh [--venv DOSSIER] [--wheel FICHIER.whl] [--sans-test] [--archive]
#
#   --venv DOSSIER   Python environment used for the build (created when missing; default build/venv).
#   --wheel FICHIER  install this wheel instead of the checkout (CI bundles the very wheel it has tested).
#   --sans-test      do not run packaging/smoke_test.sh on the result.
#   --archive        also write dist/ti-desktop-VERSION-linux-ARCH.tar.gz (Linux) or
#                    dist/ti-desktop-VERSION-macos-ARCH.zip (macOS) to hand over.
#
# Result: dist/ti-desktop/ (Linux: the folder to distribute, program dist/ti-desktop/ti-desktop),
# dist/TI Desktop.app (macOS). PYTHON chooses the interpreter of a new environment (default python3).
set -euo pipefail

venv=""
wheel=""
smoke_test=1
archive=0
while [ $# -gt 0 ]; do
    case "$1" in
        --venv) venv="$2"; shift 2 ;;
        --wheel) wheel="$2"; shift 2 ;;
        --sans-test) smoke_test=0; shift ;;
        --archive) archive=1; shift ;;
        *) echo "utilisation : $0 [--venv DOSSIER] [--wheel FICHIER.whl] [--sans-test] [--archive]" >&2; exit 2 ;;
    esac
done
# Paths given on the command line are relative to where the script was called from.
absolute() { case "$1" in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
[ -z "$venv" ] || venv="$(absolute "$venv")"
[ -z "$wheel" ] || wheel="$(absolute "$wheel")"
cd "$(dirname "$0")/.."
venv="${venv:-build/venv}"

started=$SECONDS
if [ ! -x "$venv/bin/python" ]; then
    echo "== Environnement de construction $venv ($(${PYTHON:-python3} --version))"
    "${PYTHON:-python3}" -m venv "$venv"
    "$venv/bin/python" -m pip install -q --upgrade pip
fi
pip=("$venv/bin/python" -m pip install -q)

echo "== Installation de TI Desktop et de PyInstaller"
# The application with its "packaging" extra (the build tools), then the application again, from this checkout
# (or the given wheel) even when the same version is already installed.
target="${wheel:-.}"
"${pip[@]}" "${target}[packaging]"
"${pip[@]}" --no-deps --force-reinstall "$target"

echo "== PyInstaller (packaging/ti-desktop.spec)"
build_started=$SECONDS
"$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/ti-desktop.spec
build_seconds=$((SECONDS - build_started))

if [ "$(uname -s)" = "Darwin" ]; then
    bundle="dist/TI Desktop.app"
    program="$bundle/Contents/MacOS/ti-desktop"
else
    bundle="dist/ti-desktop"
    program="$bundle/ti-desktop"
fi
[ -x "$program" ] || { echo "ÉCHEC : « $program » n'a pas été produit." >&2; exit 1; }
size="$(du -sh "$bundle" | cut -f1)"
echo "Paquet : $bundle — $size (PyInstaller : ${build_seconds} s)"

if [ "$smoke_test" = 1 ]; then
    bash packaging/smoke_test.sh "$program"
fi
if [ "$archive" = 1 ]; then
    version="$("$program" --version | sed 's/^TI Desktop //')"
    if [ "$(uname -s)" = "Darwin" ]; then
        handed="dist/ti-desktop-$version-macos-$(uname -m).zip"
        rm -f "$handed"
        ditto -c -k --keepParent "$bundle" "$handed"
    else
        handed="dist/ti-desktop-$version-linux-$(uname -m).tar.gz"
        tar -czf "$handed" -C dist ti-desktop
    fi
    echo "Archive : $handed ($(du -h "$handed" | cut -f1))"
fi
echo "== Terminé en $((SECONDS - started)) s : $bundle ($size)"
