// 构建时的 KaTeX 渲染器（dlnotes/hooks/math.py 启动，整个构建只启动一次）。
// 标准输入每行一个请求：[{"tex": "...", "display": true|false}, ...]（一页的全部公式），
// 标准输出每行一个回答：[{"html": "..."} 或 {"error": "..."}, ...]，顺序与请求相同。
"use strict";
const path = require("path");
const readline = require("readline");
const katex = require(path.resolve(process.argv[2] || "node_modules/katex"));

const render = ({ tex, display }) => {
  try {
    // strict: "error"：KaTeX 认为不规范的写法（例如数学模式里直接写汉字）也算错误
    return { html: katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: "error" }) };
  } catch (error) {
    return { error: String(error.message || error) };
  }
};

const lines = readline.createInterface({ input: process.stdin, terminal: false });
lines.on("line", (line) => {
  process.stdout.write(JSON.stringify(JSON.parse(line).map(render)) + "\n");
});
