/**
 * The {@code mnemo} command: {@link dev.mnemo.cli.Mnemo} builds a picocli command tree from the
 * tasks that the plugin jars add ({@code train}, {@code eval}, {@code predict}, {@code generate},
 * {@code data}, one subcommand per task and verb, each listing the task's own options), plus
 * {@code backends}, {@code plugins}, {@code tasks} and {@code demo}.
 *
 * <p>Output: results on stdout as text, or with {@code --json} as exactly one JSON object on the
 * last line; logs and progress on stderr. Exit codes: 0 ok, 2 usage error, 1 failure, with one
 * message on stderr (a stack trace only with {@code --verbose}).
 */
package dev.mnemo.cli;
