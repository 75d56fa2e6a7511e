"""Every real office file in the shared corpus imports, and nothing is filled in wrongly.

The per-field accuracy over the same files is measured by benches/bench_realdocs.py.
"""

from __future__ import annotations

import pytest

from studio.ingest.office_convert import soffice_path
from tests import factories as f
from tests.ingest import realdocs
from tests.members import member

ENTRIES = realdocs.entries()
needs_realdocs = pytest.mark.skipif(not ENTRIES, reason="realdocs corpus not beside the project")


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    library = tmp_path_factory.mktemp("library")
    return [(e, realdocs.import_one(e, library, member(library, f.DRAFTER))) for e in ENTRIES]


@needs_realdocs
@pytest.mark.skipif(soffice_path() is None, reason="LibreOffice is not installed")
def test_every_real_file_becomes_a_package(imported):
    refused = [f"{o.file}: {o.error}" for _, o in imported if o.error]
    assert not refused


@needs_realdocs
def test_no_value_is_filled_in_wrongly(imported):
    wrong = [w for e, o in imported if not o.error for w in realdocs.wrongly_filled(e, o)]
    assert not wrong


@needs_realdocs
def test_each_field_is_found_in_most_real_files(imported):
    table = realdocs.score(imported)
    low = {key: f"{s.hits}/{s.present}" for (fmt, key), s in table.items() if fmt == "all" and s.rate() < 0.95}
    assert not low, "\n".join(m for (fmt, _), s in table.items() if fmt == "all" for m in s.misses)
