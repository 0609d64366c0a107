#!/bin/sh
# Puts `gradle` on PATH for the Gradle consumer (consumers/gradle): does nothing if it already is;
# else installs Debian's gradle package (Gradle 4.4.1), which needs root and apt-get. Without
# those it fails and says what to install. consumer-tests runs this before the Gradle build.
set -eu

if command -v gradle >/dev/null 2>&1; then
  echo "gradle is on PATH: $(command -v gradle)"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" -ne 0 ]; then
  echo "gradle is not on PATH, and it cannot be installed here: that needs root and apt-get." >&2
  echo "Install Gradle 4.4 to 6.x and put it on PATH (on Debian or Ubuntu, as root:" >&2
  echo "apt-get install gradle), then run the build again." >&2
  exit 1
fi

echo "gradle is not on PATH: installing Debian's gradle package"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends gradle
command -v gradle
