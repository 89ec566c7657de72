package dev.mnemo.image;

import org.pf4j.Plugin;

/**
 * The image plugin's entry point for PF4J ({@code Plugin-Class}). Its tasks are {@code @Extension}
 * classes; the data they read comes from {@link dev.mnemo.image.data}. It needs nothing at start
 * or stop.
 */
public final class ImagePlugin extends Plugin {
}
