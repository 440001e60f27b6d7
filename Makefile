# 两条命令完成全部准备：make serve（构建并在本机预览，改动自动刷新）、make test（运行全部测试）。
# 第一次运行时自动创建 .venv、按 requirements.lock 安装全部 Python 依赖（版本全部钉死）、
# 以可编辑方式安装本项目的机制包 dlnotes、按 package-lock.json 安装前端工具（KaTeX、purgecss、axe-core、lighthouse）。

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve build pdf test bench snapshots lock clean fix-text

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# 预览时只警告不中断（写到一半的页面也能看）；make build 与测试都用严格模式。
# docs/、snippets/、dlnotes/、overrides/ 和 mkdocs.yml 有改动就重新构建（mkdocs.yml 的 watch）。
serve: setup
	$(BIN)/mkdocs serve --livereload --no-strict --dev-addr 127.0.0.1:8000

build: setup
	$(BIN)/mkdocs build --strict
	$(BIN)/python -m dlnotes.pdf site

# 整站 PDF（site/dlnotes.pdf）：先严格构建，再用 Chromium 打印（内容没变时用缓存）
pdf: build

test: setup
	$(BIN)/pytest -n auto

# 性能基准：构建与测试的冷/热耗时、每个代码文件和笔记本的耗时、页数增长、最重页面的传输量、
# 搜索延迟、Lighthouse 分数，写进 bench.json（测试只检查对错，耗时预算都在这里）。
# 只测其中几项：make bench PARTS="lighthouse suite"（可选 build snippets browser lighthouse scaling suite）
bench: setup
	$(BIN)/python -m dlnotes.bench $(PARTS)

# 重新生成术语表与面试题索引的快照（tests/snapshots/），提交前看一遍 git diff
snapshots: setup
	UPDATE_SNAPSHOTS=1 $(BIN)/pytest -p no:xdist -q tests/test_reading_aids.py -k snapshot

# requirements.txt 改了之后重新生成 requirements.lock（全部间接依赖钉死版本）。
# torch 的 CPU 版要能从 pip 的配置里找到（本机的 find-links，或 PIP_EXTRA_INDEX_URL 指向
# https://download.pytorch.org/whl/cpu，与工作流相同）。
lock: setup
	$(BIN)/pip-compile --quiet --strip-extras --allow-unsafe --no-emit-find-links \
		--no-emit-index-url --output-file requirements.lock requirements.txt

clean:
	rm -rf site .cache $(VENV) node_modules

# 按 autocorrect 的规则自动修正中文排版：docs/ 下的页面和笔记本（测试检查的正是这些文件）
fix-text: setup
	$(BIN)/python -c "import autocorrect_py, pathlib; [p.write_text(autocorrect_py.format_for(p.read_text('utf8'), str(p)), 'utf8') for p in [*pathlib.Path('docs').rglob('*.md'), *pathlib.Path('docs').rglob('*.py')]]"
