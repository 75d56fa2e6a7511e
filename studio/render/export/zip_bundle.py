"""The bundle as one zip file beside the folder, byte-identical for the same bundle."""

from __future__ import annotations

import os
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

from studio.render.export.listing import ListingEntry

_EPOCH = (1980, 1, 1, 0, 0, 0)


def _stamp(entries: list[ListingEntry]) -> tuple[int, int, int, int, int, int]:
    """The newest release time: a zip must carry a date, and the clock's would differ each time."""
    newest = max((e.released_at for e in entries if e.released_at), default="")
    if not newest:
        return _EPOCH
    moment = datetime.fromisoformat(newest)
    return (max(1980, moment.year), moment.month, moment.day, moment.hour, moment.minute, moment.second - moment.second % 2)


def zip_path_for(out_dir: Path) -> Path:
    return out_dir.with_name(out_dir.name + ".zip")


def write_zip(out_dir: Path, entries: list[ListingEntry]) -> Path:
    target = zip_path_for(out_dir)
    stamp = _stamp(entries)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            for path in sorted(p for p in out_dir.rglob("*") if p.is_file()):
                rel = path.relative_to(out_dir).as_posix()
                info = zipfile.ZipInfo(f"{out_dir.name}/{rel}", date_time=stamp)
                info.external_attr = 0o644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 3
                zf.writestr(info, path.read_bytes())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
