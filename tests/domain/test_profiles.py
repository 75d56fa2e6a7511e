"""Rule profiles: each shipped choice, with the source the checklist names."""

from __future__ import annotations

import json
from datetime import date

import pytest

from studio.domain.errors import InvalidInput
from studio.domain.findings import Finding, Severity
from studio.domain.library_config import LibraryConfig
from studio.domain.package import Package
from studio.domain.rule_catalogue import ADJUSTABLE
from studio.domain.rules import check_package
from studio.domain.settings import PARAMETER_KEYS
from studio.service.library_settings import change_settings, read_settings
from studio.store.library import Library, default_calendar
from studio.store.profile_files import shipped_profile, shipped_profiles
from tests import factories as f
from tests.members import member

WRITTEN = date(2026, 3, 5)  # the factories' 成文日期, a Thursday


def under(name: str):
    return shipped_profile(name).rule_settings(*default_calendar())


def found(package: Package, profile: str, today: date = f.TODAY) -> dict[str, Finding]:
    return {x.code: x for x in check_package(package, today, under(profile))}


def with_meta(package: Package, **values: str) -> Package:
    return package.evolve(metadata=package.metadata.with_values(**values))


def test_every_shipped_choice_names_its_source():
    for profile in shipped_profiles().values():
        for key, choice in {**profile.rules, **profile.parameters}.items():
            assert choice.source.strip(), f"{profile.name}: {key} has no source"
        assert set(profile.rules) <= ADJUSTABLE and set(profile.parameters) <= set(PARAMETER_KEYS)


def test_national_profile_names_the_law_of_each_finding():
    findings = check_package(f.signed(), date(2026, 4, 20), under("国家"))
    assert all(x.basis.startswith("按《国家》规则") for x in findings)


@pytest.mark.parametrize("person", ["有关负责人", "国家发展改革委有关负责人"])
def test_national_interpreter_may_be_a_role(person):
    codes = found(with_meta(f.draft(), interpreter_person=person), "国家")
    assert not {"INTERPRETER_PERSON_MISSING", "INTERPRETER_PERSON_ROLE_ONLY"} & set(codes)


def test_chengdu_wants_a_named_interpreter_not_only_a_role():
    codes = found(with_meta(f.draft(), interpreter_person="市商务局有关负责人"), "成都")
    assert codes["INTERPRETER_PERSON_ROLE_ONLY"].severity is Severity.BLOCKING
    named = found(with_meta(f.draft(), interpreter_person="罗怡（市场运行和消费促进处处长）"), "成都")
    assert "INTERPRETER_PERSON_ROLE_ONLY" not in named


def test_national_interpreter_absent_is_a_warning_and_no_contact_only_a_hint():
    codes = found(with_meta(f.draft(), interpreter_person="", interpreter_contact=""), "国家")
    assert codes["INTERPRETER_PERSON_MISSING"].severity is Severity.WARNING
    assert codes["INTERPRETER_CONTACT_MISSING"].severity is Severity.INFO
    assert "国办发〔2016〕80号" in codes["INTERPRETER_PERSON_MISSING"].basis


def test_national_interpreting_organ_is_required():
    codes = found(with_meta(f.draft(), interpreter_org=""), "国家")
    assert codes["INTERPRETER_ORG_MISSING"].severity is Severity.BLOCKING


def test_chengdu_publishes_interpreter_and_contact():
    codes = found(with_meta(f.draft(), interpreter_person="", interpreter_contact=""), "成都")
    for code in ("INTERPRETER_PERSON_MISSING", "INTERPRETER_CONTACT_MISSING"):
        assert codes[code].severity is Severity.BLOCKING
        assert codes[code].basis.startswith("按《成都》规则") and "成都实践" in codes[code].basis


@pytest.mark.parametrize("profile, limit", [("国家", 20), ("贵州", 3)])
def test_release_limit_of_each_profile(profile, limit):
    calendar = under(profile).calendar()
    deadline = calendar.add_workdays(WRITTEN, limit)
    package = f.signed()
    assert "RELEASE_OVERDUE" not in found(package, profile, deadline)
    late = found(package, profile, calendar.add_workdays(deadline, 1))["RELEASE_OVERDUE"]
    assert late.severity is Severity.WARNING and f"应在{limit}个工作日内" in late.message
    assert ("第二十六条" if profile == "国家" else "3个工作日内予以公开") in late.basis


def test_guizhou_requires_the_explainer_for_normative_documents():
    package = f.draft().evolve(pieces=f.draft().pieces.with_piece("explainer", type(f.draft().pieces.explainer)()))
    assert found(package, "贵州")["EXPLAINER_MISSING"].severity is Severity.BLOCKING
    assert "EXPLAINER_MISSING" not in found(package, "国家")


def test_consultation_feedback_is_owed_only_where_the_kind_requires_consultation():
    required = found(with_meta(f.draft(), consultation_feedback=""), "国家")
    assert required["CONSULTATION_FEEDBACK_MISSING"].severity is Severity.BLOCKING
    optional = found(with_meta(f.draft(), kind="其他", consultation_feedback=""), "国家")
    assert "CONSULTATION_FEEDBACK_MISSING" not in optional
    assert optional["CONSULTATION_FEEDBACK_SUGGESTED"].severity is Severity.INFO


def test_administrative_regulation_is_a_kind_with_a_thirty_day_consultation():
    package = with_meta(f.draft(), kind="行政法规", doc_number="中华人民共和国国务院令第799号",
                        consultation_start="2026-01-05", consultation_end="2026-01-30")
    codes = found(package, "国家")
    assert "KIND_INVALID" not in codes and "DOC_NUMBER_FORMAT" not in codes
    short = codes["CONSULTATION_PERIOD_SHORT"]
    assert short.severity is Severity.BLOCKING and "不少于30日" in short.message
    without = package.evolve(pieces=package.pieces.with_piece("consultation", type(package.pieces.consultation)()))
    assert found(without, "国家")["CONSULTATION_MISSING"].severity is Severity.BLOCKING


def test_sign_off_and_release_safety_cannot_be_weakened():
    with pytest.raises(InvalidInput):
        LibraryConfig().with_rule("NOT_SIGNED", "关闭", "")
    with pytest.raises(InvalidInput):
        LibraryConfig().with_rule("ID_NUMBER_EXPOSED", "提示", "")


def test_a_library_derives_its_own_profile_and_findings_name_it(tmp_path):
    config = (LibraryConfig(profile="贵州").with_name("某县规则")
              .with_parameter("release_limit_workdays", 5, "某县政务公开办法")
              .with_rule("FAQ_MISSING", "关闭", "某县不要求问答"))
    change_settings(tmp_path, config, member(tmp_path, "周敏", "政务公开办"), "2026-03-10T09:00:00+08:00")
    settings = Library(tmp_path).settings()
    assert settings.profile == "某县规则" and settings.release_limit_workdays == 5
    assert settings.explainer_required_kinds == ("规范性文件",)  # kept from 贵州
    package = f.draft().evolve(pieces=f.draft().pieces.with_piece("faq", type(f.draft().pieces.faq)()))
    codes = {x.code: x for x in check_package(f.signed(package), date(2026, 3, 20), settings)}
    assert "FAQ_MISSING" not in codes
    assert codes["RELEASE_OVERDUE"].basis == "按《某县规则》规则：某县政务公开办法"
    assert "应在5个工作日内" in codes["RELEASE_OVERDUE"].message


def test_every_change_is_recorded_in_the_library_history(tmp_path):
    actor = member(tmp_path, "周敏", "政务公开办")
    assert change_settings(tmp_path, LibraryConfig(profile="成都"), actor, "2026-03-10T09:00:00+08:00")
    assert change_settings(tmp_path, LibraryConfig(profile="成都"), actor) == []  # nothing changed, nothing recorded
    lines = change_settings(tmp_path, LibraryConfig(profile="成都").with_site(site_name="明湖市人民政府网"), actor)
    assert lines == ["网站名称：（空） → 明湖市人民政府网"]
    history = Library(tmp_path).history()
    assert [e["seq"] for e in history] == [1, 2] and history[1]["prev"] == history[0]["hash"]
    assert history[0]["user"] == "周敏" and "规则方案：《国家》→《成都》" in history[0]["changes"]


def test_old_library_settings_are_migrated_keeping_their_values(tmp_path):
    (tmp_path / "library.json").write_text(json.dumps({"release_limit_workdays": 3, "holidays": ["2027-01-01"]}), "utf-8")
    view = read_settings(tmp_path)
    assert view.migrated and view.profile.based_on == "国家"
    assert view.settings.release_limit_workdays == 3 and view.settings.holidays == ("2027-01-01",)
    assert view.profile.parameters["release_limit_workdays"].source.startswith("文件库原有设置")
    lines = change_settings(tmp_path, view.config, member(tmp_path, "周敏"))
    assert lines[0].startswith("文件库设置升级为新格式")
    saved = json.loads((tmp_path / "library.json").read_text("utf-8"))
    assert saved["format"] == 2 and not read_settings(tmp_path).migrated
