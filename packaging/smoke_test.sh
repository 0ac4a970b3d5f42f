#!/usr/bin/env bash
# Smoke test of an installed TI Desktop: a PyInstaller bundle (dist/ti-desktop/ti-desktop) or the
# `ti-desktop` of a venv where the wheel was installed. Runs --version, demo, check, report (a real PDF),
# export + import (the spreadsheet libraries), opens the window offscreen, and checks that the window's lock
# refuses an import until the window is killed, in a throwaway home, away from any checkout. Prints in French;
# exits non-zero on the first failure.
#
#   packaging/smoke_test.sh CHEMIN/VERS/ti-desktop
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "utilisation : $0 CHEMIN/VERS/ti-desktop" >&2
    exit 2
fi
exe="$1"
if [ ! -x "$exe" ]; then
    echo "ÉCHEC : « $exe » n'est pas un exécutable." >&2
    exit 1
fi
exe="$(cd "$(dirname "$exe")" && pwd)/$(basename "$exe")"
root="$(cd "$(dirname "$0")/.." && pwd)"
expected_version="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/pyproject.toml" | head -n 1)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A throwaway home: the test never touches the real user's base, settings or logs.
export HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_STATE_HOME="$work/home/state" \
    XDG_CONFIG_HOME="$work/home/config" XDG_CACHE_HOME="$work/home/cache"
mkdir -p "$HOME"
unset TI_DESKTOP_DB
db="$work/plan.sqlite3"
pdf="$work/rapport.pdf"
log="$work/sortie.txt"
cd "$work"  # away from any checkout: the data must come from the installed application

with_timeout() {
    if command -v timeout >/dev/null 2>&1; then timeout 120 "$@"; else "$@"; fi
}

fail() {
    echo "ÉCHEC : $1" >&2
    if [ -s "$log" ]; then
        sed 's/^/    /' "$log" >&2
    fi
    exit 1
}

run() {
    local what="$1"
    shift
    local started=$SECONDS
    local code=0
    with_timeout "$@" >"$log" 2>&1 || code=$?
    [ "$code" -eq 0 ] || fail "$what (code de sortie $code)"
    echo "OK : $what ($((SECONDS - started)) s)"
}

echo "== Test de fumée de $exe"

run "version" "$exe" --version
version_line="$(head -n 1 "$log")"
echo "     $version_line"
[ "$version_line" = "TI Desktop $expected_version" ] ||
    fail "version « $version_line », attendue « TI Desktop $expected_version » (métadonnées du paquet absentes ?)"

run "territoire de démonstration" "$exe" demo --db "$db"
sed 's/^/     /' "$log"

run "contrôle de la base" "$exe" check --json --db "$db"
grep -q '"integrity": "ok"' "$log" || fail "intégrité de la base de démonstration"

run "rapport d'avancement PDF" "$exe" report --db "$db" -o "$pdf"
[ -s "$pdf" ] || fail "le rapport « $pdf » n'a pas été écrit"
[ "$(head -c 4 "$pdf")" = "%PDF" ] || fail "« $pdf » n'est pas un PDF"
echo "     $(wc -c <"$pdf" | tr -d ' ') octets, commence par %PDF"

# The report carries its data: a Région's base reads it back, checked against its JSON Schema (bundled
# resources/schemas, pypdf, jsonschema), and writes the regional synthesis.
run "consolidation régionale du rapport" "$exe" consolidate --db "$work/region.sqlite3" "$pdf" -o "$work/synthese.pdf"
grep -q "ajouté" "$log" || fail "le rapport n'a pas été consolidé"
[ "$(head -c 4 "$work/synthese.pdf")" = "%PDF" ] || fail "la synthèse régionale n'a pas été écrite"

run "export du plan (xlsx)" "$exe" export --db "$db" -o "$work/plan.xlsx"
run "relecture de l'export (import simulé)" "$exe" import "$work/plan.xlsx" --dry-run --db "$db"
grep -q "^Simulation" "$log" || fail "l'import simulé n'a pas rendu compte"

run "fenêtre (hors écran)" env TI_DESKTOP_SMOKE_TEST=1 QT_QPA_PLATFORM=offscreen "$exe" --db "$db"
grep -q "^Fenêtre ouverte : " "$log" || fail "la fenêtre ne s'est pas annoncée"
grep "^Fenêtre ouverte : " "$log" | sed 's/^/     /'

# One writer per base: the window holds its lock (an OS lock, filelock), a write command is refused; once the
# window is killed (kill -9, no chance to clean up), the system has released the lock and the command goes through.
printf 'Intitulé;Axe\nAction du test de fumée;Innovation\n' >"$work/action.csv"
QT_QPA_PLATFORM=offscreen "$exe" --db "$db" >"$work/fenetre.txt" 2>&1 &
window=$!
for _ in $(seq 1 120); do
    [ -f "$db.lock.json" ] && break
    kill -0 "$window" 2>/dev/null || break
    sleep 0.5
done
[ -f "$db.lock.json" ] || { kill -9 "$window" 2>/dev/null || true; log="$work/fenetre.txt"; fail "la fenêtre n'a pas pris le verrou de la base"; }
before="$(cksum <"$db")"
code=0
with_timeout "$exe" import "$work/action.csv" --db "$db" >"$log" 2>&1 || code=$?
kill -9 "$window" 2>/dev/null || true
wait "$window" 2>/dev/null || true
[ "$code" -eq 1 ] && grep -q "est ouverte dans TI Desktop par" "$log" ||
    fail "l'import n'a pas été refusé pendant que la fenêtre tenait la base (code de sortie $code)"
[ "$(cksum <"$db")" = "$before" ] || fail "l'import refusé a modifié la base"
echo "OK : import refusé pendant que la fenêtre tient la base"
run "import après l'arrêt brutal de la fenêtre (kill -9)" "$exe" import "$work/action.csv" --db "$db"
grep -q "1 action créée" "$log" || fail "l'import après kill -9 n'a rien créé"

# A PyInstaller bundle also carries Qt's French texts (OK, Annuler…) and the data beside the program.
case "$exe" in
    */Contents/MacOS/*) internal="$(dirname "$exe")/../Frameworks" ;;  # macOS .app
    *) internal="$(dirname "$exe")/_internal" ;;
esac
if [ -d "$internal" ]; then
    [ -n "$(find -L "$internal" -name qtbase_fr.qm -print -quit)" ] || fail "traduction française de Qt absente"
    [ -f "$internal/ti_desktop/_data/resources/demo/territoire-demo.json" ] || fail "ressources absentes"
    [ -f "$internal/ti_desktop/_data/migrations/env.py" ] || fail "migrations absentes"
    [ -f "$internal/ti_desktop/_data/resources/CHANGELOG.md" ] || fail "journal des modifications absent"
    # « À propos » reads the versions and licences of the components from their metadata.
    for dist in "ti_desktop-$expected_version" "pyside6-*" "reportlab-*" "pandas-*"; do
        [ -n "$(find "$internal/" -maxdepth 1 -iname "$dist.dist-info" -print -quit)" ] ||
            fail "métadonnées $dist.dist-info absentes"
    done
    echo "OK : traduction française de Qt, ressources, migrations, journal des modifications et métadonnées"
fi

echo "== Test de fumée réussi"
