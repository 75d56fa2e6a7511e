"""Rendering the packages that changed, on every core when there are many.

A job reads one package folder once, proves it (see service/publishing), decides what it
publishes and, when that differs from the previous export, renders its pages. Jobs share nothing, so they run in worker
processes; results come back in folder order, so the bundle is the same either way.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studio.domain.errors import StudioError, os_error_message
from studio.domain.hashing import content_hash
from studio.domain.pieces import EXPLAINER
from studio.render.export import layout
from studio.render.export.media import renderer_fingerprint
from studio.render.export.package_pages import RenderedPackage, render_package
from studio.render.export.page_context import Site
from studio.render.export.search_index import group_script, normalise
from studio.render.export.source import ExportRefused, PublishedPackage, published_version
from studio.service.publishing import ProofContext, Verdict, read_and_judge
from studio.store.package_file import FILE_NAME, MEDIA_DIR

# Below this many packages to render, starting worker processes costs more than it saves.
PARALLEL_MIN = 24
MAX_WORKERS = 4


def folder_signature(folder: Path) -> list:
    """How the package folder looks on disk: changes whenever its file or media change.

    Links are looked at, never followed (a dangling one is as good a change as any).
    """
    try:
        st = os.stat(os.path.join(folder, FILE_NAME))
        media = os.path.join(folder, MEDIA_DIR)
        files = []
        if os.path.isdir(media):
            for name in sorted(os.listdir(media)):
                s = os.lstat(os.path.join(media, name))
                files.append([name, s.st_size, s.st_mtime_ns])
    except OSError:
        return []  # unreadable: the job reports why
    return [st.st_mtime_ns, st.st_size, files]


def content_key(pub: PublishedPackage, signature: list) -> str:
    """Changes whenever anything the package's pages show changes."""
    explainer = pub.package.pieces.present(EXPLAINER)
    return content_hash({
        "package": pub.package.to_dict(),
        "hashes": pub.hashes,
        "preview": pub.preview,
        "media": signature[2],
        "renderer": renderer_fingerprint() if explainer else "",
    })


@dataclass(frozen=True)
class Job:
    folder: Path
    signature: list
    preview: bool
    site: Site
    cache_dir: Path | None
    # The previous export's key, when its files are still intact in the bundle ('' otherwise).
    previous_key: str = ""
    # Prove the package before publishing it (None for previews and measurements) ...
    proof: ProofContext | None = None
    # ... unless this key of the proof cache still holds for the file and media read.
    cached_proof: str = ""


@dataclass
class JobResult:
    folder: Path
    signature: list
    refused: str = ""
    key: str = ""
    unchanged: bool = False
    # The package could not be read at all (damaged file, no permission): `refused` says why.
    broken: bool = False
    pub: PublishedPackage | None = None
    rendered: RenderedPackage | None = None
    # The package's words as the search index takes them (normalised here, off the main process).
    search_text: str = ""
    # The proof's verdict, when the job proved the package (refused: `refused` says why).
    verdict: Verdict | None = None


def run_job(job: Job) -> JobResult:
    try:
        return _run_job(job)
    except ExportRefused as e:
        return JobResult(job.folder, job.signature, refused=e.message)
    except StudioError as e:
        return _broken(job, e.message)


def _broken(job: Job, reason: str) -> JobResult:
    named = reason if f"“{job.folder.name}”" in reason else f"文件包“{job.folder.name}”无法读取：{reason}"
    return JobResult(job.folder, job.signature, refused=named, broken=True)


def _run_job(job: Job) -> JobResult:
    try:
        if not job.signature:
            os.stat(job.folder / FILE_NAME)  # raises the reason it could not be looked at
        verdict, stored = None, None
        if job.proof is not None:
            verdict, stored = read_and_judge(job.folder, job.proof, job.cached_proof)
            if verdict.refused:
                return JobResult(job.folder, job.signature, refused=verdict.refused, broken=verdict.broken,
                                 verdict=verdict)
        pub = published_version(job.folder, job.preview, stored)
    except OSError as e:  # reading the package; a failure to write the bundle stops the export
        return _broken(job, os_error_message(e))
    key = content_key(pub, job.signature)
    if key == job.previous_key:
        return JobResult(job.folder, job.signature, key=key, unchanged=True, verdict=verdict)
    rendered = render_package(pub, layout.slug_for(pub.package.id), job.site, job.cache_dir)
    return JobResult(job.folder, job.signature, key=key, pub=pub, rendered=rendered,
                     search_text=normalise(rendered.search_text), verdict=verdict)


def run_group(item: tuple[str, dict[str, str]]) -> bytes:
    """One search index group's script (bigram extraction is the costly part of the index)."""
    return group_script(*item)


class Workers:
    """Worker processes for an export, started only once there is enough work for them."""

    def __init__(self) -> None:
        self.count = min(os.cpu_count() or 1, MAX_WORKERS)
        self._pool: ProcessPoolExecutor | None = None

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        """Results in the order of `items`, each available as soon as it and those before it are done."""
        items = list(items)
        if self._pool is None and (len(items) < PARALLEL_MIN or self.count < 2):
            return map(fn, items)
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.count)
        return self._pool.map(fn, items, chunksize=max(1, len(items) // (self.count * 8)))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
