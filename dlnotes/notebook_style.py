"""笔记本执行前运行（不在页面上显示，也不进入笔记本的命名空间）：中文字体、SVG 输出和配色。

只影响图的样子，不影响计算：笔记本里的代码照样自带 import 和随机种子，下载下来就能运行。

- 中文字体来自 PyPI 包 ``noto-cjk-sans-otc``（Noto Sans CJK），随 requirements.txt 安装，
  不依赖系统字体；SVG 里的文字转成路径，读者的浏览器不需要任何字体。
- 图输出为 SVG。轴、刻度、文字用一个占位颜色画出，执行后由 ``notebook_runner``
  换成 ``currentColor``：内嵌在页面里的 SVG 跟着明暗主题变色。
"""

import matplotlib as mpl
import noto_cjk_sans_otc
from matplotlib import font_manager
from matplotlib_inline.backend_inline import set_matplotlib_formats

from dlnotes.notebook_runner import INK

font_manager.fontManager.addfont(str(noto_cjk_sans_otc.FONT_PATH))
mpl.rcParams.update(
    {
        # 拉丁字母和数学符号用 DejaVu Sans，汉字回退到 Noto Sans CJK SC
        "font.family": ["DejaVu Sans", "Noto Sans CJK SC"],
        "axes.unicode_minus": False,
        "font.size": 11,
        # 手机上也看得清：图不宽，字不小
        "figure.figsize": (6.4, 4.0),
        "figure.dpi": 100,
        "svg.fonttype": "path",
        "svg.hashsalt": "dl-notes",
        "image.cmap": "viridis",
        # 透明背景 + 占位墨色
        "figure.facecolor": "none",
        "axes.facecolor": "none",
        "savefig.transparent": True,
        "text.color": INK,
        "axes.labelcolor": INK,
        "axes.edgecolor": INK,
        "axes.titlecolor": INK,
        "xtick.color": INK,
        "ytick.color": INK,
        "xtick.labelcolor": INK,
        "ytick.labelcolor": INK,
        "grid.color": INK,
        "grid.alpha": 0.15,
        "legend.edgecolor": INK,
        "legend.labelcolor": INK,
        "legend.framealpha": 0.0,
        "patch.edgecolor": INK,
        "hatch.color": INK,
        "boxplot.flierprops.markeredgecolor": INK,
        "axes.grid": True,
        "axes.spines.top": False,
        "axes.spines.right": False,
        # 浅色、深色背景上都清楚的一组颜色
        "axes.prop_cycle": mpl.cycler(
            color=[
                "#3b82f6",
                "#f97316",
                "#10b981",
                "#ef4444",
                "#a855f7",
                "#eab308",
                "#06b6d4",
                "#ec4899",
            ]
        ),
    }
)
set_matplotlib_formats("svg", metadata={"Date": None, "Creator": None})
