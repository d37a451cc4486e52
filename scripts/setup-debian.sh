#!/usr/bin/env bash
# Installs what homelab-bot needs on a Debian machine (run as root), then the npm dependencies.
#   scripts/setup-debian.sh          runtime only (redis-server, git)
#   scripts/setup-debian.sh --test   also the real test lab: docker.io, docker-compose, sshd,
#                                    qbittorrent-nox, busybox-static, kubectl (the lab starts its own private daemons)
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

runtime=(redis-server git ca-certificates)
lab=(docker.io docker-compose openssh-server openssh-client qbittorrent-nox busybox-static procps tar iproute2)
wanted=("${runtime[@]}")
[[ "${1:-}" == "--test" ]] && wanted+=("${lab[@]}")

missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
# kubectl: the independent client of the Kubernetes API emulator and `kubectl kustomize` of deploy/kubernetes.
# Machines of this project ship kubectl 1.32; Debian's kubernetes-client is only the fallback.
[[ "${1:-}" == "--test" ]] && { command -v kubectl >/dev/null 2>&1 || missing+=(kubernetes-client); }

if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "Missing Debian packages: ${missing[*]}. Run this script as root (or install them) first." >&2
    exit 2
  fi
  echo "Installing: ${missing[*]}"
  # Package scripts must not start system services: the bot and the lab run their own daemons.
  policy=/usr/sbin/policy-rc.d
  created_policy=0
  if [[ ! -e $policy ]]; then printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=1; fi
  apt-get update -qq </dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
  if ((created_policy)); then rm -f "$policy"; fi
fi

# sshd (the lab's fake hosts) refuses to start without its privilege separation directory.
[[ "${1:-}" == "--test" ]] && mkdir -p /run/sshd

# Node.js >= 20.19 is required (Debian 13 ships it; on Debian 12 use NodeSource's nodejs 20 or 22).
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  echo "homelab-bot needs Node.js >= 20.19, found $(node --version). Install a newer nodejs and run again." >&2
  exit 2
fi

if [[ -n "${CI:-}" ]] || [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund </dev/null
fi
