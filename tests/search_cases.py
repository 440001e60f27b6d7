"""站内搜索的测试用例：读者会搜的词，以及应该搜到的页面。

浏览器测试把每个查询输入站点的搜索框，要求期望的页面出现在最前面的几条结果里。
查询分三类：

- 中文术语：站点搜索是 Pagefind（构建时建索引，extended 版切分中文），术语要整词命中；
- 多个词的查询（如“偏差与方差”）：切开后的每个词都要在期望页面里出现；
- 英文名和缩写：页面在术语第一次出现时写出英文和缩写，例如“批归一化（Batch Normalization，BN）”。

期望页面写成相对站点根目录的路径（与 `site/` 下的目录一致），指向专门讲这个概念的那一页，
而不是只顺带提到它的页面。
"""

from __future__ import annotations

CASES: list[tuple[str, str]] = [
    # 中文术语
    ("反向传播", "basics/backprop/"),
    ("激活函数", "basics/activation/"),
    ("层归一化", "training/normalization/"),
    ("交叉验证", "training/hyperparameters/"),
    ("位置编码", "models/transformer/"),
    ("词向量", "models/word2vec/"),
    ("梯度裁剪", "training/gradient-problems/"),
    ("偏差与方差", "regularization/overfitting/"),
    ("批归一化", "training/normalization/"),
    ("梯度消失", "training/gradient-problems/"),
    ("交叉熵", "basics/loss/"),
    ("知识蒸馏", "regularization/distillation/"),
    ("权重衰减", "regularization/weight-decay/"),
    ("学习率", "training/learning-rate/"),
    ("自注意力", "models/attention/"),
    ("困惑度", "models/language-model/"),
    ("过拟合", "regularization/overfitting/"),
    ("数据增强", "regularization/data-augmentation/"),
    ("早停", "regularization/early-stopping/"),
    ("混合精度", "training/mixed-precision/"),
    ("感受野", "models/cnn/"),
    ("生成对抗网络", "models/gan/"),
    ("迁移学习", "regularization/transfer-learning/"),
    ("主成分分析", "regularization/dimensionality-reduction/"),
    ("残差网络", "models/cnn-architectures/"),
    ("转置卷积", "models/cnn-architectures/"),
    ("残差块", "models/cnn-architectures/"),
    ("自编码器", "models/autoencoder/"),
    ("变分自编码器", "models/autoencoder/"),
    ("重参数化", "models/autoencoder/"),
    ("后验坍缩", "models/autoencoder/"),
    ("强化学习", "models/reinforcement-learning/"),
    ("经验回放", "models/reinforcement-learning/"),
    ("策略梯度", "models/reinforcement-learning/"),
    ("贝尔曼方程", "models/reinforcement-learning/"),
    ("支持向量机", "basics/svm/"),
    ("核技巧", "basics/svm/"),
    ("软间隔", "basics/svm/"),
    ("目标检测", "models/detection/"),
    ("交并比", "models/detection/"),
    ("非极大值抑制", "models/detection/"),
    ("锚框", "models/detection/"),
    ("隐马尔可夫模型", "models/language-model/"),
    # 英文名和缩写
    ("BN", "training/normalization/"),
    ("LN", "training/normalization/"),
    ("KD", "regularization/distillation/"),
    ("SGD", "training/optimizers/"),
    ("Adam", "training/optimizers/"),
    ("LSTM", "models/lstm-gru/"),
    ("GRU", "models/lstm-gru/"),
    ("RNN", "models/rnn/"),
    ("CNN", "models/cnn/"),
    ("PPL", "models/language-model/"),
    ("GAN", "models/gan/"),
    ("ReLU", "basics/activation/"),
    ("Dropout", "regularization/dropout/"),
    ("BERT", "models/bert/"),
    ("Transformer", "models/transformer/"),
    ("word2vec", "models/word2vec/"),
    ("PCA", "regularization/dimensionality-reduction/"),
    ("MSE", "basics/loss/"),
    ("AUC", "evaluation/metrics/"),
    ("warm-up", "training/learning-rate/"),
    ("ResNet", "models/cnn-architectures/"),
    ("MobileNet", "models/cnn-architectures/"),
    ("DenseNet", "models/cnn-architectures/"),
    ("VAE", "models/autoencoder/"),
    ("ELBO", "models/autoencoder/"),
    ("Q-learning", "models/reinforcement-learning/"),
    ("DQN", "models/reinforcement-learning/"),
    ("PPO", "models/reinforcement-learning/"),
    ("SVM", "basics/svm/"),
    ("NMS", "models/detection/"),
    ("IoU", "models/detection/"),
    ("YOLO", "models/detection/"),
    ("HMM", "models/language-model/"),
    ("Viterbi", "models/language-model/"),
]
