package dev.mnemo.optim;

import dev.mnemo.tensor.Tensor;
import java.util.Map;

/**
 * An optimizer's state in checkpoint form, ready for {@code SafeTensors.write(path, tensors,
 * metadata)}, alone or merged with the model's weights (every name is prefixed so nothing
 * collides):
 *
 * <ul>
 *   <li>tensors {@code optimizer/<parameter name>/<buffer>}, with torch's buffer names
 *       ({@code momentum_buffer}, {@code exp_avg}, {@code exp_avg_sq}, {@code max_exp_avg_sq},
 *       {@code square_avg}, {@code grad_avg});</li>
 *   <li>metadata {@code optimizer.kind} (SGD, Adam, AdamW, RMSprop), {@code optimizer.buffers}
 *       (the buffer names, comma-separated), {@code optimizer.config} (the hyperparameters, for
 *       people), {@code optimizer.learningRate}, {@code optimizer.iterations} and
 *       {@code optimizer.steps.<parameter name>} (that parameter's update count).</li>
 * </ul>
 *
 * The tensors returned by {@link Optimizer#state()} are views of the live buffers: write them out
 * before the next step or {@code close()}.
 */
public record OptimizerState(Map<String, Tensor> tensors, Map<String, String> metadata) {
    static final String TENSOR_PREFIX = "optimizer/";
    static final String KIND = "optimizer.kind";
    static final String BUFFERS = "optimizer.buffers";
    static final String CONFIG = "optimizer.config";
    static final String LEARNING_RATE = "optimizer.learningRate";
    static final String ITERATIONS = "optimizer.iterations";
    static final String STEPS = "optimizer.steps.";

    public OptimizerState {
        tensors = Map.copyOf(tensors);
        metadata = Map.copyOf(metadata);
    }

    static String tensorName(String parameter, String buffer) {
        return TENSOR_PREFIX + parameter + "/" + buffer;
    }
}
