"""Release time limits. Lateness is reported as a warning; it never blocks a release."""

from __future__ import annotations

from collections.abc import Iterator

from studio.domain.dates import parse_date
from studio.domain.findings import Finding, warning
from studio.domain.rules.context import RuleContext
from studio.domain.states import State


def check(ctx: RuleContext) -> Iterator[Finding]:
    written = ctx.date_written
    if written is None:
        return
    limit = ctx.settings.release_limit_workdays
    deadline = ctx.calendar.add_workdays(written, limit)
    if ctx.package.state is State.RELEASED:
        published = parse_date(ctx.meta.date_published) or parse_date(ctx.package.released_at[:10])
        late = ctx.calendar.workdays_between(deadline, published) - 1 if published else 0
        if published and late > 0:
            yield warning("RELEASE_LATE", "metadata", "date_published",
                          f"成文于{ctx.meta.date_written}，发布于{published.isoformat()}，"
                          f"超过成文后{limit}个工作日内公开的时限（{deadline.isoformat()}）{late}个工作日。")
        return
    late = ctx.calendar.workdays_between(deadline, ctx.today) - 1
    if late > 0:
        yield warning("RELEASE_OVERDUE", "package", "state",
                      f"成文于{ctx.meta.date_written}，应在{limit}个工作日内（{deadline.isoformat()}前）公开，"
                      f"至今已逾期{late}个工作日。逾期不影响发布，但请尽快完成审签和发布。")
