#!/usr/bin/env bash
# Screenshots of the desktop window for README.md and docs/ui.md, taken under Xvfb (apt-get install xvfb).
#   docs/screenshots/take.sh
# 1. The GUI scenario of bundles/ui-swing (GuiUnderXvfbTest): two real windows, each with a real torrent engine
#    on loopback, the seeder with the real wallet on the embedded chain (anvil); the seeder creates and seeds,
#    the leecher adds the magnets and downloads. It saves main.png, main-downloading.png, details-peers.png,
#    create.png, add.png, wallet.png, main-dark.png.
# 2. The real application (./web3torrent, or the launcher of W3T_APP_HOME) with its own data folder, driven by
#    keyboard shortcuts through java.awt.Robot (Drive.java): app-main.png, app-add.png, app-wallet.png,
#    app-settings.png, app-payments-menu.png; then it installs the batched strategy bundle from Payments >
#    Install strategy bundle... (the copy of the application it runs lacks it) and checks in the log that
#    it became the active strategy: app-installed.png, app-payments-menu-after-install.png.
#    Skipped, with a message, while the distribution lacks ui-swing.
# 3. PaidWindowsIT (itests): two real applications, a paid download between them driven through their windows:
#    paid-details-peers-leecher.png, paid-details-peers-seeder.png, paid-main-leecher.png,
#    paid-details-channels.png, and app-payments-menu-after-install.png again.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/docs/screenshots"
command -v Xvfb >/dev/null || { echo "take.sh: Xvfb is missing: apt-get install xvfb" >&2; exit 1; }

echo "take.sh: running the GUI scenario (about a minute)..."
(cd "$root" && mvn -B -q -o -pl bundles/ui-swing install -Dtest=GuiUnderXvfbTest \
    -Dsurefire.failIfNoSpecifiedTests=false)
cp "$root"/bundles/ui-swing/target/screenshots/*.png "$out/"

home="${W3T_APP_HOME:-$root/distribution/target/web3torrent}"
if ! ls "$home"/bundle/ui-swing-*.jar >/dev/null 2>&1; then
  echo "take.sh: $home has no ui-swing bundle yet: skipping the screenshots of the real application"
  exit 0
fi

# A copy of the application without the batched strategy, which is then installed from the Payments menu.
app_home="$(mktemp -d)"
cp -r "$home/." "$app_home/"
batched="$(ls "$app_home"/bundle/strategy-batched-*.jar | head -1)"
install_me="$app_home/strategy-batched.jar"
mv "$batched" "$install_me"

display=99
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
data="$(mktemp -d)"
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  # The embedded chain outlives the application on purpose (the next start reuses it): stop this one.
  if [ -f "$data/chain/anvil.url" ]; then kill "$(cut -d' ' -f2 "$data/chain/anvil.url")" 2>/dev/null || true; fi
  rm -rf "$data" "$app_home"
}
trap cleanup EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done

echo "take.sh: starting the application on :$display..."
DISPLAY=":$display" java -Dweb3torrent.home="$app_home" -cp "$app_home/lib/*" org.web3torrent.launcher.Main \
    --data "$data" >"$data.log" 2>&1 &
app=$!
for _ in $(seq 120); do
  grep -q "window open" "$data/logs/web3torrent.log" 2>/dev/null && break
  kill -0 "$app" 2>/dev/null || { cat "$data.log" >&2; echo "take.sh: the application exited" >&2; exit 1; }
  sleep 0.5
done
grep -q "window open" "$data/logs/web3torrent.log" || { echo "take.sh: no window after 60 s" >&2; exit 1; }
DISPLAY=":$display" java "$out/Drive.java" "$out" "$install_me"
# Drive quits with Ctrl+Q: closing the window stops the application.
for _ in $(seq 60); do kill -0 "$app" 2>/dev/null || break; sleep 0.5; done
if kill -0 "$app" 2>/dev/null; then echo "take.sh: the application did not stop when its window closed" >&2; exit 1; fi
app=""
if grep -q "active payment strategy is now 'batched'" "$data/logs/web3torrent.log"; then
  echo "take.sh: the strategy bundle installed from the Payments menu became the active strategy"
else
  echo "take.sh: installing the strategy bundle from the Payments menu did not make it active" >&2; exit 1
fi
rm -f "$data.log"

echo "take.sh: running PaidWindowsIT (two applications, a paid download; about two minutes)..."
(cd "$root" && mvn -B -q -o -pl itests/gui-driver,itests verify -Dit.test=PaidWindowsIT)
for f in paid-details-peers-leecher paid-details-peers-seeder paid-main-leecher paid-details-channels \
    app-payments-menu-after-install; do
  if [ -f "$root/itests/target/gui-it/screenshots/$f.png" ]; then
    cp "$root/itests/target/gui-it/screenshots/$f.png" "$out/"
  else
    echo "take.sh: PaidWindowsIT left no $f.png (is it still @Disabled? see docs/ui.md): kept the old one" >&2
  fi
done
echo "take.sh: screenshots in $out"
