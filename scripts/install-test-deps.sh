#!/usr/bin/env bash
# Installs the system packages the integration tests need (PostgreSQL server,
# Chromium + chromedriver) on Debian/Ubuntu. Safe to re-run: does nothing,
# not even `apt-get update`, when everything is already installed.
set -euo pipefail

packages=(postgresql chromium chromium-driver)

# Developers usually are not root; CI containers usually are and have no sudo.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done

if [ "${#missing[@]}" -eq 0 ]; then
    echo "install-test-deps: already installed: ${packages[*]}"
    exit 0
fi

echo "install-test-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Mirrors occasionally fail transiently (hash sum mismatch, 5xx); one retry
# covers most of that without hiding a genuinely broken sources list.
if ! as_root apt-get update -qq; then
    echo "install-test-deps: apt-get update failed, retrying once in 5 s" >&2
    sleep 5
    as_root apt-get update -qq
fi
as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends -o Dpkg::Use-Pty=0 "${missing[@]}" >/dev/null
echo "install-test-deps: done"
