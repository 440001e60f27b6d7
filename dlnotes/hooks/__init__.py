"""MkDocs 钩子，一个文件一件事；mkdocs.yml 的 ``hooks:`` 按文件路径加载它们。

- ``katex``：发布随站点的 KaTeX（npm 安装），页面不从其他主机加载任何资源；
- ``notebooks``：执行笔记本页面（后台并行、按内容缓存），整理 mkdocs-jupyter 渲染出的页面；
- ``snippet_titles``：引用代码文件的代码块加上 ``snippets/…`` 标题；
- ``page_meta``：页脚、每页的最后更新日期（页面及其代码文件的 git 记录）和描述；
- ``reading_aids``：构建时生成术语表与面试题索引；
- ``search_index``：代码不进搜索索引，索引写成 UTF-8，修正搜索 worker 切分中文查询的缺陷。

```` ```diagram ```` 代码块不需要钩子：mkdocs.yml 直接把 ``dlnotes.diagrams.fence_format``
注册成 pymdownx.superfences 的自定义代码块。
"""
