"""环形 all-reduce：N 个进程排成环，先 reduce-scatter（N − 1 步）再 all-gather（N − 1 步），
每步每个进程只把 1/N 的数据发给下一个。结果等于所有进程的向量之和；每个进程发出的数据量是
2(N − 1)/N · Ψ，几乎不随 N 增长。这里在一个进程里用列表模拟 N 个进程。"""

import torch

torch.manual_seed(0)


def ring_allreduce(tensors: list[torch.Tensor]) -> tuple[list[torch.Tensor], list[int]]:
    n = len(tensors)
    chunks = [list(t.clone().chunk(n)) for t in tensors]  # chunks[r][i]：进程 r 手里的第 i 块
    sent = [0] * n  # 每个进程发出的元素个数
    for step in range(2 * (n - 1)):
        reduce_phase = step < n - 1
        # 这一步里所有进程同时发送：进程 r 把一块发给 r + 1
        messages = []
        for r in range(n):
            i = (r - step) % n if reduce_phase else (r + 1 - (step - n + 1)) % n
            messages.append((r, i, chunks[r][i].clone()))
        for r, i, data in messages:
            if reduce_phase:
                chunks[(r + 1) % n][i] += data  # reduce-scatter：加到下一个进程的同一块上
            else:
                chunks[(r + 1) % n][i] = data  # all-gather：把算好的块传下去
            sent[r] += data.numel()
    return [torch.cat(c) for c in chunks], sent


psi = 1920  # 每个进程的梯度长度（能被下面的 N 整除）
for n in (2, 4, 8, 64):
    grads = [torch.randn(psi, dtype=torch.float64) for _ in range(n)]
    results, sent = ring_allreduce(grads)
    total = torch.stack(grads).sum(dim=0)  # 参照：直接把 N 个向量加起来
    assert all(torch.allclose(r, total) for r in results)
    assert all(s * n == 2 * (n - 1) * psi for s in sent)
    print(f"N = {n:2d}：每个进程发出 {sent[0]:4d} 个元素 = {sent[0] / psi:.3f} Ψ")
# > N =  2：每个进程发出 1920 个元素 = 1.000 Ψ
# > N =  4：每个进程发出 2880 个元素 = 1.500 Ψ
# > N =  8：每个进程发出 3360 个元素 = 1.750 Ψ
# > N = 64：每个进程发出 3780 个元素 = 1.969 Ψ
