package dev.mnemo.text;

import org.pf4j.Plugin;

/**
 * The text plugin's entry point for PF4J ({@code Plugin-Class}). Its tasks are the
 * {@code @Extension} classes in {@link dev.mnemo.text.classify}; it needs nothing at start or stop.
 */
public final class TextPlugin extends Plugin {
}
