from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from studio.domain.calendar import WorkCalendar
from studio.domain.dates import parse_date
from studio.domain.metadata import Metadata
from studio.domain.package import Package
from studio.domain.pieces import Pieces
from studio.domain.settings import RuleSettings


@dataclass
class RuleContext:
    package: Package
    today: date
    settings: RuleSettings

    @property
    def meta(self) -> Metadata:
        return self.package.metadata

    @property
    def pieces(self) -> Pieces:
        return self.package.pieces

    @cached_property
    def calendar(self) -> WorkCalendar:
        return self.settings.calendar()

    @property
    def exempt(self) -> bool:
        return self.meta.is_exempt

    @cached_property
    def date_written(self) -> date | None:
        return parse_date(self.meta.date_written)
