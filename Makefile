# 两条命令完成全部准备：make serve（构建并在本机预览，改动自动刷新）、make test（运行全部测试）。
# 第一次运行时自动创建 .venv、按 requirements.txt 安装 Python 依赖、按 package-lock.json 安装 KaTeX。

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve build test bench clean fix-text

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# 预览时只警告不中断（写到一半的页面也能看）；make build 与测试都用严格模式
serve: setup
	$(BIN)/mkdocs serve --livereload --no-strict --dev-addr 127.0.0.1:8000

build: setup
	$(BIN)/mkdocs build --strict

test: setup
	$(BIN)/pytest -n auto --dist loadgroup

# 性能基准：构建与测试的冷/热耗时、页数增长、最重页面的传输量、搜索延迟，写进 bench.json
bench: setup
	$(BIN)/python tools/bench.py

clean:
	rm -rf site $(VENV) node_modules

# 按 autocorrect 的规则自动修正 docs/ 下的中文排版（中英文之间的空格、全角标点）
fix-text: setup
	$(BIN)/python -c "import autocorrect_py, pathlib; [p.write_text(autocorrect_py.format_for(p.read_text('utf8'), str(p)), 'utf8') for p in pathlib.Path('docs').rglob('*.md')]"
