#!/usr/bin/env bash
# Installs what the real-editor tests need, from Debian's packages and the npm registry only,
# into .e2e-cache/ (git-ignored). Idempotent: does nothing when everything is already there.
# Pinned: code-server 4.100.3 (= VS Code 1.100.3, the newest that runs on Node 20),
# Neovim and Chromium from Debian (0.7.2 and the current chromium on bookworm); playwright-core
# (pinned in package.json devDependencies) drives that Chromium, it downloads no browser.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CACHE="$ROOT/.e2e-cache"
CODE_SERVER_VERSION=4.100.3
mkdir -p "$CACHE"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v nvim >/dev/null 2>&1 || need_apt+=(neovim)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
# Japanese text in the workbench (screenshots) needs a CJK font.
dpkg -s fonts-ipafont-gothic >/dev/null 2>&1 || need_apt+=(fonts-ipafont-gothic)
# Word in and out: pandoc (an independent .docx producer), LibreOffice Writer headless (renders an
# exported document), poppler's pdftoppm (the PDF as PNG), a Mincho font for the body text.
# Installed without recommended packages (LibreOffice's would add Java and much else).
need_word=()
command -v pandoc >/dev/null 2>&1 || need_word+=(pandoc)
command -v soffice >/dev/null 2>&1 || need_word+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || need_word+=(poppler-utils)
dpkg -s fonts-ipafont-mincho >/dev/null 2>&1 || need_word+=(fonts-ipafont-mincho)
if [ ! -f "$CACHE/cs/node_modules/code-server/package.json" ]; then
  dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
  dpkg -s pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "e2e setup: apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
if [ ${#need_word[@]} -gt 0 ]; then
  echo "e2e setup: apt-get install --no-install-recommends ${need_word[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  [ ${#need_apt[@]} -gt 0 ] || $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_word[@]}" >/dev/null
fi

if [ ! -x "$CACHE/cs/node_modules/.bin/code-server" ]; then
  echo "e2e setup: installing code-server $CODE_SERVER_VERSION (about 2 minutes)"
  rm -rf "$CACHE/cs" && mkdir -p "$CACHE/cs" "$CACHE/tmp"
  cd "$CACHE/cs"
  npm init -y >/dev/null
  # @vscode/ripgrep downloads rg from GitHub in its postinstall; seed its cache with Debian's rg.
  export TMPDIR="$CACHE/tmp"
  RG_CACHE="$TMPDIR/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$RG_CACHE"
  tar czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
  # unsafe-perm: code-server's postinstall refuses root otherwise; yes: node-pty runs `npx node-gyp`.
  npm_config_yes=true npm_config_unsafe_perm=true npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >/dev/null
fi

echo "e2e setup: ready (code-server $(node -p "require('$CACHE/cs/node_modules/code-server/package.json').version"), $(chromium --version), $(nvim --version | head -1), $(pandoc --version | head -1), $(soffice --version))"
