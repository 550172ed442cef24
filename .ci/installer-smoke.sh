#!/usr/bin/env bash
# Starts the app image's launcher as on a machine without Java: JAVA_HOME unset, no java on the PATH, an empty
# home. Checks --version, simulate --help, and that the window opens the bundled sample on a virtual display
# (Xvfb). Run by `mvn -Pinstaller verify` on Linux, or by hand after `mvn -Pinstaller package`:
#   .ci/installer-smoke.sh [target/installer/ActiveLabel/bin/ActiveLabel]
set -euo pipefail

launcher=${1:-target/installer/ActiveLabel/bin/ActiveLabel}
[[ -x $launcher ]] || { echo "smoke: no launcher at $launcher (run mvn -Pinstaller package)" >&2; exit 1; }
launcher=$(cd "$(dirname "$launcher")" && pwd)/$(basename "$launcher")

work=$(mktemp -d)
app_pid=""
xvfb_pid=""
cleanup() {
    [[ -n $app_pid ]] && kill "$app_pid" 2>/dev/null || true
    [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/home" "$work/no-java-here"
# a bare environment: no JAVA_HOME, a PATH with nothing on it
bare=(env -i HOME="$work/home" PATH="$work/no-java-here" LANG=C.UTF-8 XDG_STATE_HOME="$work/state"
      XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config")

if "${bare[@]}" /bin/sh -c 'command -v java' >/dev/null; then
    echo "smoke: java is still reachable in the bare environment" >&2; exit 1
fi

version=$(cd "$work" && "${bare[@]}" "$launcher" --version)
[[ $version =~ ^ActiveLabel\ [0-9] ]] || { echo "smoke: --version printed '$version'" >&2; exit 1; }
echo "smoke: --version: $version"

(cd "$work" && "${bare[@]}" "$launcher" simulate --help) | grep -q "Usage: activelabel simulate" \
    || { echo "smoke: simulate --help did not print its usage" >&2; exit 1; }
echo "smoke: simulate --help: ok"

xvfb=$(command -v Xvfb || true)
if [[ -z $xvfb ]]; then
    echo "smoke: Xvfb not found (apt-get install xvfb); the window was not checked" >&2; exit 1
fi
display=:$(( 90 + RANDOM % 100 ))
"$xvfb" "$display" -screen 0 1280x900x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
sleep 1
log="$work/state/activelabel/logs/window.log"
(cd "$work" && exec "${bare[@]}" DISPLAY="$display" \
    JAVA_TOOL_OPTIONS="-Dorg.slf4j.simpleLogger.log.org.activelabel=info -Dactivelabel.sessions=$work/sessions -Dactivelabel.data=$work/data" \
    "$launcher" >"$work/window.out" 2>&1) &
app_pid=$!
for _ in $(seq 1 120); do
    if [[ -f $log ]] && grep -q "Queue of [0-9]* images shown" "$log"; then
        break
    fi
    if ! kill -0 "$app_pid" 2>/dev/null; then
        echo "smoke: the window exited early" >&2; cat "$work/window.out" "$log" >&2 2>/dev/null; exit 1
    fi
    sleep 1
done
if ! grep -q "Queue of [0-9]* images shown" "$log" 2>/dev/null; then
    echo "smoke: the window did not show the sample's queue within 120 s" >&2
    cat "$work/window.out" "$log" >&2 2>/dev/null; exit 1
fi
echo "smoke: window: $(grep -o 'Queue of [0-9]* images shown [0-9]* ms after the program started' "$log"), log in the XDG state folder"
if pgrep -P "$app_pid" >/dev/null; then
    echo "smoke: the launcher started a second process (a relaunch)" >&2; exit 1
fi
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
echo "smoke: ok"
