#!/usr/bin/env bash
# Sets up everything the studio needs on Debian/Ubuntu, then starts it or runs the tests.
#   bash .ci/setup.sh start [LIBRARY]   set up, then open the studio on the demo library
#   bash .ci/setup.sh test [PYTEST-ARGS] set up, then run the whole test suite
# Idempotent: what is already installed is not installed again.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV="$ROOT/.venv"
PYTHON=${PYTHON:-python3}

# System packages: Qt's offscreen and xcb platforms, a CJK font, a virtual display,
# LibreOffice without its GUI (imports old Word .doc, WPS, RTF and .odt files) and Tesseract with
# its Simplified Chinese data (reads scanned PDFs and images).
APT_PACKAGES=(
  libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libxkbcommon0
  xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0
  fonts-noto-cjk libreoffice-writer-nogui tesseract-ocr tesseract-ocr-chi-sim
)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "安装系统软件包：${missing[*]}"
    as_root apt-get update -qq
    local log
    log=$(mktemp)
    # apt's progress and debconf notices go to a log, shown only if the install fails.
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" \
      >"$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; return 1; }
    rm -f "$log"
  fi
}

# Browser and checkers for the exported web pages: Debian's Chromium, and from npm
# axe-core (WCAG checks), playwright-core (drives Chromium) and vnu-jar (the Nu HTML checker).
WEB_TOOLS="$VENV/web-tools"
WEB_TOOLS_NPM=(axe-core@4.14.1 playwright-core@1.65.1 vnu-jar@26.9.27)

web_tools() {
  apt_install chromium
  # Java and Node may come from elsewhere (a JDK, NodeSource); install Debian's only when absent.
  command -v java >/dev/null || apt_install default-jre-headless
  command -v npm >/dev/null || apt_install nodejs npm
  local stamp="$WEB_TOOLS/.installed-$(printf '%s\n' "${WEB_TOOLS_NPM[@]}" | sha256sum | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    say "安装网页检查工具：${WEB_TOOLS_NPM[*]}"
    mkdir -p "$WEB_TOOLS"
    npm install --prefix "$WEB_TOOLS" --no-audit --no-fund --silent "${WEB_TOOLS_NPM[@]}" >/dev/null
    rm -f "$WEB_TOOLS"/.installed-*
    touch "$stamp"
  fi
}

python_env() {
  if [ ! -x "$VENV/bin/python" ]; then
    say "创建 Python 虚拟环境 .venv"
    "$PYTHON" -m venv "$VENV"
  fi
  # Reinstall only when the declared dependencies change.
  local stamp="$VENV/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    say "安装 Python 依赖"
    "$VENV/bin/python" -m pip install -qq --upgrade pip >/dev/null
    # -qq: the build backend's notices about editable installs are not for the user.
    "$VENV/bin/python" -m pip install -qq -e ".[test]" --config-settings editable_mode=compat
    rm -f "$VENV"/.installed-*
    touch "$stamp"
  fi
}

cmd=${1:-}
shift || true
case "$cmd" in
  start)
    apt_install "${APT_PACKAGES[@]}"
    python_env
    library=${1:-"$ROOT/projects"}
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
      exec "$VENV/bin/studio" gui "$library"
    else
      say "没有检测到图形显示，在虚拟显示（Xvfb）中启动"
      exec xvfb-run -a -s "-screen 0 1600x1000x24" "$VENV/bin/studio" gui "$library"
    fi
    ;;
  install)
    apt_install "${APT_PACKAGES[@]}"
    python_env
    ;;
  test)
    apt_install "${APT_PACKAGES[@]}"
    python_env
    web_tools
    say "静态检查：ruff（代码规范、导入顺序）和 mypy（类型）"
    "$VENV/bin/ruff" check studio tests benches scripts
    "$VENV/bin/mypy"
    export QT_QPA_PLATFORM=offscreen
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
  *)
    echo "用法：bash .ci/setup.sh start [文件库] | test [pytest 参数] | install" >&2
    exit 2
    ;;
esac
