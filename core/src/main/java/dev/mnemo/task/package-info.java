/**
 * The task extension point: what a plugin implements so that users can train, evaluate, predict
 * and generate with it by name, from the {@code mnemo} command or from Java.
 *
 * <p>A {@link dev.mnemo.task.Task} declares its name, data and typed options
 * ({@link dev.mnemo.task.TaskOption}); it is called with a {@link dev.mnemo.task.TaskRun} and
 * answers with values ({@link dev.mnemo.task.TaskResult}, {@link dev.mnemo.task.Prediction}),
 * never by printing. Its model is one file ({@link dev.mnemo.task.TaskModelFile}) that carries
 * everything needed to use it again. Plugins are PF4J jars; the {@link dev.mnemo.task.TaskCatalog}
 * loads a folder of them, isolating the broken ones.
 */
package dev.mnemo.task;
