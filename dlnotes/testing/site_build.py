"""构建一次站点，供整个测试运行共用（xdist 的所有工作进程共用同一次构建）。

``mkdocs build --strict``（不加 -q：加了 -q 时警告不会让构建失败），输出到仓库的 ``site/``，
再把它打印成整站 PDF（``dlnotes.pdf``）：测试检查的正是 ``make build`` 会发布的那一份
（工作流部署的也是它）。第一个需要站点的进程
构建，其余进程在文件锁上等它，然后直接使用结果。构建日志里的警告整理成“页面:行号: …”。
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from dlnotes.paths import DOCS, ROOT, cache_dir, rel
from dlnotes.pdf import PDF_NAME

# mkdocs 的警告和错误：“WARNING -  …”，读页面时抛出的“Error reading page '…': …”，
# 以及钩子给出的“docs/…:行号: …”（笔记本执行失败、公式排版失败）
PROBLEM = re.compile(
    r"^(?:(?:WARNING|ERROR)\s+-\s+)?(?:[\w-]+: )?"  # 钩子的日志带着前缀（“math: ”）
    r"(?P<message>(?:Error reading page|Doc file|.*Aborted|docs/\S+:\d+: ).*)$"
)
DOC_LINK = re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<target>[^']+)'")
MISSING_SNIPPET = re.compile(r"Error reading page '(?P<page>[^']+)': .*?path '(?P<target>[^']+)'")


@dataclass
class Build:
    site: Path
    problems: list[str]  # 每条都以“页面:行号”开头（能定位时）
    seconds: float
    pdf_problem: str = ""  # 整站 PDF 没做出来时的原因（``dlnotes.pdf``）


# 决定构建结果的全部输入：页面、代码文件、机制、模板、配置和钉死的依赖版本
BUILD_INPUTS = ["docs", "snippets", "dlnotes", "overrides"]
BUILD_FILES = ["mkdocs.yml", "pyproject.toml", "requirements.lock", "package-lock.json"]


def _build_cache() -> Path:
    """``.cache/site-build/<全部输入的指纹>/``：输入一个字节没变，上次（成功的）构建就还能用。"""
    files = [
        path
        for folder in BUILD_INPUTS
        for path in sorted((ROOT / folder).rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    ] + [ROOT / name for name in BUILD_FILES]
    inputs = [sys.version.encode()] + [rel(p).encode() + b"\0" + p.read_bytes() for p in files]
    return cache_dir("site-build", *inputs)


def _site_stamp(site: Path) -> str:
    """构建最后写的两个文件的修改时间：之后谁重新构建过 site/，它就变了。"""
    return " ".join(str((site / name).stat().st_mtime_ns) for name in ["index.html", PDF_NAME])


def shared_build(run_dir: Path) -> Build:
    """本次测试运行的站点构建：只构建一次，记录存在运行目录里。

    输入与上次成功的构建完全相同、``site/`` 之后也没被别人重新构建过时，直接沿用上次的结果
    （热运行省下十几秒）；全新克隆（CI）没有缓存，总是完整构建。"""
    record = run_dir / "site-build.json"
    with open(run_dir / "site-build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not record.exists():
            aids = run_dir / "aids"
            cache = _build_cache()
            site = ROOT / "site"
            try:
                reusable = (cache / "stamp").read_text() == _site_stamp(site)
            except OSError:
                reusable = False
            if reusable:
                shutil.copytree(cache / "aids", aids)
                shutil.copy(cache / "site-build.json", record)
            else:
                aids.mkdir(exist_ok=True)
                build = build_site(site, {"DLNOTES_AIDS_DIR": str(aids)})
                if not build.problems:
                    build.pdf_problem = build_pdf(build.site)
                record.write_text(json.dumps(asdict(build), default=str), encoding="utf8")
                # 构建期间输入被改过（指纹变了）就不记：这次的 site/ 对不上任何一份输入
                if not build.problems and not build.pdf_problem and _build_cache() == cache:
                    shutil.copytree(aids, cache / "aids", dirs_exist_ok=True)
                    shutil.copy(record, cache / "site-build.json")
                    (cache / "stamp").write_text(_site_stamp(site))
    data = json.loads(record.read_text("utf8"))
    return Build(Path(data["site"]), data["problems"], data["seconds"], data["pdf_problem"])


def build_site(out: Path, env: dict[str, str] | None = None, config: Path | None = None) -> Build:
    """严格构建；返回构建结果和整理好的问题列表。"""
    environ = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONWARNINGS="ignore", **(env or {}))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    if config is not None:
        command += ["--config-file", str(config)]
    start = time.perf_counter()
    proc = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, env=environ, timeout=900
    )
    seconds = round(time.perf_counter() - start, 2)
    log = proc.stdout + proc.stderr
    problems = [locate(m["message"]) for line in log.splitlines() if (m := PROBLEM.match(line))]
    if proc.returncode != 0 and not problems:
        problems = [log[-3000:]]
    return Build(out, problems, seconds)


def build_pdf(site: Path) -> str:
    """构建的最后一步：整站 PDF（``python -m dlnotes.pdf``，与 ``make build`` 相同）。
    返回出错的原因，成功时为空。"""
    proc = subprocess.run(
        [sys.executable, "-m", "dlnotes.pdf", str(site)],
        cwd=ROOT, capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    return "" if proc.returncode == 0 else (proc.stdout + proc.stderr)[-3000:]


def locate(message: str) -> str:
    """给 mkdocs 的警告补上页面里的行号：docs/x.md:12: …"""
    match = DOC_LINK.search(message) or MISSING_SNIPPET.search(message)
    if not match:
        return message
    page = DOCS / match["page"]
    target = match["target"]
    lines = [
        number
        for number, text in enumerate(page.read_text("utf8").splitlines(), start=1)
        if f"({target}" in text or f"]: {target}" in text or f'"{target}' in text
    ]
    where = ", ".join(f"{rel(page)}:{n}" for n in lines) or rel(page)
    return f"{where}: {message}"
