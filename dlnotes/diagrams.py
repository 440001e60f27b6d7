"""结构示意图：由代码生成的内嵌 SVG，不依赖 Mermaid 或任何外部脚本。

页面里这样写（mkdocs.yml 把 ``fence_format`` 注册成 pymdownx.superfences 的自定义代码块）::

    ```diagram
    transformer-block
    ```

构建时代码块被换成 ``<figure class="diagram">`` 里的 ``<svg>``。颜色全部来自 CSS 类
（``docs/stylesheets/extra.css`` 里用 mkdocs-material 的颜色变量），所以图跟随明暗主题；
文字是真正的文字（可搜索、可选中），字体与正文相同；``viewBox`` 让图随屏幕宽度缩放。

新增一张图：写一个返回 :class:`Diagram` 的函数，用 ``@diagram("名字")`` 注册。
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pymdownx.superfences import SuperFencesException

REGISTRY: dict[str, Callable[[], Diagram]] = {}


def diagram(name: str) -> Callable[[Callable[[], Diagram]], Callable[[], Diagram]]:
    def register(build: Callable[[], Diagram]) -> Callable[[], Diagram]:
        REGISTRY[name] = build
        return build

    return register


@dataclass
class Diagram:
    """一张图：画布大小、图注，以及按顺序追加的 SVG 元素。"""

    name: str
    width: int
    height: int
    caption: str
    parts: list[str] = field(default_factory=list)

    # ------------------------------------------------------------------ 基本元素
    def text(self, x: float, y: float, s: str, cls: str = "label", anchor: str = "middle") -> None:
        """一行文字；``_{…}`` 写成下标（如 ``L_{soft}``），用于 Unicode 没有的下标字母。"""
        self.parts.append(
            f'<text x="{x:g}" y="{y:g}" class="{cls}" text-anchor="{anchor}" '
            f'dominant-baseline="central">{subscripts(s)}</text>'
        )

    def box(
        self,
        cx: float,
        cy: float,
        w: float,
        h: float,
        title: str,
        subtitle: str = "",
        kind: str = "",
    ) -> Box:
        """以 (cx, cy) 为中心的圆角矩形，一行标题，可选一行小字。"""
        self.parts.append(
            f'<rect x="{cx - w / 2:g}" y="{cy - h / 2:g}" width="{w:g}" height="{h:g}" '
            f'rx="6" class="box {kind}"/>'
        )
        if subtitle:
            self.text(cx, cy - 8, title)
            self.text(cx, cy + 10, subtitle, cls="small")
        else:
            self.text(cx, cy, title)
        return Box(cx, cy, w, h)

    def circle(self, cx: float, cy: float, r: float, label: str = "", kind: str = "") -> Box:
        self.parts.append(f'<circle cx="{cx:g}" cy="{cy:g}" r="{r:g}" class="box {kind}"/>')
        if label:
            self.text(cx, cy, label, cls="op" if len(label) == 1 else "small")
        return Box(cx, cy, 2 * r, 2 * r)

    def line(
        self,
        *points: tuple[float, float],
        arrow: bool = True,
        both: bool = False,
        cls: str = "edge",
    ) -> None:
        """折线；默认末端带箭头，``both=True`` 时两端都带（双向）。"""
        d = "M " + " L ".join(f"{x:g} {y:g}" for x, y in points)
        marker = f' marker-end="url(#{self.name}-arrow)"' if arrow or both else ""
        if both:
            marker += f' marker-start="url(#{self.name}-arrow)"'
        self.parts.append(f'<path d="{d}" class="{cls}"{marker}/>')

    def group(self, x: float, y: float, w: float, h: float, label: str = "") -> None:
        """虚线框：把重复 N 次的部分框起来。"""
        self.parts.append(
            f'<rect x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" rx="10" class="group"/>'
        )
        if label:
            self.text(x + w - 8, y + 14, label, cls="small", anchor="end")

    # ------------------------------------------------------------------ 输出
    def svg(self) -> str:
        title = html.escape(self.caption)
        return (
            f'<figure class="diagram" id="diagram-{self.name}">'
            f'<svg viewBox="0 0 {self.width} {self.height}" width="{self.width}" '
            f'height="{self.height}" role="img" aria-label="{title}" '
            'xmlns="http://www.w3.org/2000/svg">'
            f'<defs><marker id="{self.name}-arrow" viewBox="0 0 10 10" refX="9" refY="5" '
            'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
            '<path d="M 0 0 L 10 5 L 0 10 z" class="arrowhead"/></marker></defs>'
            + "".join(self.parts)
            + f"</svg><figcaption>{title}</figcaption></figure>"
        )


SUBSCRIPT = re.compile(r"_\{([^}]*)\}")


def subscripts(s: str) -> str:
    """转义文字，并把 ``_{…}`` 换成下移 4 px 的小号 ``<tspan>``（其后的文字再移回基线）。"""
    pieces = SUBSCRIPT.split(s)
    out = html.escape(pieces[0])
    for sub, rest in zip(pieces[1::2], pieces[2::2], strict=True):
        out += f'<tspan class="sub" dy="4">{html.escape(sub)}</tspan>'
        if rest:
            out += f'<tspan dy="-4">{html.escape(rest)}</tspan>'
    return out


@dataclass(frozen=True)
class Box:
    """元素的外接矩形，用来找连线的端点。"""

    cx: float
    cy: float
    w: float
    h: float

    @property
    def top(self) -> tuple[float, float]:
        return (self.cx, self.cy - self.h / 2)

    @property
    def bottom(self) -> tuple[float, float]:
        return (self.cx, self.cy + self.h / 2)

    @property
    def left(self) -> tuple[float, float]:
        return (self.cx - self.w / 2, self.cy)

    @property
    def right(self) -> tuple[float, float]:
        return (self.cx + self.w / 2, self.cy)


def render(name: str) -> str:
    """按名字生成图；名字不存在时让构建失败。"""
    if name not in REGISTRY:
        raise SuperFencesException(
            f"未知的图 '{name}'（dlnotes/diagrams.py 里有：{sorted(REGISTRY)}）"
        )
    return REGISTRY[name]().svg()


def fence_format(src: str, language: str, class_name: str, options, md, **kwargs) -> str:
    """pymdownx.superfences 的自定义代码块：代码块内容是图的名字。"""
    return render(src.strip())


# ====================================================================== 各张图


@diagram("transformer-block")
def transformer_block() -> Diagram:
    """Transformer 编码器层（Post-LN）：自下而上，与原论文的图方向一致。"""
    d = Diagram(
        "transformer-block",
        390,
        560,
        "Transformer 编码器层（Post-LN，原论文和 nn.TransformerEncoderLayer 的默认结构）："
        "每个子层的输出与输入相加后再做层归一化，整层重复 N 次。",
    )
    cx, w = 205, 230
    d.group(14, 52, 362, 418, "× N")
    embed = d.box(cx, 520, w, 44, "词嵌入 × √d + 位置编码", "Embedding + Positional Encoding", "io")
    attn = d.box(cx, 400, w, 48, "多头自注意力", "Multi-Head Attention", "attn")
    norm1 = d.box(cx, 320, w, 40, "相加 & 层归一化", "Add & LayerNorm", "norm")
    ffn = d.box(cx, 220, w, 48, "前馈网络 FFN", "Linear → ReLU → Linear", "ffn")
    norm2 = d.box(cx, 140, w, 40, "相加 & 层归一化", "Add & LayerNorm", "norm")
    out = d.box(cx, 26, w, 36, "输出：送入下一层", kind="io")

    # 输入分成 Q、K、V 三路进入注意力
    split_y = 466
    d.line(embed.top, (cx, split_y), arrow=False)
    for dx, name in ((-60, "Q"), (0, "K"), (60, "V")):
        d.line(
            (cx, split_y),
            (cx + dx, split_y - 12),
            attn.bottom if dx == 0 else (cx + dx, attn.bottom[1]),
        )
        d.text(cx + dx + 8, split_y - 24, name, cls="small", anchor="start")
    d.line(attn.top, norm1.bottom)
    d.line(norm1.top, ffn.bottom)
    d.line(ffn.top, norm2.bottom)
    d.line(norm2.top, out.bottom)

    # 残差连接：绕过子层，从左侧接到“相加 & 层归一化”
    left = cx - w / 2 - 26
    d.line((cx, split_y), (left, split_y), (left, norm1.cy), norm1.left, cls="edge residual")
    d.line((cx, 276), (left, 276), (left, norm2.cy), norm2.left, cls="edge residual")
    d.text(left - 6, 400, "残差", cls="small", anchor="end")
    d.text(left - 6, 220, "残差", cls="small", anchor="end")
    return d


def _toward(a: tuple[float, float], b: tuple[float, float], r: float) -> tuple[float, float]:
    """从圆心 a 朝 b 走 r：圆形节点之间的连线从圆周出发。"""
    dx, dy = b[0] - a[0], b[1] - a[1]
    n = (dx * dx + dy * dy) ** 0.5
    return (a[0] + r * dx / n, a[1] + r * dy / n)


@diagram("mlp")
def mlp() -> Diagram:
    """3-4-4-2 的多层感知机，自左向右；记号与正文一致：h_l = σ(W_l h_{l-1} + b_l)。"""
    d = Diagram(
        "mlp",
        400,
        368,
        "3-4-4-2 的多层感知机：相邻两层的神经元两两相连（全连接），"
        "W₁ 的形状是（输出维度，输入维度）=（4, 3）。"
        "隐藏层在仿射变换后过激活函数 σ，输出层不加激活，共 46 个参数。",
    )
    xs = (50, 150, 250, 350)
    sizes = (3, 4, 4, 2)
    r, gap, mid = 16, 48, 140
    layers = [
        [(x, mid + (k - (n - 1) / 2) * gap) for k in range(n)]
        for x, n in zip(xs, sizes, strict=True)
    ]
    # 先画连线，节点盖在上面
    for left, right in itertools.pairwise(layers):
        for a in left:
            for b in right:
                d.line(_toward(a, b, r), _toward(b, a, r), arrow=False, cls="edge weak")
    for k, (x, y) in enumerate(layers[0]):
        d.circle(x, y, r, kind="io")
        d.text(x, y, f"x{'₁₂₃'[k]}")
    for layer in layers[1:3]:
        for x, y in layer:
            d.circle(x, y, r, "σ", kind="ffn")
    for k, (x, y) in enumerate(layers[3]):
        d.circle(x, y, r, kind="norm")
        d.text(x, y, f"ŷ{'₁₂'[k]}")
    # 权重矩阵：形状（输出维度，输入维度）
    for x, w in zip((100, 200, 300), ("W₁ (4×3)", "W₂ (4×4)", "W₃ (2×4)"), strict=True):
        d.text(x, 26, w, cls="small")
    for x, name, vec in zip(
        xs, ("输入层", "隐藏层 1", "隐藏层 2", "输出层"), ("x", "h₁", "h₂", "ŷ"), strict=True
    ):
        d.text(x, 250, name)
        d.text(x, 272, vec, cls="small")
    for y, formula in zip(
        (306, 330, 354), ("h₁ = σ(W₁x + b₁)", "h₂ = σ(W₂h₁ + b₂)", "ŷ = W₃h₂ + b₃"), strict=True
    ):
        d.text(200, y, formula)
    return d


@diagram("lstm-cell")
def lstm_cell() -> Diagram:
    """一个时间步的 LSTM（PyTorch 的写法：候选值记作 g_t）。细胞状态沿最上面的线走。"""
    d = Diagram(
        "lstm-cell",
        412,
        330,
        "一个时间步的 LSTM：遗忘门 fₜ、输入门 iₜ、输出门 oₜ 用 σ，候选值 gₜ 用 tanh，"
        "都由 xₜ 和 hₜ₋₁ 算出；细胞状态 c 沿上方直通，只经过逐元素乘 ⊙ 和加法。"
        "PyTorch 把四组权重按 i, f, g, o 的顺序拼在一起。",
    )
    top, gate_y, bus = 64, 204, 262
    d.text(206, 20, "cₜ = fₜ ⊙ cₜ₋₁ + iₜ ⊙ gₜ")
    # 门和候选值：自左向右 f, i, g, o（位置按数据流排，权重顺序见图注）
    gw, gh = 56, 42
    f = d.box(100, gate_y, gw, gh, "fₜ", "σ", "gate")
    i = d.box(164, gate_y, gw, gh, "iₜ", "σ", "gate")
    g = d.box(228, gate_y, gw, gh, "gₜ", "tanh", "ffn")
    o = d.box(292, gate_y, gw, gh, "oₜ", "σ", "gate")
    # 输入：hₜ₋₁ 从左边进来，xₜ 从下面汇入，一起送进每个门
    d.text(24, bus - 16, "hₜ₋₁")
    d.line((6, bus), (o.cx, bus), arrow=False)
    d.text(50, 314, "xₜ")
    d.line((50, 300), (50, bus), arrow=False)
    for gate in (f, i, g, o):
        d.line((gate.cx, bus), gate.bottom)
    # 细胞状态：cₜ₋₁ → ⊙ fₜ → ⊕ iₜ ⊙ gₜ → cₜ
    d.text(24, top - 16, "cₜ₋₁")
    forget = d.circle(f.cx, top, 13, "⊙")
    add = d.circle(g.cx, top, 13, "⊕")
    write = d.circle(g.cx, 134, 13, "⊙")
    d.line((6, top), forget.left)
    d.line(forget.right, add.left)
    d.line(add.right, (406, top))
    d.text(394, top - 16, "cₜ")
    d.line(f.top, forget.bottom)
    d.line(i.top, (i.cx, write.cy), write.left)
    d.line(g.top, write.bottom)
    d.line(write.top, add.bottom)
    # 输出：hₜ = oₜ ⊙ tanh(cₜ)
    squash = d.box(352, 130, 46, 28, "tanh")
    out = d.circle(352, gate_y, 13, "⊙")
    d.line((squash.cx, top), squash.top)
    d.line(squash.bottom, out.top)
    d.line(o.right, out.left)
    d.line(out.bottom, (out.cx, bus), (406, bus))
    d.text(394, bus - 16, "hₜ")
    d.text(300, 300, "hₜ = oₜ ⊙ tanh(cₜ)")
    return d


@diagram("seq2seq-attention")
def seq2seq_attention() -> Diagram:
    """Bahdanau 注意力的一步（以 t = 3 为例）：查询是 s₂，键和值是编码器的 hⱼ。"""
    d = Diagram(
        "seq2seq-attention",
        410,
        454,
        "Bahdanau 注意力解码第 t = 3 步：用上一步的解码器状态 s₂ 给双向编码器的每个 hⱼ 打分，"
        "对源位置 j 做 softmax 得到 α₃ⱼ，加权求和得到上下文 c₃，再与 s₂、y₂ 一起算出 s₃。",
    )
    xs = (40, 106, 172, 238)
    hy, xy = 350, 410
    hs = []
    for k, x in enumerate(xs):
        sub = "₁₂₃₄"[k]
        d.box(x, xy, 40, 26, f"x{sub}", kind="io")
        hs.append(d.box(x, hy, 42, 30, f"h{sub}", kind="state"))
        d.line((x, xy - 13), (x, hy + 15))
    for a, b in itertools.pairwise(hs):
        d.line(a.right, b.left, both=True)
    d.text(139, 440, "编码器（双向 RNN）", cls="small")
    # 注意力：查询 s₂，键和值 hⱼ
    att = d.box(150, 232, 284, 96, "α₃ⱼ = exp(e₃ⱼ) / Σₖ exp(e₃ₖ)", kind="attn")
    d.text(att.cx, 202, "e₃ⱼ = vₐᵀ tanh(Wₐs₂ + Uₐhⱼ)")
    d.text(att.cx, 262, "c₃ = Σⱼ α₃ⱼ hⱼ")
    d.text(8, 168, "注意力：查询 s₂，键和值 hⱼ", cls="small", anchor="start")
    for h in hs:
        d.line(h.top, (h.cx, att.bottom[1]))
    # 解码器：s₁ → s₂ → s₃，自下而上
    sx = 362
    s1 = d.box(sx, hy, 50, 30, "s₁", kind="state")
    s2 = d.box(sx, att.cy, 50, 30, "s₂", kind="state")
    s3 = d.box(sx, 96, 50, 30, "s₃", kind="state")
    d.text(sx, 378, "解码器", cls="small")
    d.line(s1.top, s2.bottom)
    d.line(s2.top, s3.bottom)
    d.line(s2.left, att.right)
    d.text(315, att.cy - 12, "s₂", cls="small")
    # 上下文 c₃ 送进解码器这一步
    cx = 260
    d.line((cx, att.top[1]), (cx, s3.cy), s3.left)
    d.text(cx + 8, 140, "c₃", anchor="start")
    # 上一步的输出 y₂ 作为这一步的输入
    d.line(s2.right, (402, s2.cy), (402, s3.cy + 8), (s3.right[0], s3.cy + 8))
    d.text(396, 168, "y₂", cls="small", anchor="end")
    d.line(s3.top, (sx, 36))
    d.text(sx, 24, "y₃")
    return d


@diagram("distillation")
def distillation() -> Diagram:
    """知识蒸馏的损失：软损失（同一温度 T）+ 硬损失（T = 1），自上而下。"""
    d = Diagram(
        "distillation",
        410,
        420,
        "知识蒸馏的训练：教师与学生的 logit 都除以同一温度 T 再做 Softmax，"
        "两者的 KL 散度是软损失（乘 T²）；学生在 T = 1 下与真实标签 y 的交叉熵是硬损失。"
        "教师冻结，只有学生的参数被更新。",
    )
    inp = d.box(160, 26, 100, 32, "输入 x", kind="io")
    teacher = d.box(70, 100, 124, 46, "教师（大）", "已训练好，冻结", "ffn")
    student = d.box(250, 100, 124, 46, "学生（小）", "要训练的模型", "ffn")
    label = d.box(377, 100, 58, 32, "标签 y", kind="io")
    split = 58
    d.line(inp.bottom, (inp.cx, split), arrow=False)
    d.line((inp.cx, split), (teacher.cx, split), teacher.top)
    d.line((inp.cx, split), (student.cx, split), student.top)

    row = 194
    p = d.box(70, row, 112, 42, "softmax(v / T)", "软目标 p")
    q = d.box(190, row, 112, 42, "softmax(z / T)", "q")
    hard = d.box(310, row, 100, 42, "softmax(z)", "T = 1")
    d.line(teacher.bottom, p.top)
    d.text(teacher.cx + 6, 146, "logit v", cls="small", anchor="start")
    fork = 146
    d.line(student.bottom, (student.cx, fork), arrow=False)
    d.line((student.cx, fork), (q.cx, fork), q.top)
    d.line((student.cx, fork), (hard.cx, fork), hard.top)
    d.text(student.cx + 6, 134, "logit z", cls="small", anchor="start")

    loss_y = 280
    soft = d.box(130, loss_y, 150, 44, "KL(p ‖ q)", "软损失 L_{soft}", "attn")
    ce = d.box(335, loss_y, 120, 44, "交叉熵", "硬损失 L_{hard}", "attn")
    d.line(p.bottom, (p.cx, soft.top[1]))
    d.line(q.bottom, (q.cx, soft.top[1]))
    d.line(hard.bottom, (hard.cx, ce.top[1]))
    d.line(label.bottom, (label.cx, ce.top[1]))

    total = d.box(205, 380, 300, 44, "L = α T² L_{soft} + (1 − α) L_{hard}", "总损失", "state")
    d.line(soft.bottom, (soft.cx, total.top[1]))
    d.text(soft.cx + 6, 330, "× α T²", cls="small", anchor="start")
    d.line(ce.bottom, (ce.cx, total.top[1]))
    d.text(ce.cx - 6, 330, "× (1 − α)", cls="small", anchor="end")
    return d
