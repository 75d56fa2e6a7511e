"""Export a package or a library to a bundle folder (and optionally a zip).

A package is re-rendered only when what it publishes changed; otherwise its files
are taken over from the previous bundle. The listing pages, feed, sitemap, search
documents and site metadata are rebuilt every time, the search index group by group.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from studio import __version__
from studio.domain.errors import InvalidInput
from studio.domain.hashing import content_hash
from studio.paths import app_root, assets_dir
from studio.render.export import layout
from studio.render.export.bundle_writer import BundleWriter
from studio.render.export.export_state import BundleFile, ExportState, PackageState
from studio.render.export.listing import ListingEntry
from studio.render.export.package_pages import render_package
from studio.render.export.page_context import DEFAULT_SITE_NAME, Site
from studio.render.export.render_jobs import Job, JobResult, Workers, folder_signature, run_group, run_job
from studio.render.export.search_index import group_file, group_of, normalise
from studio.render.export.site_pages import compact_json, site_files
from studio.render.export.source import ExportRefused, PublishedPackage
from studio.render.export.zip_bundle import write_zip
from studio.service.library_access import package_folders_of
from studio.service.publishing import ExportProofs


@dataclass(frozen=True)
class ExportOptions:
    preview: bool = False
    base_url: str = ""
    site_name: str = DEFAULT_SITE_NAME
    make_zip: bool = False
    # Prove every package (chain, signatures, snapshot, media, safety) before publishing it.
    # Only measurements turn this off; no command offers it.
    prove: bool = True

    def site(self) -> Site:
        return Site(self.site_name.strip() or DEFAULT_SITE_NAME, self.base_url.strip().rstrip("/"), self.preview)


@dataclass(frozen=True)
class Skipped:
    folder: Path
    reason: str
    # Not merely unpublishable: the package could not be read (the export went on without it).
    broken: bool = False


@dataclass
class ExportReport:
    out_dir: Path
    packages: int = 0
    rendered: list[str] = field(default_factory=list)
    reused: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    # Packages refused because their history or content is not proven (a subset of skipped).
    refused: list[Skipped] = field(default_factory=list)
    files: int = 0
    zip_path: Path | None = None
    warnings: list[str] = field(default_factory=list)


# progress(done, total, what): called as the export advances; raise ExportCancelled in it to stop.
Progress = Callable[[int, int, str], None]


class ExportCancelled(Exception):
    """Raised from a progress callback: the export stops and the previous bundle stays as it was."""


def _no_progress(done: int, total: int, what: str) -> None:
    pass


@lru_cache(maxsize=1)
def export_fingerprint() -> str:
    """Changes whenever templates, styles, scripts or the page code change."""
    digest = hashlib.sha256(__version__.encode())
    sources = [assets_dir() / "templates", assets_dir() / "site", app_root() / "studio" / "render" / "export"]
    files = [app_root() / "studio" / "render" / "markdown.py"]
    for folder in sources:
        if folder.is_dir():
            files.extend(sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in (".j2", ".css", ".js", ".py")))
    for path in files:
        if not path.is_file():  # the packaged app carries no .py sources: its version stands for them
            continue
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class _Export:
    def __init__(self, root: Path, folders: list[Path], out_dir: Path, options: ExportOptions, strict: bool,
                 progress: Progress = _no_progress):
        self.folders, self.options, self.strict = folders, options, strict
        prove = options.prove and not options.preview
        self.proofs: ExportProofs | None = ExportProofs(root) if prove else None
        self.progress = progress
        self.total = len(folders) + 2  # every package, then the site pages and the search index
        self.done = 0
        self.site = options.site()
        self.out = Path(out_dir).absolute()
        options_key = content_hash({"site": asdict(self.site), "code": export_fingerprint()})
        self.state = ExportState.load(self.out, options_key)
        if not self.state.manifest:
            self.state.reset()
        self.report = ExportReport(self.out)
        self.packages: dict[str, PackageState] = {}
        self.slugs: dict[str, str] = {}
        self.texts: dict[str, str] = {}
        self.touched_groups: set[str] = set()
        self.writer: BundleWriter | None = None

    def intact(self, prev: PackageState) -> bool:
        """The previous bundle still holds this package's files exactly as written."""
        return all(self._file_intact(rel, f) for rel, f in prev.files.items()) and prev.slug not in self.slugs

    def step(self, what: str) -> None:
        self.done += 1
        self.progress(self.done, self.total, what)

    def reuse(self, writer: BundleWriter, name: str, prev: PackageState) -> None:
        self.step(prev.entry.get("title", name) if isinstance(prev.entry, dict) else name)
        for rel, f in prev.files.items():
            writer.reuse(rel, f.record)
        self.packages[name] = prev
        self.slugs[prev.slug] = name
        self.report.reused += 1

    def slug(self, pub: PublishedPackage, folder: Path) -> str:
        for length in (layout.SLUG_LENGTH, 32):
            slug = layout.slug_for(pub.package.id, length)
            if slug not in self.slugs:
                return slug
        raise ExportRefused(f"文件包“{folder.name}”的编号与文件包“{self.slugs[slug]}”相同（可能是复制的文件夹），"
                            "不能同时导出。请删除重复的文件包，或用“新建”重新建立。")

    def store(self, writer: BundleWriter, result: JobResult, prev: PackageState | None) -> None:
        """Write a freshly rendered package into the bundle and remember what it wrote."""
        name, pub, rendered = result.folder.name, result.pub, result.rendered
        assert pub is not None and rendered is not None
        self.step(pub.package.metadata.title or name)
        if rendered.slug in self.slugs:  # a rare clash of short ids: render again under a longer name
            rendered = render_package(pub, self.slug(pub, result.folder), self.site, self.state.images_dir)
        slug = rendered.slug
        files = {}
        for rel, data in sorted(rendered.files.items()):
            record = writer.write(rel, data)
            files[rel] = BundleFile(record.sha256, record.size, writer.mtime_ns(rel))
        self.packages[name] = PackageState(result.signature, result.key, slug, rendered.entry.to_dict(),
                                           compact_json(rendered.metadata), files)
        self.slugs[slug] = name
        self.texts[slug] = result.search_text or normalise(rendered.search_text)
        self.touched_groups.add(group_of(slug))
        if prev is not None:
            self.touched_groups.add(group_of(prev.slug))
        self.report.rendered.append(pub.package.metadata.title or name)
        self.report.warnings.extend(rendered.warnings)

    def job(self, folder: Path, signature: list, previous_key: str = "") -> Job:
        proofs = self.proofs
        return Job(folder, signature, self.options.preview, self.site, self.state.images_dir, previous_key,
                   proofs.context if proofs else None, proofs.cached_key(folder.name) if proofs else "")

    def all_packages(self, writer: BundleWriter, workers: Workers) -> None:
        """Take over untouched packages still proven; read, prove and, where changed, render all the others.

        Proofs run in the rendering workers, from the very file each then publishes.
        """
        jobs: list[Job] = []
        for folder in map(Path, self.folders):
            prev = self.state.packages.get(folder.name)
            signature = folder_signature(folder)
            intact = prev if prev is not None and self.intact(prev) else None
            if intact and intact.signature == signature and (self.proofs is None or self.proofs.still_proven(folder)):
                self.reuse(writer, folder.name, intact)
            else:
                jobs.append(self.job(folder, signature, intact.key if intact else ""))
        for result in workers.map(run_job, jobs):
            prev = self.state.packages.get(result.folder.name)
            if self.proofs is not None and result.verdict is not None:
                self.proofs.record(result.verdict)
            if result.verdict is not None and result.verdict.refused:
                self.refuse(result.folder, result.refused, prev, result.broken)
            elif result.refused:
                self.step(result.folder.name)
                if self.strict:
                    raise (InvalidInput if result.broken else ExportRefused)(result.refused)
                self.report.skipped.append(Skipped(result.folder, result.refused, result.broken))
                if prev is not None:
                    self.touched_groups.add(group_of(prev.slug))
            elif result.unchanged and prev is not None and prev.slug not in self.slugs:
                prev.signature = result.signature
                self.reuse(writer, result.folder.name, prev)
            elif result.unchanged:  # pages unchanged but the name clashed: rendered (and proven) again
                again = run_job(self.job(result.folder, result.signature))
                if again.refused:
                    self.refuse(again.folder, again.refused, prev, again.broken)
                else:
                    self.store(writer, again, prev)
            else:
                self.store(writer, result, prev)
        if self.proofs is not None:
            self.proofs.save()

    def refuse(self, folder: Path, reason: str, prev: PackageState | None, broken: bool = False) -> None:
        """A package whose proof failed, or that cannot be read: named in the report, never written."""
        self.step(folder.name)
        if self.strict:
            raise (InvalidInput if broken else ExportRefused)(reason)
        skipped = Skipped(folder, reason, broken)
        self.report.skipped.append(skipped)
        if not broken:  # an unreadable package is told as such, not as a failed proof
            self.report.refused.append(skipped)
        if prev is not None:
            self.touched_groups.add(group_of(prev.slug))

    def search_groups(self, writer: BundleWriter, workers: Workers) -> Callable[[], dict[str, dict[str, str]]]:
        """Rebuild the index groups that changed (in the workers) and take the others over.

        Returns a function that waits for the rebuilt groups, writes them and returns their texts,
        so the caller can build the site pages meanwhile.
        """
        members: dict[str, set[str]] = {}
        for p in self.packages.values():
            members.setdefault(group_of(p.slug), set()).add(p.slug)
        for name in set(self.state.packages) - set(self.packages):
            self.touched_groups.add(group_of(self.state.packages[name].slug))
        rebuilt: dict[str, dict[str, str]] = {}
        records: dict[str, BundleFile] = {}
        for group, slugs in sorted(members.items()):
            path = group_file(group)
            old = self.state.groups.get(path)
            if group not in self.touched_groups and old and self._file_intact(path, old):
                writer.reuse(path, old.record)
                records[path] = old
                continue
            cached = self.state.search_texts(group) if self.state.packages else {}
            rebuilt[group] = {s: (self.texts[s] if s in self.texts else cached.get(s, "")) for s in sorted(slugs)}
        scripts = workers.map(run_group, list(rebuilt.items()))

        def finish() -> dict[str, dict[str, str]]:
            for group, script in zip(rebuilt, scripts):
                path = group_file(group)
                record = writer.write(path, script)
                records[path] = BundleFile(record.sha256, record.size, writer.mtime_ns(path))
            self.state.groups = records
            return rebuilt

        return finish

    def _file_intact(self, rel: str, f: BundleFile) -> bool:
        return self.writer is not None and self.writer.holds(rel, f.sha256)

    def run(self) -> ExportReport:
        writer = self.writer = BundleWriter(self.out, self.folders)
        try:
            with Workers() as workers:
                self.all_packages(writer, workers)
                if not self.packages:
                    reasons = "\n".join(f"  - {s.reason}" for s in self.report.skipped) or "  - 文件库中没有文件包。"
                    raise ExportRefused(f"没有可以导出的文件包，未生成发布包：\n{reasons}")
                finish_search = self.search_groups(writer, workers)
                entries = [ListingEntry.from_dict(p.entry) for p in self.packages.values()]
                metadata = {p.slug: p.metadata_json for p in self.packages.values()}
                groups = sorted({group_of(p.slug) for p in self.packages.values()})
                for rel, data in sorted(site_files(self.site, entries, metadata, groups).items()):
                    writer.write(rel, data)
                self.step("网站列表、订阅和站点地图")
                rebuilt = finish_search()
                self.step("站内检索索引")
            manifest = writer.commit()
        except BaseException:
            writer.abort()
            raise
        self.state.packages = self.packages
        self.state.save(manifest, rebuilt)
        self.report.packages = len(self.packages)
        self.report.files = len(writer.records) + 1
        if self.options.make_zip:
            self.report.zip_path = write_zip(self.out, entries)
        return self.report


def export_library(root: Path, out_dir: Path, options: ExportOptions = ExportOptions(),
                   progress: Progress = _no_progress) -> ExportReport:
    """The site of every releasable package in a library; the others are listed as skipped."""
    return _Export(Path(root), package_folders_of(root), out_dir, options, strict=False,
                   progress=progress).run()


def export_package(folder: Path, out_dir: Path, options: ExportOptions = ExportOptions(),
                   progress: Progress = _no_progress) -> ExportReport:
    """One package as a bundle; refused with the reason when it may not be published."""
    return _Export(Path(folder).resolve().parent, [Path(folder)], out_dir, options, strict=True,
                   progress=progress).run()
