#!/usr/bin/env bash
# Builds the one-folder app with PyInstaller and smoke-tests it against the source tree.
#   bash .ci/build-app.sh        → dist/policy-studio-<version>/studio
# The smoke test: the built app reports its version, checks and exports the bundled demo
# library, starts its window offscreen and quits cleanly; its export equals the source tree's.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
bash .ci/setup.sh install
VENV="$ROOT/.venv"
"$VENV/bin/python" -m pip install -q -e ".[build]" --config-settings editable_mode=compat
VERSION=$("$VENV/bin/python" -c "import studio; print(studio.__version__)")
APP="$ROOT/dist/policy-studio-$VERSION"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
# Seconds from start to the window listing the library, then a clean exit (exit status 0).
start_seconds() {
  "$VENV/bin/python" -c 'import subprocess, sys, time
t = time.perf_counter()
out = subprocess.run(sys.argv[1:], capture_output=True, text=True, env={**__import__("os").environ, "STUDIO_EXIT_WHEN_READY": "1"})
assert out.returncode == 0 and out.stdout.startswith("ready 4 packages"), out.stderr[-2000:]
print(f"{time.perf_counter() - t:.2f}")' "$@"
}
tree_hash() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16); }

say "构建 $APP"
start=$SECONDS
"$VENV/bin/pyinstaller" build.spec --noconfirm --clean --log-level WARN
build_seconds=$((SECONDS - start))

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" XDG_DATA_HOME="$WORK/home/.local/share" \
       XDG_CACHE_HOME="$WORK/home/.cache" STUDIO_CONFIG_DIR="$WORK/config" QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME" "$STUDIO_CONFIG_DIR"
printf '{"name": "冒烟测试", "office": "构建"}\n' > "$STUDIO_CONFIG_DIR/settings.json"

say "版本"
frozen_version=$("$APP/studio" --version)
[ "$frozen_version" = "$("$VENV/bin/studio" --version)" ] || { echo "版本不一致：$frozen_version" >&2; exit 1; }

say "检查并导出示例文件库"
DEMO="$APP/_internal/projects"
"$APP/studio" check "$DEMO" --json > "$WORK/frozen-check.json" || [ $? -eq 1 ]
"$VENV/bin/studio" check "$ROOT/projects" --json > "$WORK/source-check.json" || [ $? -eq 1 ]
"$VENV/bin/python" - "$WORK" <<'PY'
import json, sys
from pathlib import Path
work = Path(sys.argv[1])
strip = lambda data: [{k: v for k, v in r.items() if k != "package"} for r in data]
frozen, source = (json.loads((work / f"{n}-check.json").read_text("utf-8")) for n in ("frozen", "source"))
assert strip(frozen) == strip(source), "the built app's checks differ from the source tree's"
PY
"$APP/studio" export "$DEMO" --out "$WORK/frozen-site" > /dev/null
"$VENV/bin/studio" export "$ROOT/projects" --out "$WORK/source-site" > /dev/null
diff -r "$WORK/frozen-site" "$WORK/source-site" || { echo "导出的发布包与源代码导出的不同" >&2; exit 1; }
"$APP/studio" export --verify "$WORK/frozen-site" > /dev/null

say "窗口：离屏启动并正常退出"
before=$(tree_hash "$APP")
frozen_start=$(start_seconds "$APP/studio")
[ "$(tree_hash "$APP")" = "$before" ] || { echo "程序在自己的文件夹中写入了文件" >&2; exit 1; }
copied=$(find "$XDG_DATA_HOME/policy-studio/示例文件库" -name package.json | wc -l)
[ "$copied" -eq 4 ] || { echo "示例文件库没有复制到用户数据文件夹" >&2; exit 1; }
source_start=$(start_seconds "$VENV/bin/studio" gui "$ROOT/projects")

size=$(du -sh "$APP" | cut -f1)
say "完成"
echo "构建用时 ${build_seconds} 秒；文件夹大小 ${size}；冷启动到列出文件库：打包版 ${frozen_start} 秒，源代码 ${source_start} 秒"
