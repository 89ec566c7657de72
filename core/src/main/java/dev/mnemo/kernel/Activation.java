package dev.mnemo.kernel;

/** Element-wise activation functions with their derivatives, as {@code torch.nn} defines them. */
public enum Activation {
    /** {@code σ(x) = 1 / (1 + e^-x)}; {@code σ' = y (1 - y)}. */
    SIGMOID,
    /** {@code tanh(x)}; {@code tanh' = 1 - y²}. */
    TANH,
    /** {@code max(0, x)}; derivative 1 where {@code x > 0}, else 0. */
    RELU,
    /** Exact GELU {@code x Φ(x) = x/2 (1 + erf(x/√2))} (PyTorch's default, not the tanh form). */
    GELU
}
