"""dlnotes/reading_aids：从手写的几段 HTML 检查生成规则；再拿整站真正生成的术语表、面试题索引
与审阅过的快照（tests/snapshots/）比对：改了规则或内容，差异就显示在快照的 diff 里。
面试练习页的交互在 tests/test_browser.py 里检查。"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import pytest

from dlnotes.paths import ROOT
from dlnotes.reading_aids import (
    RenderedPage,
    answers,
    glossary_markdown,
    practice_markdown,
    questions_markdown,
)
from dlnotes.reading_aids.practice import question_folds, rebase_links
from dlnotes.snippet_runs import RUN_CACHE_ENV

NORMALIZATION = RenderedPage(
    url="training/normalization/",
    title="归一化",
    chapter="训练",
    html="""
<h1 id="norm">归一化（Normalization Layers）<a class="headerlink" href="#norm">¶</a></h1>
<p>批归一化（Batch Normalization，BN）把一批数标准化。</p>
<h2 id="ln">层归一化<a class="headerlink" href="#ln">¶</a></h2>
<p>Transformer 里用的叫做<strong>层归一化</strong>（Layer Normalization, LN）。</p>
<p>代码 <code>代码名（Code Name）</code>，
公式 <span class="arithmatex">\\(\\text{公式词（Math Word）}\\)</span>。</p>
<div class="highlight"><pre><span>预格式（Preformatted Word）</span></pre></div>
<svg><text>图中词（Diagram Label）</text></svg>
<p>引文不是术语（Vaswani 等 2017），只写缩写的也不收：全连接层（MLP）。</p>
<h2 id="interview">面试题<a class="headerlink" href="#interview">¶</a></h2>
<details class="question"><summary>BN 和 LN 有什么区别？</summary>
<p>答案（Answer Text）</p></details>
<details class="question">
<summary>为什么要除以 <span class="arithmatex">\\(\\sqrt{d}\\)</span>？</summary>
<p>因为方差。</p></details>
""",
)
OPTIMIZERS = RenderedPage(
    url="training/optimizers/",
    title="优化器",
    chapter="训练",
    html="""
<h1 id="opt">优化器</h1>
<h2 id="sgd">随机梯度下降</h2>
<p>例如梯度下降（Gradient Descent）。后面常接批归一化（batch normalization）。</p>
<p>神经网络里常说的权重衰减（Weight Decay）；这就是梯度消失（Vanishing Gradient）。</p>
<h2 id="pipe">或运算 a | b</h2>
<p>动量（Momentum）在这一节。</p>
<h2 id="interview">面试题</h2>
<details class="question"><summary>Adam 的偏差修正是做什么的？</summary><p>…</p></details>
""",
)
CNN = RenderedPage(
    url="models/cnn/",
    title="卷积神经网络",
    chapter="模型",
    html="""
<h1 id="cnn">卷积与池化（Convolution and Pooling）</h1>
<h2 id="idea">直觉</h2>
<p>卷积神经网络（Convolutional Neural Network，CNN）用卷积核（kernel）扫过图像。</p>
<details class="question"><summary>卷积层的参数量怎么算？</summary><p>…</p></details>
""",
)
PAGES = [NORMALIZATION, OPTIMIZERS, CNN]


def rows(markdown: str) -> dict[str, list[str]]:
    """术语表的数据行：中文 → [中文, English, 缩写, 定义位置]。"""
    table = {}
    for line in markdown.splitlines():
        if line.startswith("| ") and not line.startswith("| 中文"):
            cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]]
            assert cells[0] not in table, f"重复的术语：{cells[0]}"
            table[cells[0]] = cells
    return table


@pytest.fixture(scope="module")
def glossary() -> str:
    return glossary_markdown(PAGES)


def test_terms_link_to_their_section(glossary):
    table = rows(glossary)
    assert table["层归一化"][1:3] == ["Layer Normalization", "LN"]
    assert table["层归一化"][3].startswith("[归一化 › 层归一化](../training/normalization/#ln)")
    # h1 下面、第一个小节之前的正文链接到页面本身
    assert table["批归一化"][3].startswith("[归一化](../training/normalization/)")
    assert table["卷积神经网络"][1:3] == ["Convolutional Neural Network", "CNN"]
    assert table["卷积核"][3] == "[卷积神经网络 › 直觉](../models/cnn/#idea)"


def test_code_math_diagrams_and_non_terms_are_ignored(glossary):
    for word in ["代码名", "公式词", "预格式", "图中词", "Code Name", "Math Word", "Diagram"]:
        assert word not in glossary
    table = rows(glossary)
    assert "全连接层" not in table  # 只写过缩写
    assert not any("Vaswani" in cells[1] for cells in table.values())
    # 页面标题本身是一个术语时照收，“卷积与池化”这样的标题不收
    assert rows(glossary)["归一化"][1:] == [
        "Normalization Layers",
        "",
        "[归一化](../training/normalization/)",
    ]
    assert "Pooling" not in glossary
    assert "Answer Text" in rows(glossary)["答案"][1]  # 折叠块里的正文照收


def test_duplicates_are_merged_with_see_also(glossary):
    table = rows(glossary)
    assert table["批归一化"][1] == "Batch Normalization"  # 第一次出现的写法
    assert "另见 [优化器](../training/optimizers/#sgd)" in table["批归一化"][3]
    assert sum("Batch Normalization" in line for line in glossary.splitlines()) == 1


def test_abbreviations_are_matched_case_sensitively():
    zero = RenderedPage(
        url="llm/distributed/",
        title="分布式训练",
        chapter="大模型",
        html='<h1 id="d">分布式训练</h1><p>零冗余优化器（Zero Redundancy Optimizer，ZeRO）。</p>',
    )
    diffusion = RenderedPage(
        url="llm/diffusion/",
        title="扩散模型",
        chapter="大模型",
        html='<h1 id="f">扩散模型</h1><p>adaLN-Zero；zero_grad；Zero；zero。</p>',
    )
    optimizer = RenderedPage(
        url="llm/other/",
        title="别的页面",
        chapter="大模型",
        html='<h1 id="o">别的页面</h1><p>ZeRO-3 与 zero redundancy optimizer。</p>',
    )
    table = rows(glossary_markdown([zero, diffusion, optimizer]))
    # 英文全称不分大小写，缩写区分：扩散模型页没有提到 ZeRO
    assert "另见 [别的页面](../llm/other/)" in table["零冗余优化器"][3]
    assert "扩散模型" not in table["零冗余优化器"][3]


@pytest.mark.parametrize(
    ("phrase", "term"),
    [
        ("也叫批归一化", "批归一化"),
        ("叫做层归一化", "层归一化"),
        ("例如梯度下降", "梯度下降"),
        ("神经网络里常说的权重衰减", "权重衰减"),
        ("这就是梯度消失", "梯度消失"),
        ("后面紧跟批归一化", "批归一化"),
        ("随机梯度下降", "随机梯度下降"),
    ],
)
def test_function_word_prefixes_are_stripped(phrase, term):
    page = RenderedPage("a/", "页", "章", f"<h2 id='s'>节</h2><p>前文，{phrase}（Some Term）。</p>")
    assert list(rows(glossary_markdown([page]))) == [term]


def test_glossary_is_grouped_by_english_initial(glossary):
    headings = re.findall(r"^## (\w)$", glossary, re.MULTILINE)
    assert headings == sorted(headings)
    assert {"B", "C", "G", "L", "M", "V", "W"} <= set(headings)
    b_section = glossary.split("## B")[1].split("\n## ")[0]
    assert "批归一化" in b_section
    assert f"共 {len(rows(glossary))} 条" in glossary


def test_tables_are_valid_markdown(glossary):
    table_lines = [line for line in glossary.splitlines() if line.startswith("|")]
    assert table_lines
    pipes = {len(re.findall(r"(?<!\\)\|", line)) for line in table_lines}
    assert pipes == {5}
    assert r"或运算 a \| b" in rows(glossary)["动量"][3]  # 小节标题里的 | 转义了
    for _, separator in re.findall(r"^(\| 中文.*)\n(.*)$", glossary, re.MULTILINE):
        assert separator == "|---|---|---|---|"


def test_questions_are_grouped_and_linked():
    markdown = questions_markdown(PAGES)
    assert "全部 4 道题" in markdown
    assert markdown.index("## 训练") < markdown.index("### [归一化]") < markdown.index("## 模型")
    assert "### [优化器](../training/optimizers/)" in markdown
    assert "1. [BN 和 LN 有什么区别？](../training/normalization/#interview)" in markdown
    assert r"2. [为什么要除以 $\sqrt{d}$？](../training/normalization/#interview)" in markdown
    # 没有“面试题”小节时，链接到问题所在的小节
    assert "1. [卷积层的参数量怎么算？](../models/cnn/#idea)" in markdown
    assert markdown.count("## 训练") == 1


def test_pages_without_questions_are_left_out():
    page = RenderedPage("a/", "没有题的页", "章", "<h1>标题</h1><p>正文。</p>")
    markdown = questions_markdown([page])
    assert "没有题的页" not in markdown
    assert "全部 0 道题" in markdown


# ---------------------------------------------------------------- 面试练习


def test_practice_lists_every_question_with_its_source():
    markdown, practice = practice_markdown(PAGES)
    assert "共 4 道" in markdown
    items = re.findall(r"<li ([^>]*)>(.*?)</li>", markdown)
    assert [text for _, text in items] == [
        "BN 和 LN 有什么区别？",
        r'为什么要除以 <span class="arithmatex">\(\sqrt{d}\)</span>？',
        "Adam 的偏差修正是做什么的？",
        "卷积层的参数量怎么算？",
    ]
    assert (
        'data-chapter="training" data-page="归一化" data-url="../training/normalization/"'
        in (items[0][0])
    )
    assert 'data-answers="training.normalization"' in items[0][0]
    assert '<option value="training">训练</option><option value="models">模型</option>' in markdown
    ids = [re.search(r'data-id="(\w+)"', attrs)[1] for attrs, _ in items]
    assert len(set(ids)) == 4
    assert practice.ids["training/normalization/"] == ids[:2]
    # 编号只取决于出处和题面：再生成一次不变
    assert practice_markdown(PAGES)[1] == practice


def test_practice_answer_is_the_whole_fold_with_links_rebased():
    page = RenderedPage(
        "models/cnn/",
        "卷积",
        "模型",
        """<details class="question"><summary>问题一？</summary>
<p>见<a href="../rnn/#bptt">RNN</a>和<a href="#idea">上文</a>，
<a href="https://example.org/x">外链</a>。</p>
<details class="note"><summary>嵌套的折叠块</summary><p>内层</p></details>
<p>嵌套之后还是答案。</p></details>
<details class="question"><summary>问题二？</summary><p>二</p></details>""",
    )
    folds = question_folds(page.html)
    assert [fold.question for fold in folds] == ["问题一？", "问题二？"]
    assert folds[0].answer.endswith("<p>嵌套之后还是答案。</p>")
    assert "内层" in folds[0].answer and "问题二" not in folds[0].answer
    rebased = rebase_links(folds[0].answer, page.url)
    assert 'href="../models/rnn/#bptt"' in rebased
    assert 'href="../models/cnn/#idea"' in rebased
    assert 'href="https://example.org/x"' in rebased
    _, practice = practice_markdown([page])
    by_id = answers(page.html, page.url, practice)
    assert list(by_id) == practice.ids["models/cnn/"]
    assert list(by_id.values())[1] == "<p>二</p>"
    with pytest.raises(ValueError, match="models/cnn/: 排版后找到 1 道题，排版前是 2 道"):
        answers(page.html.split('<details class="question"><summary>问题二')[0], page.url, practice)


def test_folds_are_found_after_other_folds_and_inside_one():
    """只从第一道题解析起：题前面的折叠块、包着题的外层折叠块都不能打乱层数。"""
    html_text = """<p>正文</p><details class="note"><summary>注</summary><p>x</p></details>
<details class="tip"><summary>外层</summary>
<details class="question"><summary>内层题？</summary><p>甲</p></details>
</details>
<details class="question inline"><summary>题二？</summary><p>乙</p></details>"""
    folds = question_folds(html_text)
    expected = [("内层题？", "<p>甲</p>"), ("题二？", "<p>乙</p>")]
    assert [(f.question, f.answer) for f in folds] == expected
    assert question_folds('<details class="note"><summary>注</summary></details>') == []


# ---------------------------------------------------------------- 整站生成的两页与快照比对

SNAPSHOTS = ROOT / "tests" / "snapshots"


@pytest.mark.parametrize("name", ["glossary.md", "questions.md"])
def test_generated_page_matches_the_reviewed_snapshot(name: str, build) -> None:
    """``make snapshots`` 重新生成快照；提交前看一遍 diff，确认新术语、新题目都对。"""
    generated = Path(os.environ[RUN_CACHE_ENV]) / "aids" / name
    assert generated.is_file(), f"构建没有写出 {name}（钩子 dlnotes/hooks/reading_aids.py）"
    text = generated.read_text("utf8")
    snapshot = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS"):
        snapshot.parent.mkdir(exist_ok=True)
        snapshot.write_text(text, "utf8")
    reviewed = snapshot.read_text("utf8") if snapshot.is_file() else ""
    if text != reviewed:
        diff = difflib.unified_diff(
            reviewed.splitlines(),
            text.splitlines(),
            f"tests/snapshots/{name}",
            "本次构建",
            lineterm="",
        )
        pytest.fail(
            f"tests/snapshots/{name} 与本次构建生成的不同（确认无误后运行 make snapshots）：\n"
            + "\n".join(list(diff)[:80]),
            pytrace=False,
        )
