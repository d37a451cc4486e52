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

# Node.js 24 LTS is the runtime. When the system's node is older (Debian 12 ships 18, Debian 13 20),
# install the official Node 24 binaries from the npm registry's `node` package into npm's global
# prefix /usr/local (its bin comes before /usr/bin on PATH; the distro's /usr/bin/node is left alone),
# unless NodeSource is configured.
node_version=24.21.0
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if (($(node_major) < 24)); then
  if [[ -e /etc/apt/sources.list.d/nodesource.list || -e /etc/apt/sources.list.d/nodesource.sources ]]; then
    echo "Node.js $(node --version) is too old and NodeSource is configured: point it at node_24.x (https://github.com/nodesource/distributions), apt-get install nodejs, and run again." >&2
    exit 2
  fi
  if [[ $(id -u) -ne 0 ]]; then
    echo "homelab-bot needs Node.js 24, found $(node --version). Run this script as root, or: npm install -g node@${node_version}" >&2
    exit 2
  fi
  echo "Installing Node.js ${node_version} (npm registry package \"node\", official binaries) into /usr/local"
  npm install -g --prefix /usr/local --no-audit --no-fund "node@${node_version}" </dev/null >/dev/null
  hash -r
  if (($(node_major) < 24)); then
    echo "Node.js ${node_version} is in /usr/local/bin, but \"node\" on PATH is still $(command -v node) ($(node --version)): put /usr/local/bin first in PATH." >&2
    exit 2
  fi
  # Debian 12's npm 9 predates Node 24: use npm 11 (installed by Node 24 itself, so no engine warning).
  if (($(npm --version | cut -d. -f1) < 10)); then
    npm install -g --prefix /usr/local --no-audit --no-fund npm@11 </dev/null >/dev/null
    hash -r
  fi
fi
echo "Node.js $(node --version), npm $(npm --version)"

# Reinstall when the lock changed or node_modules was installed by another Node version (native modules).
stamp=node_modules/.homelab-bot-node-version
if [[ -n "${CI:-}" ]] || [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]] \
  || [[ "$(cat "$stamp" 2>/dev/null)" != "$(node --version)" ]]; then
  npm ci --no-audit --no-fund </dev/null
  node --version >"$stamp"
fi

# `homelab-bot` on PATH: a link to this checkout's bin (it runs the build, or the sources when newer).
if [[ $(id -u) -eq 0 ]]; then
  ln -sfn "$PWD/bin/homelab-bot.js" /usr/local/bin/homelab-bot
else
  echo "To run homelab-bot from anywhere: ln -s $PWD/bin/homelab-bot.js ~/.local/bin/homelab-bot (or add $PWD/bin to PATH)."
fi
