"""KV 缓存的显存：每个词元 2·L·n_kv·d_head·字节数，再乘序列长度和批大小；
GQA 按 n_head/n_kv 倍缩小。"""

import torch
from torch import nn

torch.manual_seed(0)
# 公开的配置：层数 L、查询头数 n_head、KV 头数 n_kv、头维度 d_head（= 隐藏维度 / n_head）
configs = {
    "Llama 2 7B": dict(L=32, n_head=32, n_kv=32, d_model=4096),
    "Llama 2 70B": dict(L=80, n_head=64, n_kv=8, d_model=8192),
    "Llama 3 8B": dict(L=32, n_head=32, n_kv=8, d_model=4096),
}
BYTES = 2  # fp16 / bf16
MiB, GiB = 2**20, 2**30


def per_token(c: dict) -> int:
    """公式：K 和 V 两份 × 层数 × KV 头数 × 头维度 × 每个数的字节数。"""
    return 2 * c["L"] * c["n_kv"] * (c["d_model"] // c["n_head"]) * BYTES


def cache_bytes(c: dict, batch: int, seq: int) -> int:
    """按推理框架的布局（每层 K、V 各一个 (批, n_kv, 长度, d_head) 张量）
    在 meta 设备上建出缓存（不分配内存），数字节数。"""
    d_head = c["d_model"] // c["n_head"]
    total = 0
    for _ in range(c["L"]):
        for _kv in ("K", "V"):
            t = torch.empty(batch, c["n_kv"], seq, d_head, dtype=torch.float16, device="meta")
            total += t.numel() * t.element_size()
    return total


for name, c in configs.items():
    tok = per_token(c)
    full = cache_bytes(c, batch=1, seq=4096)
    print(f"{name}: 每个词元 {tok // 1024} KiB，4096 个词元 {full // MiB} MiB")
    assert full == tok * 4096 and cache_bytes(c, batch=3, seq=100) == tok * 300
# > Llama 2 7B: 每个词元 512 KiB，4096 个词元 2048 MiB
# > Llama 2 70B: 每个词元 320 KiB，4096 个词元 1280 MiB
# > Llama 3 8B: 每个词元 128 KiB，4096 个词元 512 MiB

# GQA 的节省：70B 如果用 64 个 KV 头（标准多头注意力），缓存是现在的 64/8 = 8 倍
mha_70b = dict(configs["Llama 2 70B"], n_kv=64)
ratio = cache_bytes(mha_70b, 1, 4096) // cache_bytes(configs["Llama 2 70B"], 1, 4096)
print(f"70B 若用 MHA：每个词元 {per_token(mha_70b) // 1024} KiB，是 GQA 的 {ratio} 倍")
# > 70B 若用 MHA：每个词元 2560 KiB，是 GQA 的 8 倍
assert ratio * cache_bytes(configs["Llama 2 70B"], 1, 4096) == cache_bytes(mha_70b, 1, 4096)
assert ratio == mha_70b["n_kv"] / configs["Llama 2 70B"]["n_kv"]

# 批大小 16、上下文 4096：7B 的缓存 32 GiB，比 fp16 权重本身还大。
# 权重按 Llama 2 7B 的结构（词表 32000、前馈 11008 的 SwiGLU、RMSNorm、无偏置）
# 在 meta 设备上建出来数
d, f, vocab = 4096, 11008, 32000
with torch.device("meta"):
    layer = nn.ModuleList(
        [nn.Linear(d, d, bias=False) for _ in ("q", "k", "v", "o")]
        + [nn.Linear(d, f, bias=False), nn.Linear(d, f, bias=False), nn.Linear(f, d, bias=False)]
        + [nn.RMSNorm(d), nn.RMSNorm(d)]
    )
    ends = nn.ModuleList([nn.Embedding(vocab, d), nn.RMSNorm(d), nn.Linear(d, vocab, bias=False)])
n_params = 32 * sum(p.numel() for p in layer.parameters()) + sum(
    p.numel() for p in ends.parameters()
)
weights = n_params * BYTES
gb, gib = weights / 1e9, weights / GiB
print(f"Llama 2 7B：{n_params / 1e9:.2f}e9 个参数，fp16 权重 {gb:.1f} GB（{gib:.1f} GiB）")
# > Llama 2 7B：6.74e9 个参数，fp16 权重 13.5 GB（12.6 GiB）
big = cache_bytes(configs["Llama 2 7B"], batch=16, seq=4096)
print(f"Llama 2 7B，批大小 16 × 4096 个词元：{big // GiB} GiB")
# > Llama 2 7B，批大小 16 × 4096 个词元：32 GiB
assert big > 2 * weights  # 缓存是权重的两倍多
