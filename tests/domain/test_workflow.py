"""The review workflow: allowed and forbidden transitions, 三同步 at submit, sign and release."""

from __future__ import annotations

import pytest

from studio.domain import edits, workflow
from studio.domain.errors import ActionRefused
from studio.domain.pieces import TextPiece
from studio.domain.states import State
from tests import factories as f

S = f.settings()


def at_state(state: State):
    p = f.draft()
    steps = [
        lambda p: workflow.submit(p, f.DRAFTER),
        lambda p: workflow.review(p, f.REVIEWER1, f.AT, S),
        lambda p: workflow.review(p, f.REVIEWER2, f.AT, S),
        lambda p: workflow.sign(p, f.SIGNER, f.AT, S),
        lambda p: workflow.release(p, "刘发布", f.AT, f.TODAY, S),
    ]
    order = [State.DRAFT, State.SUBMITTED, State.REVIEW1, State.REVIEW2, State.SIGNED, State.RELEASED]
    for step in steps[: order.index(state)]:
        p = step(p).package
    assert p.state is state
    return p


ACTIONS = {
    "submit": lambda p: workflow.submit(p, f.DRAFTER),
    "review": lambda p: workflow.review(p, "孙审核", f.AT, S),
    "sign": lambda p: workflow.sign(p, "孙审核", f.AT, S),
    "release": lambda p: workflow.release(p, "刘发布", f.AT, f.TODAY, S),
    "return": lambda p: workflow.return_package(p, "请修改"),
    "amend": lambda p: workflow.amend(p),
}
ALLOWED = {
    State.DRAFT: {"submit"},
    State.SUBMITTED: {"review", "return"},
    State.REVIEW1: {"review", "return"},
    State.REVIEW2: {"sign", "return"},
    State.SIGNED: {"release", "return"},
    State.RELEASED: {"amend"},
}


@pytest.mark.parametrize("state", list(ALLOWED))
@pytest.mark.parametrize("action", list(ACTIONS))
def test_transition_table(state, action):
    package = at_state(state)
    if action in ALLOWED[state]:
        assert ACTIONS[action](package).package.state is not state
    else:
        with pytest.raises(ActionRefused) as e:
            ACTIONS[action](package)
        assert state.label in e.value.message


def test_submit_refused_without_interpretation():
    package = f.draft().evolve()
    package = package.evolve(pieces=package.pieces.with_piece("interpretation", TextPiece()))
    with pytest.raises(ActionRefused) as e:
        workflow.submit(package, f.DRAFTER)
    assert "缺少政策解读" in e.value.message and "免于解读" in e.value.message


def test_exempt_package_submits_without_interpretation_only_with_category_and_reason():
    package = f.draft(kind="其他")
    package = package.evolve(pieces=package.pieces.with_piece("interpretation", TextPiece()))
    with pytest.raises(ActionRefused):
        workflow.submit(package.evolve(metadata=package.metadata.with_values(exempt="表彰决定")), f.DRAFTER)
    exempt = package.evolve(metadata=package.metadata.with_values(exempt="表彰决定", exempt_reason="仅公布表彰对象"))
    assert workflow.submit(exempt, f.DRAFTER).package.state is State.SUBMITTED


def test_returned_package_can_be_resubmitted():
    package = workflow.return_package(at_state(State.REVIEW2), "数据需核实").package
    assert package.state is State.RETURNED and package.return_comment == "数据需核实"
    assert package.reviews == () and package.signoff is None
    assert workflow.submit(package, f.DRAFTER).package.state is State.SUBMITTED


def test_return_needs_a_comment():
    with pytest.raises(ActionRefused, match="退回意见"):
        workflow.return_package(at_state(State.SUBMITTED), "  ")


@pytest.mark.parametrize("user", [f.DRAFTER, "另一位提交人"])
def test_drafter_may_not_review_or_sign(user):
    package = f.draft()
    package = workflow.submit(package, user).package
    with pytest.raises(ActionRefused, match="起草人"):
        workflow.review(package, user, f.AT, S)
    package = workflow.review(package, f.REVIEWER1, f.AT, S).package
    package = workflow.review(package, f.REVIEWER2, f.AT, S).package
    with pytest.raises(ActionRefused, match="起草人"):
        workflow.sign(package, user, f.AT, S)


def test_drafter_rule_is_a_setting():
    relaxed = f.settings(forbid_drafter_review=False)
    package = workflow.submit(f.draft(), f.DRAFTER).package
    assert workflow.review(package, f.DRAFTER, f.AT, relaxed).package.state is State.REVIEW1


def test_second_review_by_another_person():
    package = at_state(State.REVIEW1)
    with pytest.raises(ActionRefused, match="另一人"):
        workflow.review(package, f.REVIEWER1, f.AT, S)


def test_signoff_records_every_part_hash():
    package = at_state(State.SIGNED)
    assert package.signoff.hashes == package.part_hashes()
    assert set(package.signoff.hashes) == {"metadata", "policy", "interpretation", "explainer", "faq",
                                           "consultation", "others"}


@pytest.mark.parametrize("state", [State.SUBMITTED, State.REVIEW1, State.REVIEW2, State.SIGNED])
def test_edit_during_review_voids_it_and_returns_to_draft(state):
    package = at_state(state)
    outcome = edits.set_text_piece(package, "interpretation", f.INTERPRETATION_BODY + "\n补充说明。\n")
    assert outcome.package.state is State.DRAFT
    assert outcome.package.signoff is None and outcome.package.reviews == ()
    assert outcome.notices and "作废" in outcome.notices[0] and "退回草稿" in outcome.notices[0]


def test_no_op_edit_keeps_the_signoff():
    package = at_state(State.SIGNED)
    outcome = edits.set_metadata(package, {"title": package.metadata.title})
    assert not outcome.changed and outcome.package.state is State.SIGNED


def test_released_package_is_never_edited_in_place():
    with pytest.raises(ActionRefused, match="新版本"):
        edits.set_metadata(at_state(State.RELEASED), {"topic": "其他"})


def test_release_rechecks_every_rule_and_releases_nothing_on_failure():
    package = at_state(State.SIGNED)
    broken = package.evolve(metadata=package.metadata.with_values(disclosure="依申请公开"))
    with pytest.raises(ActionRefused) as e:
        workflow.release(broken, "刘发布", f.AT, f.TODAY, S)
    assert "所有材料均未发布" in e.value.message and "主动公开" in e.value.message


def test_release_gives_all_pieces_one_time():
    released = at_state(State.RELEASED)
    assert released.released_at == f.AT
    assert released.metadata.date_published == f.TODAY.isoformat()
    assert released.stale_parts() == []  # the release date is not an edit


def test_amend_starts_a_new_draft_version():
    amended = workflow.amend(at_state(State.RELEASED)).package
    assert amended.state is State.DRAFT and amended.version == 2
    assert amended.released_at == "" and amended.signoff is None


def test_refusal_explains_why_an_action_is_unavailable():
    package = at_state(State.SUBMITTED)
    assert workflow.refusal(package, workflow.REVIEW, f.REVIEWER1, S) == ""
    assert "起草人" in workflow.refusal(package, workflow.REVIEW, f.DRAFTER, S)
    assert "当前状态" in workflow.refusal(package, workflow.SIGN, f.SIGNER, S)
