#!/usr/bin/env bash
# Builds Jobbtorg Coach for installing: a trimmed Java runtime of its own (jlink, with JavaFX in
# it as named modules), an app image, and the platform's installer (jpackage, JDK 17 or newer).
#
#   installer/build.sh runtime      only the runtime:         target/installer/runtime/
#   installer/build.sh app-image    Linux app image:          target/installer/app/jobbtorg-coach/
#   installer/build.sh deb          Linux .deb (from the image): target/installer/jobbtorg-coach_VERSION_amd64.deb
#   installer/build.sh msi          Windows .msi   (on Windows: see the msi branch below)
#   installer/build.sh dmg          macOS .dmg     (on a Mac: see the dmg branch below)
#
# Runs `mvn package -DskipTests` first; with SKIP_MAVEN=1 it takes target/jobbtorg-coach.jar and
# target/lib/ as they are (CI, right after `mvn verify` made them).
# Each step prints how long it took, so the README's build times can be checked.
set -euo pipefail

type=${1:-}
case "$type" in
    runtime | app-image | deb | msi | dmg) ;;
    *)
        sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
        exit 2
        ;;
esac

cd "$(dirname "$0")/.."
here=installer
out=target/installer
# The jpackage and jlink of the JDK that builds; JAVA_HOME if set, else the one on the PATH.
if [ -n "${JAVA_HOME:-}" ]; then
    bin="$JAVA_HOME/bin/"
else
    bin="$(dirname "$(readlink -f "$(command -v java)")")/"
fi
jhome="$(dirname "$bin")"

step_started=0
step() {
    local now
    now=$(date +%s)
    if [ "$step_started" -ne 0 ]; then
        echo "  ($((now - step_started)) s)"
    fi
    step_started=$now
    [ $# -gt 0 ] && echo "== $*"
    return 0
}

# ---------------------------------------------------------------------------------------------
# 1. The jar and its libraries.
if [ "${SKIP_MAVEN:-0}" != 1 ]; then
    step "mvn package"
    mvn -B -ntp -q package -DskipTests
fi
[ -f target/jobbtorg-coach.jar ] || { echo "target/jobbtorg-coach.jar is missing: run mvn package" >&2; exit 1; }

# The version comes from the pom (the build filters it into this file); jpackage wants digits only.
version=$(sed -n 's/^version=//p' target/classes/jobbtorg-coach.properties)
app_version=${version%%-*}
echo "Jobbtorg Coach $version"

# ---------------------------------------------------------------------------------------------
# 2. Split the libraries: JavaFX's platform jars (javafx-controls-21.0.11-linux.jar and so on)
# go into the runtime as modules; Maven also copies the empty javafx-controls-21.0.11.jar stubs,
# which are left out. Everything else is the application's class path.
step "libraries"
rm -rf "$out"
mkdir -p "$out/input" "$out/javafx"
for jar in target/lib/*.jar; do
    name=$(basename "$jar")
    if [[ "$name" =~ ^javafx-[a-z]+-[0-9.]+-[a-z0-9-]+\.jar$ ]]; then
        cp "$jar" "$out/javafx/"
    elif [[ "$name" =~ ^javafx- ]]; then
        : # the empty stub
    else
        cp "$jar" "$out/input/"
    fi
done
cp target/jobbtorg-coach.jar "$out/input/"
# sqlite-jdbc carries SQLite for some twenty platforms; the installer keeps its own (-11 MB).
arch=$(uname -m)
case "$arch" in arm64) arch=aarch64 ;; amd64) arch=x86_64 ;; esac
case "$type" in
    msi) sqlite_os=Windows ;;
    dmg) sqlite_os=Mac ;;
    *) sqlite_os=Linux ;;
esac
for jar in "$out"/input/sqlite-jdbc-*.jar; do
    [ -f "$jar" ] && "${bin}java" "$here/KeepNatives.java" "$jar" org/sqlite/native/ "org/sqlite/native/$sqlite_os/$arch/"
done
ls "$out"/javafx/*.jar >/dev/null 2>&1 || { echo "no JavaFX platform jars in target/lib" >&2; exit 1; }
fxpath=$(ls "$out"/javafx/*.jar | paste -sd "${PATHSEP:-:}")

# ---------------------------------------------------------------------------------------------
# 3. The runtime: what jdeps finds the jar and its libraries use, plus what is only reached by
# reflection or service loading, which jdeps cannot see:
#   java.naming        JDBC and XML look-ups
#   jdk.crypto.ec      Ed25519 package signatures (SunEC provider)
#   jdk.localedata     Swedish collation, dates and number formats
#   jdk.unsupported    sun.misc.Unsafe for libraries that use it
#   jdk.zipfs          zip file systems
#   javafx.controls    the window (jdeps reports javafx.graphics only: controls come in by ControlsFX)
step "jdeps"
cp_jars=$(ls "$out"/input/*.jar | paste -sd "${PATHSEP:-:}")
found=$("${bin}jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps --recursive \
    --class-path "$cp_jars" --module-path "$fxpath" --add-modules javafx.controls \
    "$out/input/jobbtorg-coach.jar")
modules="$found,java.logging,java.naming,jdk.crypto.ec,jdk.localedata,jdk.unsupported,jdk.zipfs,javafx.controls"
echo "modules: $modules"

step "jlink"
# --generate-cds-archive: the runtime gets the class-data sharing archive a JDK ships with
# (lib/server/classes.jsa), which a trimmed runtime otherwise lacks; every start then maps the
# JDK's core classes instead of loading them one by one. `java -jar` on a JDK already has it:
# src/docs/start.md has what it was measured to save and cost (23 MiB).
"${bin}jlink" --module-path "$jhome/jmods${PATHSEP:-:}$fxpath" --add-modules "$modules" \
    --include-locales=sv,en --strip-debug --no-header-files --no-man-pages --compress=2 \
    --generate-cds-archive \
    --output "$out/runtime"
# JavaFX's native libraries live inside its platform jars; its loader first looks in the runtime's
# own library folder, so they go there (else it unpacks them into ~/.openjfx/cache at every new
# version).
nat="$out/native"
mkdir -p "$nat"
for jar in "$out"/javafx/*.jar; do
    (cd "$nat" && "${bin}jar" xf "$OLDPWD/$jar")
done
case "$type" in
    msi) find "$nat" -maxdepth 1 -name '*.dll' -exec cp {} "$out/runtime/bin/" \; ;;
    dmg) find "$nat" -maxdepth 1 -name '*.dylib' -exec cp {} "$out/runtime/lib/" \; ;;
    *) find "$nat" -maxdepth 1 -name '*.so' -exec cp {} "$out/runtime/lib/" \; ;;
esac
rm -rf "$nat"
echo "runtime: $(du -sh "$out/runtime" | cut -f1)"
if [ "$type" = runtime ]; then
    step
    exit 0
fi

# ---------------------------------------------------------------------------------------------
# 4. The app image and the installer, per platform.

# The classes a start of the window loads, for the installed program's class-data archive
# (AppCDS; src/docs/start.md): a training start of the image opens a new demo caseload under the
# bench's start probe and ends once the caseload is drawn. The archive itself is made by the
# package's postinst, as its class path must be the installed one; the launcher names it, and a
# start without it is only slower. Needs a display: xvfb-run when DISPLAY is unset; without one
# the package has no class list and the program starts without an archive.
class_list() {
    local image=$1 tmp run
    local list="$image/lib/app/classes.lst"
    tmp=$(mktemp -d)
    head -c 24 /dev/urandom | base64 >"$tmp/passphrase"
    run=("$image/bin/jobbtorg-coach" --db "$tmp/demo.db" --demo)
    if [ -z "${DISPLAY:-}" ]; then
        if ! command -v xvfb-run >/dev/null; then
            echo "no display and no xvfb-run: no class list, the program starts without an archive"
            rm -rf "$tmp"
            return 0
        fi
        run=(xvfb-run -a -s "-screen 0 1280x800x24" "${run[@]}")
    fi
    # A home of its own: the training start neither reads nor reaches the builder's program.
    if ! XDG_DATA_HOME="$tmp/data" \
        JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$list -Djobbtorg.startProbe=$tmp/passphrase -Duser.home=$tmp/home" \
        timeout 300 "${run[@]}" >"$tmp/training.log" 2>&1; then
        tail -20 "$tmp/training.log" >&2
        echo "the training start failed: no class list, the program starts without an archive" >&2
        rm -f "$list"
        rm -rf "$tmp"
        return 0
    fi
    rm -rf "$tmp"
    # The [JavaOptions] section is the launcher configuration's last.
    echo 'java-options=-XX:SharedArchiveFile=$APPDIR/jobbtorg-coach.jsa' >>"$image/lib/app/jobbtorg-coach.cfg"
    echo "class list: $(wc -l <"$list") classes"
}
common=(
    --app-version "$app_version"
    --vendor "Jobbtorg Stockholm"
    --copyright "Stockholms stad"
    --description "Arbetsverktyg för jobbcoacher på Jobbtorg Stockholm"
)
image_args=(
    --runtime-image "$out/runtime"
    --input "$out/input"
    --main-jar jobbtorg-coach.jar
    --main-class se.jobbtorg.coach.app.Main
    # The same flags as `java -jar`, and a heap that starts small and gives back what it does not
    # use: the JVM's default starts at 1/64 of the machine's memory and the resident set grows to
    # it at once (the bench: 543 MiB with a city of 10,000 open, 356 MiB with these). The bench's
    # starts "as installed" use the same (StartProbe.INSTALLED_OPTIONS; InstallerOptionsTest).
    --java-options "-Dfile.encoding=UTF-8"
    --java-options "-Xms16m"
    --java-options "-XX:MinHeapFreeRatio=10"
    --java-options "-XX:MaxHeapFreeRatio=30"
)

case "$type" in
app-image | deb)
    # Linux. Needs: fakeroot and dpkg-deb (binutils' objcopy too) for the .deb; the package then
    # depends on libgtk-3-0 (JavaFX's window); its own postinst registers the menu entry and the
    # MIME type with whatever desktop tools the machine has (none needed to install).
    step "app image"
    "${bin}jpackage" --type app-image --dest "$out/app" --name jobbtorg-coach \
        --icon "$here/icons/png/jobbtorg-coach-256.png" "${common[@]}" "${image_args[@]}"
    echo "app image: $(du -sh "$out/app/jobbtorg-coach" | cut -f1)"
    if [ "$type" = deb ]; then
        step "class list"
        class_list "$out/app/jobbtorg-coach"
        # The menu entry and the *.caseload.zip association: jpackage writes them from
        # linux/jobbtorg-coach.desktop (our own, with its Swedish name) and
        # linux/caseload.properties, and registers both in the package's postinst.
        step "deb"
        "${bin}jpackage" --type deb --dest "$out" --app-image "$out/app/jobbtorg-coach" \
            --name jobbtorg-coach "${common[@]}" \
            --icon "$here/icons/png/jobbtorg-coach-256.png" \
            --resource-dir "$here/linux" \
            --file-associations "$here/linux/caseload.properties" \
            --license-file LICENSE \
            --linux-package-name jobbtorg-coach \
            --linux-deb-maintainer "jobbtorg-coach@stockholm.se" \
            --linux-menu-group "Office" \
            --linux-app-category misc \
            --linux-shortcut \
            --linux-package-deps "libgtk-3-0"
        ls -la "$out"/*.deb
    fi
    ;;
msi)
    # Windows. Run in Git Bash (or any bash) on Windows with a JDK 17+ and the WiX Toolset 3.x
    # (candle.exe and light.exe on the PATH; jpackage of JDK 17 does not take WiX 4 or newer).
    # Set PATHSEP=';' so the path lists above use Windows' separator.
    # - The upgrade code stays the same for ever: it is what lets a newer .msi replace an older
    #   one. The data folder (%LOCALAPPDATA%\Jobbtorg Coach) is not the install folder and is
    #   neither touched by an upgrade nor removed by an uninstall.
    # - No file association on Windows: Explorer matches only the last extension, and claiming
    #   every .zip is not ours to do. A coach imports a package from the sync screen.
    # - Per-machine install into Program Files (the city's IT deploys it); sign the .msi with the
    #   city's code-signing certificate (signtool) after this step.
    # - Two launchers: "Jobbtorg Coach.exe" (the window, no console) and jobbtorg-coach.exe (with a
    #   console, for --version and the commands in scripts).
    step "msi"
    "${bin}jpackage" --type msi --dest "$out" --name "Jobbtorg Coach" \
        --icon "$here/icons/jobbtorg-coach.ico" "${common[@]}" "${image_args[@]}" \
        --license-file LICENSE \
        --win-upgrade-uuid 6f0c2a3e-8a57-4c1b-9d1e-3b7b5f0d2c41 \
        --win-menu --win-menu-group "Jobbtorg" --win-shortcut --win-dir-chooser \
        --add-launcher "jobbtorg-coach=$here/windows/cli-launcher.properties"
    ;;
dmg)
    # macOS. Run on a Mac with a JDK 17+ and the Xcode command line tools (xcode-select --install:
    # iconutil, codesign, hdiutil). Signing: set MAC_SIGNING_IDENTITY to the name of a
    # "Developer ID Application" certificate in the keychain; notarise the .dmg afterwards
    # (xcrun notarytool submit --wait, then xcrun stapler staple).
    # - The data folder is ~/Library/Application Support/Jobbtorg Coach, outside the .app, so
    #   replacing or deleting the app keeps it.
    # - No file association yet: macOS hands opened files to a running app as an Apple event
    #   (java.awt.Desktop's OpenFilesHandler), not as an argument; that needs its own work.
    step "icns"
    iconset="$out/jobbtorg-coach.iconset"
    mkdir -p "$iconset"
    for s in 16 32 128 256 512; do
        cp "$here/icons/png/jobbtorg-coach-$s.png" "$iconset/icon_${s}x${s}.png"
    done
    for s in 16 32 128 256; do
        cp "$here/icons/png/jobbtorg-coach-$((s * 2)).png" "$iconset/icon_${s}x${s}@2x.png" 2>/dev/null || true
    done
    iconutil -c icns "$iconset" -o "$out/jobbtorg-coach.icns"
    sign=()
    if [ -n "${MAC_SIGNING_IDENTITY:-}" ]; then
        sign=(--mac-sign --mac-signing-key-user-name "$MAC_SIGNING_IDENTITY")
    fi
    step "dmg"
    "${bin}jpackage" --type dmg --dest "$out" --name "Jobbtorg Coach" \
        --icon "$out/jobbtorg-coach.icns" "${common[@]}" "${image_args[@]}" \
        --mac-package-identifier se.jobbtorg.coach --mac-package-name "Jobbtorg Coach" \
        ${sign[@]+"${sign[@]}"}
    ;;
esac
step
echo "done: $out"
