"""钩子里不依赖整站构建就能检查的部分：更新日期、页脚、对主题的修改。"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
from pathlib import Path

import material
import pytest
from mkdocs.exceptions import PluginError

from dlnotes.hooks import page_meta
from dlnotes.hooks.accessibility import apply
from dlnotes.paths import ROOT


def commit(repo: Path, files: dict[str, str], date: str) -> None:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, "utf8")
    env = dict(
        os.environ,
        GIT_AUTHOR_DATE=f"{date}T12:00:00+00:00",
        GIT_COMMITTER_DATE=f"{date}T12:00:00+00:00",
        GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
        GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org",
    )  # fmt: skip
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
    subprocess.run(["git", "commit", "-qm", date], cwd=repo, check=True, env=env)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    commit(
        tmp_path, {"docs/a.md": "v1", "snippets/a_x.py": "x = 1", "docs/b.md": "v1"}, "2020-01-02"
    )
    commit(tmp_path, {"docs/a.md": "v2"}, "2021-06-03")
    commit(tmp_path, {"snippets/a_x.py": "x = 2"}, "2022-09-04")
    return tmp_path


def test_git_dates_are_the_newest_commit_of_each_file(repo: Path) -> None:
    dates = page_meta.git_dates(repo)
    assert dates["docs/a.md"] == "2021-06-03"  # 不是第一次提交的 2020-01-02
    assert dates["docs/b.md"] == "2020-01-02"
    assert dates["snippets/a_x.py"] == "2022-09-04"


def test_page_date_follows_its_snippets(repo: Path, monkeypatch) -> None:
    monkeypatch.setattr(page_meta, "ROOT", repo)
    monkeypatch.setattr(page_meta, "includes", lambda page: [_Include(repo / "snippets/a_x.py")])
    dates = page_meta.git_dates(repo)
    assert page_meta.page_date(repo / "docs/a.md", dates) == "2022-09-04"


class _Include:
    def __init__(self, file: Path) -> None:
        self.file = file


def test_footer_links_the_repository(monkeypatch) -> None:
    monkeypatch.setenv("REPO_URL", "https://example.org/dl-notes")
    assert page_meta.footer().endswith('<a href="https://example.org/dl-notes">源代码仓库</a>')
    assert page_meta.footer().startswith(page_meta.FOOTER)


def test_theme_patches_are_idempotent_and_fail_loudly() -> None:
    patches = [('x("nav")', 'x("div")')]
    once = apply('a;x("nav");b', patches, "bundle.js")
    assert once == 'a;x("div");b'
    assert apply(once, patches, "bundle.js") == once  # mkdocs build --dirty 再跑一遍
    with pytest.raises(PluginError, match="找不到要修改的"):
        apply("a new release of the theme", patches, "bundle.js")


OVERRIDES = ROOT / "overrides" / "partials"
THEME = Path(material.__file__).parent / "templates" / "partials"


@pytest.mark.parametrize("name", sorted(p.name for p in OVERRIDES.glob("*.html")))
def test_overridden_theme_partials_are_unchanged_upstream(name: str) -> None:
    """overrides/partials/ 里的文件是主题同名文件改了一处的副本，开头记着原文件的 sha256：
    mkdocs-material 升级后原文件变了，这里失败，提醒重新对照（不会悄悄用上过时的副本）。"""
    recorded = re.search(r"sha256\s+([0-9a-f]{64})", (OVERRIDES / name).read_text("utf8"))
    assert recorded, f"overrides/partials/{name} 开头没有记下主题原文件的 sha256"
    actual = hashlib.sha256((THEME / name).read_bytes()).hexdigest()
    assert actual == recorded[1], (
        f"mkdocs-material 的 partials/{name} 变了（{actual}）：对照新版重新修改 "
        f"overrides/partials/{name}，再更新记下的 sha256"
    )
