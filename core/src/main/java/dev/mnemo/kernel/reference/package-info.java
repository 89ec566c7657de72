/**
 * The reference backend: plain, single-threaded Java that states what every kernel computes.
 *
 * <p>Like llm.c's {@code train_gpt2.c}, it favours being read over being fast: one small class
 * per op family, the equations in Javadoc, loops that follow them line by line. Fast backends
 * are held to these results by core's conformance suite, and these results are held to
 * PyTorch by fixture files written by {@code core/src/test/fixtures/make_fixtures.py}.
 */
package dev.mnemo.kernel.reference;
