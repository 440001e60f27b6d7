"""音频与时间序列的增强：时间平移、按指定信噪比加噪声，以及在频谱图上遮挡一段时间和一段频率
（SpecAugment，Park 等 2019）。"""

import math

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
sr = 8000  # 采样率
t = torch.arange(4000) / sr  # 0.5 秒
wave = torch.sin(2 * math.pi * 440 * t) + 0.5 * torch.sin(2 * math.pi * 880 * t)

# 1) 时间平移：整体向后移 s 个采样点，前面补 0（周期信号也可以用 torch.roll 循环移位）
s = int(torch.randint(100, 800, (1,)))
shifted = torch.cat([torch.zeros(s), wave[:-s]])

# 2) 按信噪比 SNR（dB）加高斯白噪声：SNR = 10·log10(P_信号 / P_噪声)
snr_db = 10.0
noise = torch.randn_like(wave)
noise *= torch.sqrt(wave.pow(2).mean() / (noise.pow(2).mean() * 10 ** (snr_db / 10)))
noisy = wave + noise

# 3) SpecAugment：在（对数）幅度谱上把连续 f 个频率通道和连续 τ 个时间帧置 0
window = torch.hann_window(256)
spec = torch.stft(wave, n_fft=256, hop_length=128, window=window, return_complex=True).abs()
spec = torch.log1p(spec)  # (频率 129, 时间帧 32)
F_bins, T_frames = spec.shape
f, f0 = 10, int(torch.randint(0, F_bins - 10, (1,)))
tau, t0 = 5, int(torch.randint(0, T_frames - 5, (1,)))
masked = spec.clone()
masked[f0 : f0 + f, :] = 0.0  # 频率遮挡（frequency masking）
masked[:, t0 : t0 + tau] = 0.0  # 时间遮挡（time masking）
print(s, spec.shape, (f0, t0))
# > 244 torch.Size([129, 32]) (58, 24)

# 检查 1：平移后的信号与原信号错开 s 个点逐点相等，长度不变
assert torch.equal(shifted[s:], wave[:-s]) and len(shifted) == len(wave)
# 检查 2：加噪后的信噪比恰好是 10 dB
snr = 10 * torch.log10(wave.pow(2).mean() / (noisy - wave).pow(2).mean())
torch.testing.assert_close(snr, torch.tensor(snr_db))
# 检查 3：遮挡只改了选中的频带和时间段，其余位置原样不动，形状不变
region = torch.zeros_like(spec, dtype=torch.bool)
region[f0 : f0 + f, :] = True
region[:, t0 : t0 + tau] = True
assert (masked[region] == 0).all() and torch.equal(masked[~region], spec[~region])
assert masked.shape == spec.shape
