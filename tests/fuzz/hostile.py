"""Hostile and broken input for the command line, run the way a user runs it, with a verdict.

Three kinds of case: a package.json turned into valid JSON of another shape, a file of
random or damaged bytes imported as a piece, and random command-line arguments. Each runs
the real `studio` command in-process inside a sandbox holding a copy of a library, a user's
own files beside it and an earlier bundle; the verdict says whether anything escaped as a
traceback (or as the last-resort "unexpected error"), whether a file the studio did not
write went missing or changed, and whether a planted secret reached a bundle.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from studio.cli.main import main
from tests.export import content as c

UNEXPECTED = "出现了意外的错误"
# Never to be published: what the library's non-public packages and its review trail hold.
SECRETS = (c.WITHHELD_SECRET, c.WITHHELD_REASON, c.RETURN_COMMENT, c.REVIEW_COMMENT, c.REVIEW2_COMMENT,
           c.SIGN_COMMENT, "用户自己的机密笔记-请勿外传")
USER_FILES = {"领导批示-请勿删除.docx": b"PK\x03\x04 leader's notes", "笔记.txt": "用户自己的机密笔记-请勿外传".encode()}


@dataclass
class Verdict:
    tracebacks: list[str] = field(default_factory=list)
    deleted_or_changed: list[str] = field(default_factory=list)
    leaked: list[str] = field(default_factory=list)

    def ok(self) -> bool:
        return not (self.tracebacks or self.deleted_or_changed or self.leaked)


class Sandbox:
    """A library copy, a user's folder of own files beside it, and an earlier bundle."""

    def __init__(self, template: Path, root: Path):
        self.root = root
        self.library = root / "library"
        shutil.copytree(template, self.library, symlinks=True)
        self.user = root / "我的文档"
        self.user.mkdir()
        for name, data in USER_FILES.items():
            (self.user / name).write_bytes(data)
        self.folders = sorted(p for p in self.library.iterdir() if (p / "package.json").is_file())
        self.snapshot = self._user_state()
        self.saved = {p: p.read_bytes() for p in self.library.rglob("*") if p.is_file() and not p.is_symlink()}
        self.saved_stat = {p: self._stat(p) for p in self.saved}

    @staticmethod
    def _stat(path: Path) -> tuple[int, int, int]:
        st = path.lstat()
        return st.st_size, st.st_mtime_ns, st.st_mode

    def reset(self) -> None:
        """The library as it was, for the next case (the bundles beside it stay: re-exports are quick)."""
        for path in sorted(self.library.rglob("*"), reverse=True):
            if path in self.saved:
                continue
            if path.is_dir() and not path.is_symlink():
                if not any(p.is_relative_to(path) for p in self.saved):
                    shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
        for path, data in self.saved.items():
            try:
                unchanged = self._stat(path) == self.saved_stat[path]
            except OSError:
                unchanged = False
            if not unchanged:
                path.parent.mkdir(parents=True, exist_ok=True)
                if path.exists() or path.is_symlink():
                    path.chmod(0o644)
                    path.unlink()
                path.write_bytes(data)
                self.saved_stat[path] = self._stat(path)
        shutil.rmtree(self.root / "incoming", ignore_errors=True)

    def _user_state(self) -> dict[str, str]:
        return {p.relative_to(self.root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(self.user.rglob("*")) if p.is_file()}

    def check(self, verdict: Verdict) -> None:
        now = self._user_state()
        verdict.deleted_or_changed += [p for p, h in self.snapshot.items() if now.get(p) != h]
        for bundle in (self.root / "site", self.user / "site"):
            if not bundle.is_dir():
                continue
            for path in bundle.rglob("*"):
                if path.is_file() and not path.is_symlink():
                    data = path.read_bytes()
                    verdict.leaked += [f"{path.name}: {s}" for s in SECRETS if s.encode() in data]


def run_cli(argv: list[str], verdict: Verdict) -> int | None:
    """The command as a user runs it; anything escaping is a traceback."""
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    except SystemExit as e:  # argparse's own usage errors and --help
        code = e.code if isinstance(e.code, int) else 2
    except BaseException as e:  # noqa: BLE001 - the point of the exercise
        verdict.tracebacks.append(f"{argv!r}: {type(e).__name__}: {e}"[:300])
        return None
    if UNEXPECTED in err.getvalue() or "Traceback" in err.getvalue() + out.getvalue():
        verdict.tracebacks.append(f"{argv!r}: {err.getvalue()[:300]}")
    return code


# -- package.json of any shape ------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**20) | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            found += _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found += _paths(v, prefix + (i,))
    return found


@st.composite
def package_mutation(draw: st.DrawFn, raw: dict) -> dict:
    """A package.json with one to three places replaced, removed or renamed."""
    data = json.loads(json.dumps(raw))
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(data) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        action = draw(st.sampled_from(["replace", "delete", "rename"]))
        if action == "replace":
            parent[path[-1]] = draw(json_values)
        elif action == "delete" and isinstance(parent, dict):
            del parent[path[-1]]
        elif action == "rename" and isinstance(parent, dict):
            parent[draw(st.text(max_size=6))] = parent.pop(path[-1])
    return data


COMMANDS = [["check", "{pkg}"], ["show", "{pkg}"], ["log", "{pkg}"], ["verify", "{pkg}"], ["check", "{lib}"],
            ["set", "{pkg}", "title=新标题", "--user", "张三"], ["submit", "{pkg}", "--user", "张三"],
            ["export", "{pkg}", "--out", "{root}/site"], ["export", "{lib}", "--out", "{root}/site"],
            ["export", "{lib}", "--out", "{user}"], ["export", "{lib}", "--out", "{pkg}/media"]]


def command(template: list[str], box: Sandbox, pkg: Path) -> list[str]:
    places = {"{pkg}": str(pkg), "{lib}": str(box.library), "{root}": str(box.root), "{user}": str(box.user)}
    out = []
    for arg in template:
        for key, value in places.items():
            arg = arg.replace(key, value)
        out.append(arg)
    return out


# -- files to import ------------------------------------------------------------

def sample_docx() -> bytes:
    """A small real Word file for the import cases to mutate."""
    import docx

    d = docx.Document()
    d.add_paragraph("第一条 补贴标准为每人每月500元。")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _docx_member_bytes(seed: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", seed[:50])
        z.writestr("word/document.xml", b"<w:document>" + seed + b"</w:document>")
    return buf.getvalue()


ENCODINGS = ["utf-8", "utf-16", "utf-16-be", "gb18030", "big5", "shift_jis", "latin-1", "utf-32"]
TEXT_PIECES = "第一条 补贴标准为每人每月500元。\n" + "<div>" * 50 + "机密★\n" + "\u202e\x00\x1b\r\n"


@st.composite
def import_file(draw: st.DrawFn, docx_sample: bytes) -> tuple[str, bytes]:
    suffix = draw(st.sampled_from([".docx", ".html", ".htm", ".txt", ".md", ".json", ".docm", ".pdf", ".doc"]))
    kind = draw(st.sampled_from(["random", "truncated", "encoded", "zip", "deep"]))
    if kind == "random":
        data = draw(st.binary(max_size=400))
    elif kind == "truncated":
        data = docx_sample[: draw(st.integers(0, len(docx_sample)))]
    elif kind == "encoded":
        text = draw(st.text(max_size=60)) + TEXT_PIECES
        data = text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    elif kind == "zip":
        data = _docx_member_bytes(draw(st.binary(max_size=200)))
    else:
        depth = draw(st.integers(100, 20000))
        data = (("<div>" * depth) + "正文" + ("</div>" * depth)).encode()
    name = draw(st.text(alphabet="政策abc\n\r\t\u202e.-_ ", min_size=1, max_size=12)).replace("/", "")
    return (name.strip() or "文件") + suffix, data


# -- command-line arguments -------------------------------------------------------

OPTIONS = ["--user", "--office", "--json", "--out", "--piece", "--comment", "--today", "--force", "--preview",
           "--zip", "--base-url", "--title", "--help", "-h", "--verify", "--site-name", "--", "-"]
VERBS = ["new", "set", "import", "link", "unlink", "add-form", "submit", "review", "sign", "release", "return",
         "amend", "check", "show", "log", "verify", "unlock", "whoami", "settings", "export", "render-explainer"]


@st.composite
def cli_arguments(draw: st.DrawFn) -> list[str]:
    words = st.one_of(st.sampled_from(OPTIONS), st.sampled_from(["{pkg}", "{lib}", "{user}", "{root}/site",
                                                                    "title=\udcff", "\udcfe", "policy", "2026-13-45"]),
                      st.text(max_size=10))
    return [draw(st.sampled_from(VERBS)), *draw(st.lists(words, max_size=6))]


# -- one case of each kind ----------------------------------------------------------

def package_case(box: Sandbox, mutated: dict, which: int, cmd: list[str], verdict: Verdict) -> None:
    folder = box.folders[which % len(box.folders)]
    (folder / "package.json").write_text(json.dumps(mutated, ensure_ascii=False), "utf-8")
    run_cli(command(cmd, box, folder), verdict)
    box.check(verdict)


def import_case(box: Sandbox, name: str, data: bytes, piece: str, which: int, verdict: Verdict) -> None:
    folder = box.folders[which % len(box.folders)]
    incoming = box.root / "incoming"
    incoming.mkdir(exist_ok=True)
    path = incoming / name.replace("/", "_")
    try:
        path.write_bytes(data)
    except OSError:
        return  # a name the file system itself refuses: not the studio's to judge
    run_cli(["import", str(folder), "--piece", piece, str(path), "--user", "张三"], verdict)
    box.check(verdict)


def cli_case(box: Sandbox, argv: list[str], verdict: Verdict) -> None:
    run_cli(command(argv, box, box.folders[0]), verdict)
    box.check(verdict)
