"""Hypothesis over package.json shapes, imported files and command-line arguments: no traceback,
no user's file lost, no secret in a bundle. A bounded run; benches/fuzz_hostile.py runs 10,000."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz import hostile

FUZZ = settings(max_examples=6, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def box(library, tmp_path_factory):
    return hostile.Sandbox(library.root, tmp_path_factory.mktemp("fuzz"))


@pytest.fixture(scope="module")
def raw(library):
    return json.loads((library.folders["tenant"] / "package.json").read_text("utf-8"))




DOCX = hostile.sample_docx()


def _verdict_ok(verdict: hostile.Verdict) -> None:
    assert verdict.tracebacks == []
    assert verdict.deleted_or_changed == []
    assert verdict.leaked == []


@FUZZ
@given(data=st.data(), which=st.integers(0, 6), cmd=st.sampled_from(hostile.COMMANDS))
def test_package_json_of_any_shape(box, raw, data, which, cmd):
    mutated = data.draw(hostile.package_mutation(raw))
    box.reset()
    verdict = hostile.Verdict()
    hostile.package_case(box, mutated, which, cmd, verdict)
    _verdict_ok(verdict)


@FUZZ
@given(file=hostile.import_file(DOCX), piece=st.sampled_from(["policy", "interpretation", "faq", "explainer"]),
       which=st.integers(0, 6))
def test_any_file_imported(box, file, piece, which):
    box.reset()
    verdict = hostile.Verdict()
    hostile.import_case(box, file[0], file[1], piece, which, verdict)
    _verdict_ok(verdict)


@FUZZ
@given(argv=hostile.cli_arguments())
def test_any_command_line(box, argv):
    box.reset()
    verdict = hostile.Verdict()
    hostile.cli_case(box, argv, verdict)
    _verdict_ok(verdict)
