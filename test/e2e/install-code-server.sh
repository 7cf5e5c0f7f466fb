#!/usr/bin/env bash
# Installs code-server (VS Code's server + web client, from the npm registry) into .vscode-test/,
# offline-safe: no install script may download anything. Cached: a second run does nothing.
# Needs Debian's ripgrep and libkrb5-dev (kerberos is built from source). See
# ../shared/docs/offline-vscode.md for why each step is there.
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=4.100.3 # bundles Code 1.100.3, the newest that accepts Node 20
DIR=.vscode-test/code-server-$VERSION
if [ -f "$DIR/.installed" ]; then
  echo "code-server $VERSION: cached in $DIR"
  exit 0
fi
rm -rf "$DIR"
mkdir -p "$DIR"
cd "$DIR"
echo '{"name":"jiaohe-code-server","private":true}' > package.json
npm install --no-audit --no-fund --ignore-scripts "code-server@$VERSION" >/dev/null
VS=node_modules/code-server/lib/vscode
(cd "$VS" && npm install --no-audit --no-fund --omit=dev --ignore-scripts >/dev/null)
mkdir -p "$VS/node_modules/@vscode/ripgrep/bin"
cp "$(command -v rg)" "$VS/node_modules/@vscode/ripgrep/bin/rg"
(cd "$VS" && npm_config_yes=true npm rebuild node-pty @parcel/watcher kerberos @vscode/spdlog native-watchdog @vscode/deviceid @vscode/sqlite3 @vscode/policy-watcher >/dev/null)
(cd "$VS" && ln -sfn node_modules node_modules.asar)
(cd "$VS/extensions" && npm install --no-audit --no-fund --omit=dev --ignore-scripts >/dev/null)
npm_config_yes=true npm rebuild argon2 >/dev/null # hoisted to the top node_modules
touch .installed
echo "code-server $VERSION: installed in $DIR"
