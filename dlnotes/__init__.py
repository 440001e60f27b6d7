"""深度学习笔记的构建与测试机制：一个包，每个模块做一件事。

页面与代码文件
    ``paths``             仓库里的位置；页面源文件 ↔ 站点地址（全项目只在这里写一次）
    ``includes``          ``--8<--`` 引用语法、节标记、按站点配置展开引用
    ``expected_output``   代码里 ``# >`` 注释写的期望输出，与实际输出逐行比对
    ``reader_markdown``   按读者看到的样子解析页面（展开标签页、提示框、折叠块和引用）

在全新的进程里运行
    ``isolation``         全项目唯一的 forkserver（预先导入 torch 等）与两套数值配置
    ``snippet_runs``      运行一段代码：覆盖率、输出、另一套数值配置下的输出，带缓存
    ``print_check``       打印出来的数是否处在舍入边界上、会不会印成 −0、是否印了完整精度
    ``notebook_runner``   执行 docs/ 里的笔记本页面（带缓存）；``notebook_kernel`` 在子进程里
                          用 IPython 执行单元格；``notebook_style`` 设置图的字体和配色

站点内容
    ``diagrams``          ```` ```diagram ```` 代码块：代码生成的内嵌 SVG 结构图
    ``reading_aids``      术语表、面试题索引与面试练习（从渲染后的 HTML 生成）
    ``pdf``               整站 PDF：按目录拼接各页正文，用 Chromium 打印；``pdf_fonts`` 准备中文字体
    ``hooks``             MkDocs 钩子，一个文件一件事（mkdocs.yml 的 ``hooks:`` 列表）

测试与基准
    ``testing``           pytest 插件（页面代码块）、共用的站点构建、浏览器测试的辅助
    ``bench``             ``make bench``：构建、测试、页面重量、搜索延迟，写进 bench.json
"""
