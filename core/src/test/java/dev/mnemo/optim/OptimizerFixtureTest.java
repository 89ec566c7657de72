package dev.mnemo.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mnemo.io.SafeTensors;
import dev.mnemo.kernel.Compare;
import dev.mnemo.autograd.Parameter;
import dev.mnemo.tensor.Scope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every optimizer against torch.optim: the fixture gives two parameters, five gradients and the
 * parameters torch computed (in float64) after each step; the optimizer built from the fixture's
 * hyperparameters must reproduce every step to 1e-6 (error relative to max(1, max |expected|)).
 * Changing the learning rate between steps ("lrs") must act as torch's param_group["lr"] does,
 * and a parameter excluded from weight decay as one in a param group with weight_decay=0.
 */
class OptimizerFixtureTest {
    private static final double TOLERANCE = 1e-6;
    private static final int STEPS = 5;
    private static final Compare CMP = new Compare("optim vs torch");

    @AfterAll
    static void summary() {
        System.out.println(CMP.summary("optimizer fixtures"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"optim_sgd", "optim_sgd_momentum_dampening", "optim_sgd_nesterov_weight_decay",
            "optim_adam", "optim_adam_amsgrad_weight_decay", "optim_adamw_lr_changes", "optim_rmsprop",
            "optim_rmsprop_centered_momentum", "optim_adamw_bias_excluded", "optim_sgd_momentum_bias_excluded"})
    void matchesTorchStepByStep(String fixture) throws Exception {
        try (Scope scope = Scope.open()) {
            SafeTensors.Contents f = Fixtures.load(fixture, scope);
            Map<String, String> meta = f.metadata();
            Parameter w = Fixtures.parameter("w", f.get("w.0"), scope);
            Parameter b = Fixtures.parameter("b", f.get("b.0"), scope);
            String[] lrs = meta.containsKey("lrs") ? meta.get("lrs").split(",") : null;
            try (Optimizer opt = build(meta)) {
                for (int k = 1; k <= STEPS; k++) {
                    if (lrs != null) {
                        opt.setLearningRate(Double.parseDouble(lrs[k - 1]));
                    }
                    w.grad().copyFrom(f.get("w.grad." + k));
                    b.grad().copyFrom(f.get("b.grad." + k));
                    opt.step(List.of(w, b));
                    CMP.close(fixture + " w after step " + k, f.get("w." + k), w.value(), TOLERANCE);
                    CMP.close(fixture + " b after step " + k, f.get("b." + k), b.value(), TOLERANCE);
                }
                assertEquals(STEPS, opt.iterations());
            }
        }
    }

    /** The optimizer the fixture's metadata describes, through the public builders. */
    private static Optimizer build(Map<String, String> m) {
        double lr = Double.parseDouble(m.get("learningRate"));
        OptimizerBuilder<?> builder = switch (m.get("kind")) {
            case "sgd" -> Optimizer.sgd(lr)
                    .momentum(number(m, "momentum", 0))
                    .dampening(number(m, "dampening", 0))
                    .nesterov(Boolean.parseBoolean(m.get("nesterov")))
                    .weightDecay(number(m, "weightDecay", 0));
            case "adam", "adamw" -> (m.get("kind").equals("adam") ? Optimizer.adam(lr) : Optimizer.adamW(lr))
                    .betas(number(m, "beta1", 0.9), number(m, "beta2", 0.999))
                    .eps(number(m, "eps", 1e-8))
                    .weightDecay(number(m, "weightDecay", m.get("kind").equals("adam") ? 0 : 0.01))
                    .amsgrad(Boolean.parseBoolean(m.get("amsgrad")));
            case "rmsprop" -> Optimizer.rmsprop(lr)
                    .alpha(number(m, "alpha", 0.99))
                    .eps(number(m, "eps", 1e-8))
                    .weightDecay(number(m, "weightDecay", 0))
                    .momentum(number(m, "momentum", 0))
                    .centered(Boolean.parseBoolean(m.get("centered")));
            default -> throw new IllegalStateException("unknown optimizer kind " + m.get("kind"));
        };
        String excluded = m.get("excludeFromWeightDecay");
        return builder.excludeFromWeightDecay(p -> p.name().equals(excluded)).build();
    }

    private static double number(Map<String, String> m, String key, double fallback) {
        return m.containsKey(key) ? Double.parseDouble(m.get(key)) : fallback;
    }
}
