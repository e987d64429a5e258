#!/usr/bin/env bash
# The installer as a person gets it, on this (Debian) machine, as root: builds the .deb, installs it
# with dpkg -i, runs the installed program's --version and check, starts the window under Xvfb
# until its first screen is drawn, opens a *.caseload.zip the way a file manager does (the menu
# entry's Exec line while the program is closed; GIO's default application while it runs) and
# sees the window offer it, uninstalls, and checks that the user's data is still there.
#
#   installer/ci-test.sh          after `mvn verify` (uses target/jobbtorg-coach.jar as it is)
#   BUILD=1 installer/ci-test.sh  runs `mvn package -DskipTests` first
#
# Ends with "installer: N passed, N failed"; exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
passed=0
pass() {
    passed=$((passed + 1))
    echo "ok: $*"
}
fail() {
    echo "FAILED: $*" >&2
    echo "installer: $passed passed, 1 failed"
    exit 1
}

# ---------------------------------------------------------------------------------------------
# Tools: jpackage's .deb needs fakeroot and dpkg-deb (and objcopy from binutils); the window needs
# an X server (xvfb, xauth for xvfb-run) and GTK 3; the file-manager side is GIO (libglib2.0-bin)
# with the MIME and desktop databases (shared-mime-info, desktop-file-utils).
need=()
command -v fakeroot >/dev/null || need+=(fakeroot)
command -v objcopy >/dev/null || need+=(binutils)
command -v xvfb-run >/dev/null || need+=(xvfb)
command -v xauth >/dev/null || need+=(xauth)
command -v gio >/dev/null || need+=(libglib2.0-bin)
command -v update-mime-database >/dev/null || need+=(shared-mime-info)
command -v update-desktop-database >/dev/null || need+=(desktop-file-utils)
ldconfig -p | grep -q 'libgtk-3.so.0' || need+=(libgtk-3-0)
javahome=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
[ -f "$javahome/jmods/java.base.jmod" ] || need+=(openjdk-17-jdk-headless)
export DEBIAN_FRONTEND=noninteractive
if [ ${#need[@]} -gt 0 ]; then
    echo "installing: ${need[*]}"
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# ---------------------------------------------------------------------------------------------
# Build.
if [ "${BUILD:-0}" = 1 ] || [ ! -f target/jobbtorg-coach.jar ]; then
    installer/build.sh deb
else
    SKIP_MAVEN=1 installer/build.sh deb
fi
deb=$(ls target/installer/jobbtorg-coach_*_amd64.deb)
version=$(sed -n 's/^version=//p' target/classes/jobbtorg-coach.properties)
built=$(date +%s)

# ---------------------------------------------------------------------------------------------
# Install with dpkg -i. dpkg does not fetch dependencies: the ones the package names come from
# Debian first (on a desktop they are there already; `apt install ./file.deb` does both).
if dpkg -s jobbtorg-coach >/dev/null 2>&1; then
    dpkg -r jobbtorg-coach >/dev/null
fi
deps=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/([^)]*)//; s/|.*//' | xargs)
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $deps >/dev/null 2>&1 || {
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $deps >/dev/null
}
dpkg -i "$deb" >/dev/null || fail "dpkg -i $deb"
[ -x /opt/jobbtorg-coach/bin/jobbtorg-coach ] && [ -L /usr/bin/jobbtorg-coach ] || fail "launcher not installed"
pass "dpkg -i $(basename "$deb")"

# A user of our own: the data folder goes where XDG_DATA_HOME says.
work=$(mktemp -d)
export XDG_DATA_HOME="$work/data"
data="$XDG_DATA_HOME/jobbtorg-coach"
log="$data/logs/jobbtorg-coach-0.log"

out=$(jobbtorg-coach --version 2>"$work/version.err") || fail "--version exited non-zero"
[ "$out" = "Jobbtorg Coach $version" ] || fail "--version said '$out'"
[ ! -s "$work/version.err" ] || fail "--version wrote to stderr: $(cat "$work/version.err")"
pass "--version: $out"
# The class-data archive postinst made maps (-Xshare:on makes any failure to map it fatal, a class
# path that differs from the installed one included).
[ -s /opt/jobbtorg-coach/lib/app/jobbtorg-coach.jsa ] || fail "no class-data archive installed"
out=$(JAVA_TOOL_OPTIONS=-Xshare:on jobbtorg-coach --version 2>&1) || fail "the class-data archive does not map: $out"
pass "the class-data archive maps"

# ==== HEADLESS COMMANDS ON A NEW DATABASE: the one place that opens a database without the window.
# The database is encrypted: a new one is made with `init --db FILE`, and every command takes the
# passphrase from --passphrase-file FILE (never an argument).
secret="$work/passphrase.txt"
printf 'en lösenfras bara för ci\n' >"$secret"
chmod 600 "$secret"
new_database() {
    jobbtorg-coach init --db "$1" --passphrase-file "$secret" >/dev/null
}
check_database() {
    jobbtorg-coach check --db "$1" --passphrase-file "$secret"
}
# ==== end of the one place.
new_database "$work/new.db"
out=$(check_database "$work/new.db" 2>"$work/check.err") || fail "check: $out $(cat "$work/check.err")"
[[ "$out" == "ok file="*"participants=0" ]] || fail "check said '$out'"
[ ! -s "$work/check.err" ] || fail "check wrote to stderr: $(cat "$work/check.err")"
pass "check --db on a new database: $out"

# ---------------------------------------------------------------------------------------------
# The window, under Xvfb, then a package opened as a file manager opens it.
mime=$(gio info -a standard::content-type src/docs/caseload-package/example.caseload.zip | sed -n 's/.*content-type: //p')
[ "$mime" = application/x-jobbtorg-caseload ] || fail "a *.caseload.zip is '$mime'"
app=$(gio mime application/x-jobbtorg-caseload | sed -n 's/^Default application for .*: //p')
[ "$app" = jobbtorg-coach.desktop ] || fail "the default application for packages is '$app'"
pass "*.caseload.zip is $mime, opened by $app"
cp src/docs/caseload-package/example.caseload.zip "$work/from-a-colleague.caseload.zip"

cat >"$work/desktop.sh" <<'EOF'
# Runs inside xvfb-run: the window; then a package opened from "the file manager" while the
# program is closed, and again while it runs.
set -u
wait_for() { # wait_for TEXT COUNT SECONDS: bounded wait for the COUNTth such line in the log
    local deadline=$(($(date +%s) + $3))
    until [ "$(cat "$LOG" 2>/dev/null | grep -c "$1")" -ge "$2" ]; do
        if [ "$(date +%s)" -ge "$deadline" ] || ! kill -0 "$PID" 2>/dev/null; then
            echo "waited in vain for '$1' ($2)" >"$WORK/result"
            kill "$PID" 2>/dev/null
            exit 1
        fi
        sleep 0.2
    done
}
# 1. The first start, until the first screen (the passphrase screen) is drawn.
jobbtorg-coach --demo >"$WORK/window.out" 2>&1 &
PID=$!
wait_for "first screen shown" 1 300
kill "$PID"
wait "$PID" 2>/dev/null
# 2. The program is closed; a file manager runs the menu entry's Exec line with the package.
exec_line=$(sed -n 's/^Exec=//p' /usr/share/applications/jobbtorg-coach.desktop)
${exec_line/\%f/$WORK/from-a-colleague.caseload.zip} >>"$WORK/window.out" 2>&1 &
PID=$!
wait_for "first screen shown" 2 300
wait_for "package offered for import" 1 30
# 3. It runs; what a file manager does on a double click: GIO launches the default application
# with the file. That start hands the package over to the running window and ends.
gio open "$WORK/from-a-colleague.caseload.zip" >"$WORK/gio.out" 2>&1
wait_for "a later start came to this window" 1 120
wait_for "package offered for import" 2 30
command -v import >/dev/null && import -window root "$WORK/screen.png" 2>/dev/null
kill "$PID"
wait "$PID" 2>/dev/null
echo ok >"$WORK/result"
EOF
# The user's caseload, made headless: the window's first screen asks for its passphrase.
jobbtorg-coach init --passphrase-file "$secret" >/dev/null || fail "init of the default database"
window_started=$(date +%s)
WORK="$work" LOG="$log" timeout 600 xvfb-run -a -s "-screen 0 1366x768x24" bash "$work/desktop.sh" || true
[ "$(cat "$work/result" 2>/dev/null)" = ok ] || {
    cat "$work/window.out" "$log" 2>/dev/null | tail -30 >&2
    fail "window: $(cat "$work/result" 2>/dev/null || echo 'did not run')"
}
pass "window drew its first screen ($(grep -m1 'first screen shown' "$log" | cut -c12-19))"
pass "a package opened through the menu entry's Exec line started the program on it"
! grep -q -e "Unsupported JavaFX configuration" -e "SLF4J" "$work/window.out" ||
    fail "noise in the terminal: $(cat "$work/window.out")"
pass "no JavaFX or SLF4J warnings in the terminal"
[ "$(cat "$data"/logs/*.log | grep -c 'first screen shown')" = 2 ] || fail "the package started a second window"
pass "a package opened from the file manager went to the running window (window steps: $(($(date +%s) - window_started)) s)"
if [ -f "$work/screen.png" ]; then
    cp "$work/screen.png" target/installer/ci-window.png
fi

# ---------------------------------------------------------------------------------------------
# Uninstall; the user's data stays.
dpkg -r jobbtorg-coach >/dev/null || fail "dpkg -r"
[ ! -e /opt/jobbtorg-coach ] && [ ! -e /usr/bin/jobbtorg-coach ] || fail "files left after dpkg -r"
[ -s "$data/caseload.db" ] && [ -s "$work/new.db" ] && [ -s "$log" ] || fail "the user's data went with the program"
pass "dpkg -r removed the program and kept the user's data"

rm -rf "$work"
now=$(date +%s)
echo "installer test: $((now - started)) s (build $((built - started)) s, install and run $((now - built)) s)"
echo "installer: $passed passed, 0 failed"
