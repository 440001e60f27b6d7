"""MkDocs 钩子，一个文件一件事；mkdocs.yml 的 ``hooks:`` 按文件路径加载它们。

- ``katex``：发布 KaTeX 的样式和字体（npm 安装），页面不从其他主机加载任何资源；
- ``math``：公式在构建时由常驻的 Node 进程排版成 KaTeX 的 HTML，浏览器里不运行排版脚本；
- ``notebooks``：执行笔记本页面（后台并行、按内容缓存），整理 mkdocs-jupyter 渲染出的页面；
- ``snippet_titles``：引用代码文件的代码块加上 ``snippets/…`` 标题；
- ``page_meta``：页脚、每页的最后更新日期（页面及其代码文件的 git 记录）和描述；
- ``reading_aids``：构建时生成术语表与面试题索引；
- ``search``：构建结束后用 Pagefind 给站点建分片索引（代码、公式不进索引）；
- ``accessibility``：几处精确的无障碍修正（搜索对话框的名字、地标、可聚焦的滚动区域）。

```` ```diagram ```` 代码块不需要钩子：mkdocs.yml 直接把 ``dlnotes.diagrams.fence_format``
注册成 pymdownx.superfences 的自定义代码块。
"""
