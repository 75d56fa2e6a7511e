"""文件库设置: the library's rule profile, every rule's severity and parameters, the holiday
calendar and the site its bundles are exported for — saved through the one settings service,
which records every change in the library's history."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio.domain.errors import StudioError
from studio.domain.library_config import LibraryConfig
from studio.domain.profiles import Profile
from studio.service.actor import Actor
from studio.service.library_settings import (
    change_settings,
    history_problems,
    profile_named,
    read_settings,
    settings_history,
    shipped_calendar,
)
from studio.ui.library_change import run_change
from studio.ui.settings_pages import CalendarPage, ParametersPage, RulesPage

OWN_SOURCE = "本库设定"


class LibrarySettingsDialog(QDialog):
    def __init__(self, library: Path, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"文件库设置 — {library.name}")
        self.setObjectName("librarySettings")
        self.library, self.actor = library, actor
        self.view = read_settings(library)
        self.saved: list[str] = []
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._profile_page(), "规则方案")
        self.rules = RulesPage(self)
        self.tabs.addTab(self.rules, "规则处理方式")
        self.parameters = ParametersPage(self)
        self.tabs.addTab(self.parameters, "规则参数")
        self.calendar = CalendarPage(self)
        self.tabs.addTab(self.calendar, "节假日")
        self.tabs.addTab(self._site_page(), "网站")
        self.tabs.addTab(self._history_page(), "修改记录")
        layout.addWidget(self.tabs)
        self.error = QLabel(self)
        self.error.setObjectName("settingsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("保存")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._show(self.view.config)
        self.profile.currentTextChanged.connect(self._profile_chosen)
        self.resize(1000, 640)

    # -- pages -------------------------------------------------------------
    def _profile_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.profile = QComboBox(page)
        self.profile.setObjectName("profile")
        self.profile.setAccessibleName("规则方案")
        self.profile.addItems(list(self.view.shipped))
        self.description = QLabel(page)
        self.description.setWordWrap(True)
        self.own_name = QLineEdit(page)
        self.own_name.setObjectName("ownName")
        self.own_name.setPlaceholderText("留空则直接使用所选方案；填写名称即以所选方案为基础另立本库方案")
        self.source = QLineEdit(page)
        self.source.setObjectName("changeSource")
        self.source.setPlaceholderText(f"如《某市政府信息公开工作规定》第十条（不填则记为“{OWN_SOURCE}”）")
        form.addRow("规则方案", self.profile)
        form.addRow("", self.description)
        form.addRow("本库方案名称", self.own_name)
        form.addRow("本次调整的依据", self.source)
        if self.view.migrated:
            note = QLabel("本文件库的设置是旧格式，保存时将升级为新格式（规则方案《国家》，原有设置作为本库调整保留）。", page)
            note.setWordWrap(True)
            form.addRow("", note)
        return page

    def _site_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.site_name = QLineEdit(page)
        self.site_name.setObjectName("siteName")
        self.site_name.setPlaceholderText("页头显示的网站名称，如 明湖市人民政府门户网站（默认“政策文件库”）")
        self.site_url = QLineEdit(page)
        self.site_url.setObjectName("siteUrl")
        self.site_url.setPlaceholderText("网站上线后的地址，如 https://www.minghu.gov.cn/zcwjk")
        form.addRow("网站名称", self.site_name)
        form.addRow("网站地址", self.site_url)
        note = QLabel("导出网站发布包时默认使用这里的网站名称和地址（命令行 studio export 也一样）。", page)
        note.setWordWrap(True)
        form.addRow("", note)
        return page

    def _history_page(self) -> QWidget:
        self.history = QListWidget(self)
        self.history.setObjectName("settingsHistory")
        self.history.setWordWrap(True)
        self._fill_history()
        return self.history

    def _fill_history(self) -> None:
        self.history.clear()
        for problem in history_problems(self.library):
            item = QListWidgetItem(f"✖ {problem}")
            item.setForeground(QColor("#b3261e"))
            self.history.addItem(item)
        for event in reversed(settings_history(self.library)):
            who = event.get("user", "?") + (f"（{event['office']}）" if event.get("office") else "")
            self.history.addItem(f"{event.get('at', '')}  {who}\n  " + "\n  ".join(event.get("changes", [])))
        if not self.history.count():
            self.history.addItem("尚无修改记录。")

    # -- showing and saving ------------------------------------------------
    def _base(self) -> Profile:
        return profile_named(self.profile.currentText())

    def _show(self, config: LibraryConfig) -> None:
        self.profile.setCurrentText(config.profile)
        base = self._base()
        self.description.setText(base.description)
        self.own_name.setText(config.own_name)
        self.rules.show_choices(base, config.own_rules)
        self.parameters.show_values(config.resolve(base))
        holidays, workdays = shipped_calendar()
        self.calendar.holidays.set_dates(config.holidays if config.holidays is not None else holidays)
        self.calendar.workdays.set_dates(config.extra_workdays if config.extra_workdays is not None else workdays)
        self.site_name.setText(config.site_name)
        self.site_url.setText(config.site_base_url)

    def _profile_chosen(self, name: str) -> None:
        """Choosing another shipped profile shows its choices; the library's own are cleared."""
        base = profile_named(name)
        self.description.setText(base.description)
        self.rules.show_choices(base, {})
        self.parameters.show_values(base)

    def config(self) -> LibraryConfig:
        """The settings as the form shows them."""
        base = self._base()
        old = self.view.config
        same_base = base.name == old.profile
        source = self.source.text().strip() or OWN_SOURCE
        holidays, workdays = shipped_calendar()
        shown_holidays, shown_workdays = self.calendar.holidays.dates(), self.calendar.workdays.dates()
        url = self.site_url.text().strip()
        if url and not url.startswith(("https://", "http://")):
            raise StudioError(f"网站地址须以 https:// 或 http:// 开头（收到“{url}”）。")
        return LibraryConfig(
            profile=base.name,
            own_name=self.own_name.text().strip(),
            own_rules=self.rules.own_choices(base, old.own_rules if same_base else {}, source),
            own_parameters=self.parameters.own_choices(base, old.own_parameters if same_base else {}, source),
            holidays=None if shown_holidays == tuple(holidays) else shown_holidays,
            extra_workdays=None if shown_workdays == tuple(workdays) else shown_workdays,
            site_name=self.site_name.text().strip(),
            site_base_url=url.rstrip("/"),
        )

    def save(self) -> None:
        try:
            config = self.config()
            self.saved = run_change(self, "修改规则设置", lambda o: change_settings(
                self.library, config, self.actor, options=o))
        except StudioError as e:
            self.error.setText(e.message)
            return
        self.accept()
