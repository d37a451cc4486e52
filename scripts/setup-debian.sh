#!/usr/bin/env bash
# Installs what homelab-bot needs on a Debian machine (run as root), then the npm dependencies.
#   scripts/setup-debian.sh          runtime only (redis-server, git)
#   scripts/setup-debian.sh --test   also the real test lab (docker.io, docker-compose, sshd, qbittorrent-nox, busybox-static)
set -euo pipefail
cd "$(dirname "$0")/.."

runtime=(redis-server git ca-certificates)
lab=(docker.io docker-compose openssh-server openssh-client qbittorrent-nox busybox-static iproute2 procps)
wanted=("${runtime[@]}")
[[ "${1:-}" == "--test" ]] && wanted+=("${lab[@]}")

missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ! command -v node >/dev/null 2>&1; then missing+=(nodejs npm); fi
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "Missing Debian packages: ${missing[*]}. Run this script as root (or install them) first." >&2
    exit 2
  fi
  echo "Installing: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Node.js >= 20.19 is required (Debian 13 ships it; on Debian 12 use NodeSource's nodejs 20 or 22).
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  echo "homelab-bot needs Node.js >= 20.19, found $(node --version). Install a newer nodejs and run again." >&2
  exit 2
fi

if [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi
