#!/usr/bin/env bash
# Installs xiaowang-agent on a school's Linux server or gateway (校网采集端安装脚本).
# Idempotent: run it again to upgrade; --uninstall removes the program but keeps the
# config (token, SNMP credentials) and the spool of unsent reports.
set -euo pipefail

PREFIX=/opt/xiaowang-agent
CONFIG_DIR=/etc/xiaowang
STATE_DIR=/var/lib/xiaowang-agent
SERVICE_USER=xiaowang
UNIT_DIR=/etc/systemd/system
MODE=install
USE_SYSTEMD=auto
SOURCE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

say() { printf '%s\n' "$*"; }
die() { printf 'xiaowang-agent install: %s\n' "$*" >&2; exit 1; }

usage() {
  cat <<USAGE
用法 / usage: deploy/install-agent.sh [--prefix DIR] [--config-dir DIR] [--state-dir DIR]
       [--user NAME] [--unit-dir DIR] [--no-systemd] [--uninstall]
  --prefix      program files (default $PREFIX)
  --config-dir  agent.json with the token and SNMP credentials (default $CONFIG_DIR)
  --state-dir   spool of unsent reports and state (default $STATE_DIR)
  --no-systemd  install files only, do not create a user or enable the service
  --uninstall   remove the program and the service; keep config and spool
USAGE
}

while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) PREFIX=${2:?--prefix needs a directory}; shift 2 ;;
    --config-dir) CONFIG_DIR=${2:?--config-dir needs a directory}; shift 2 ;;
    --state-dir) STATE_DIR=${2:?--state-dir needs a directory}; shift 2 ;;
    --user) SERVICE_USER=${2:?--user needs a name}; shift 2 ;;
    --unit-dir) UNIT_DIR=${2:?--unit-dir needs a directory}; shift 2 ;;
    --no-systemd) USE_SYSTEMD=no; shift ;;
    --uninstall) MODE=uninstall; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "未知选项 unknown option: $1" ;;
  esac
done

if [ "$USE_SYSTEMD" = auto ]; then
  if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    USE_SYSTEMD=yes
  else
    USE_SYSTEMD=no
    say "systemd 未运行（容器或 CI）：只安装文件，不创建用户、不启用服务。"
    say "systemd is not running (a container or CI): installing files only; no user, no service enabled."
  fi
fi

if [ "$MODE" = uninstall ]; then
  if [ "$USE_SYSTEMD" = yes ]; then
    systemctl disable --now xiaowang-agent.service 2>/dev/null || true
    rm -f "$UNIT_DIR/xiaowang-agent.service"
    systemctl daemon-reload
  fi
  rm -rf "$PREFIX"
  say "已卸载程序；保留了配置 $CONFIG_DIR 和待发送报告 $STATE_DIR。"
  say "Program removed; kept the config in $CONFIG_DIR and unsent reports in $STATE_DIR."
  exit 0
fi

NODE=$(command -v node || true)
[ -n "$NODE" ] || die "需要 Node.js 20 或更高版本 / Node.js 20 or later is required: install it first (e.g. apt-get install nodejs)."
NODE_MAJOR=$("$NODE" -p 'process.versions.node.split(".")[0]')
[ "$NODE_MAJOR" -ge 20 ] || die "Node.js $("$NODE" --version) 太旧 / is too old: version 20 or later is required."

# Build the single-file agent from this checkout (needs its node_modules: npm ci).
[ -d "$SOURCE_DIR/node_modules/esbuild" ] || die "在 $SOURCE_DIR 先运行 npm ci / run 'npm ci' in $SOURCE_DIR first."
mkdir -p "$PREFIX/lib" "$PREFIX/bin"
# Node flags for the gateway (deploy/agent-node-flags): the unit and the wrapper share them.
NODE_FLAGS=$(grep -v -e '^#' -e '^[[:space:]]*$' "$SOURCE_DIR/deploy/agent-node-flags" | tr '\n' ' ' | sed 's/ *$//')
# shellcheck disable=SC2086 # the flags are words on purpose
"$NODE" $NODE_FLAGS -e 0 2>/dev/null || die "Node.js $("$NODE" --version) 不接受 deploy/agent-node-flags 中的参数，请删去它拒绝的那一行 / does not accept the flags in deploy/agent-node-flags ($NODE_FLAGS): remove the line it refuses."
"$NODE" "$SOURCE_DIR/deploy/build-agent.mjs" "$PREFIX/lib/xiaowang-agent.mjs.new"
mv -f "$PREFIX/lib/xiaowang-agent.mjs.new" "$PREFIX/lib/xiaowang-agent.mjs"
cat > "$PREFIX/bin/xiaowang-agent" <<WRAPPER
#!/bin/sh
exec "$NODE" $NODE_FLAGS "$PREFIX/lib/xiaowang-agent.mjs" "\$@"
WRAPPER
chmod 0755 "$PREFIX/bin/xiaowang-agent"
cp "$SOURCE_DIR/agent/README.md" "$PREFIX/README.md" 2>/dev/null || true

if [ "$USE_SYSTEMD" = yes ] && ! id "$SERVICE_USER" >/dev/null 2>&1; then
  useradd --system --home-dir "$STATE_DIR" --shell /usr/sbin/nologin "$SERVICE_USER"
fi
mkdir -p "$CONFIG_DIR" "$STATE_DIR/spool"
chmod 0750 "$CONFIG_DIR"
chmod 0700 "$STATE_DIR" "$STATE_DIR/spool"
if [ "$USE_SYSTEMD" = yes ]; then
  chown -R "$SERVICE_USER:$SERVICE_USER" "$STATE_DIR"
  chgrp "$SERVICE_USER" "$CONFIG_DIR"
  [ -f "$CONFIG_DIR/agent.json" ] && chown "$SERVICE_USER:$SERVICE_USER" "$CONFIG_DIR/agent.json"
fi

UNIT_TARGET="$UNIT_DIR/xiaowang-agent.service"
[ "$USE_SYSTEMD" = yes ] || UNIT_TARGET="$PREFIX/xiaowang-agent.service"
mkdir -p "$(dirname "$UNIT_TARGET")"
sed -e "s#@PREFIX@#$PREFIX#g" -e "s#@CONFIG@#$CONFIG_DIR/agent.json#g" -e "s#@CONFIG_DIR@#$CONFIG_DIR#g" \
    -e "s#@STATE@#$STATE_DIR#g" -e "s#@USER@#$SERVICE_USER#g" -e "s#@NODE@#$NODE#g" \
    -e "s#@NODE_FLAGS@#$NODE_FLAGS#g" \
    "$SOURCE_DIR/deploy/systemd/xiaowang-agent.service" > "$UNIT_TARGET.new"
mv -f "$UNIT_TARGET.new" "$UNIT_TARGET"

if [ "$USE_SYSTEMD" = yes ]; then
  systemctl daemon-reload
  systemctl enable xiaowang-agent.service >/dev/null
  if [ -f "$CONFIG_DIR/agent.json" ]; then systemctl restart xiaowang-agent.service; fi
fi

say "已安装 xiaowang-agent 到 $PREFIX。 Installed xiaowang-agent in $PREFIX."
if [ ! -f "$CONFIG_DIR/agent.json" ]; then
  say "下一步 / next: $PREFIX/bin/xiaowang-agent enroll --collector https://… --code XXXX-XXXX-XXXX-XXXX --config $CONFIG_DIR/agent.json"
fi
