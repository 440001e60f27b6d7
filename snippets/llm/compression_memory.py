"""权重显存：7B 模型在 fp16 / int8 / int4（分组 128）下各占多少；用真的打包张量核对每参数比特数。"""

import torch
from torch import nn

torch.manual_seed(0)


def pack_int4(w: torch.Tensor, group: int) -> tuple[torch.Tensor, torch.Tensor]:
    """分组 absmax 4 比特：码值加 8 变成 [0, 15]，两个码挤进一个 uint8；每组一个 fp16 scale。"""
    g = w.reshape(w.shape[0], -1, group)
    scale = (g.abs().amax(dim=2, keepdim=True) / 7).half()
    codes = (
        (torch.clamp(torch.round(g / scale.float()), -8, 7) + 8).to(torch.uint8).reshape(w.shape)
    )
    packed = codes[:, 0::2] | (codes[:, 1::2] << 4)
    return packed, scale


def unpack_int4(packed: torch.Tensor, scale: torch.Tensor, group: int) -> torch.Tensor:
    codes = torch.stack([packed & 15, packed >> 4], dim=2).reshape(packed.shape[0], -1)
    g = (codes.float() - 8).reshape(codes.shape[0], -1, group)
    return (g * scale.float()).reshape(codes.shape)


# 检查 1：真的打包一个矩阵，按张量的字节数算每个参数占多少比特
w = torch.randn(256, 1024)
packed, scale = pack_int4(w, group=128)
bits = 8 * (packed.nbytes + scale.nbytes) / w.numel()
print(f"int4 分组 128、fp16 scale：每参数 {bits} 比特")
# > int4 分组 128、fp16 scale：每参数 4.125 比特
assert bits == 4 + 16 / 128
# 解包后与直接分组量化的结果相同，误差不超过各组 scale 的一半
deq = unpack_int4(packed, scale, 128)
half = (scale.float() / 2).expand(-1, -1, 128).reshape(w.shape)
assert ((deq - w).abs() <= half * (1 + 1e-6)).all()


class Block(nn.Module):
    """Llama 式解码器层：q/k/v/o、SwiGLU 前馈三个矩阵（无偏置），两个 RMSNorm。"""

    def __init__(self, d: int, d_ff: int) -> None:
        super().__init__()
        self.attn = nn.ModuleList(nn.Linear(d, d, bias=False) for _ in range(4))
        self.mlp = nn.ModuleList([nn.Linear(d, d_ff, bias=False), nn.Linear(d, d_ff, bias=False)])
        self.down = nn.Linear(d_ff, d, bias=False)
        self.norm1, self.norm2 = nn.RMSNorm(d), nn.RMSNorm(d)


# Llama-2-7B 的配置，在 meta 设备上按真实尺寸建出来（只记形状、不分配内存）
V, d, d_ff, L = 32000, 4096, 11008, 32
with torch.device("meta"):
    model = nn.ModuleDict(
        {
            "embed": nn.Embedding(V, d),
            "layers": nn.ModuleList(Block(d, d_ff) for _ in range(L)),
            "norm": nn.RMSNorm(d),
            "lm_head": nn.Linear(d, V, bias=False),
        }
    )
n_total = sum(p.numel() for p in model.parameters())
# 常见做法：只量化解码器层里的线性层，嵌入、输出层和归一化保持 16 位
lin = [m.weight for m in model["layers"].modules() if isinstance(m, nn.Linear)]
n_lin = sum(p.numel() for p in lin)
print(f"总参数 {n_total:,}，其中解码器层的线性层 {n_lin:,}（{100 * n_lin / n_total:.1f}%）")
# > 总参数 6,738,415,616，其中解码器层的线性层 6,476,005,376（96.1%）


def gb(bits_lin: float) -> float:
    """权重字节数 / 1e9：线性层按 bits_lin 比特，其余参数按 16 比特。"""
    return (n_lin * bits_lin + (n_total - n_lin) * 16) / 8 / 1e9


# int8 逐输出通道：每行一个 fp16 scale；int4：每 128 个权重一个 fp16 scale（加零点再多 16 比特）
int8_bits = 8 + 16 * sum(p.shape[0] for p in lin) / n_lin
print(f"fp16 {gb(16):.2f} GB，int8 {gb(int8_bits):.2f} GB，int4-g128 {gb(4.125):.2f} GB")
# > fp16 13.48 GB，int8 7.00 GB，int4-g128 3.86 GB
print(f"int4-g128 再加每组一个 fp16 零点：{gb(4.25):.2f} GB")
# > int4-g128 再加每组一个 fp16 零点：3.97 GB
# 检查 2：按每个线性层的形状逐个数打包后的字节（码值 r·c/2 字节，每组一个 2 字节的 scale）
packed_bytes = sum(p.shape[0] * p.shape[1] // 2 + p.shape[0] * (p.shape[1] // 128) * 2 for p in lin)
assert abs(packed_bytes + (n_total - n_lin) * 2 - gb(4.125) * 1e9) < 1
assert gb(16) == n_total * 2 / 1e9  # fp16：每个参数 2 字节
print(f"fp16 / int4-g128 = {gb(16) / gb(4.125):.2f}")
# > fp16 / int4-g128 = 3.49
