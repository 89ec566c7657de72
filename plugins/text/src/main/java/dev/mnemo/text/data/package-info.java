/**
 * Labelled text for the text tasks: the user's own data and the built-in corpora, read into one
 * value, {@link dev.mnemo.text.data.TextCorpus}.
 *
 * <ul>
 *   <li>{@link dev.mnemo.text.data.TextSources} reads {@code --data}: a folder with one subfolder
 *       per class ({@link dev.mnemo.text.data.FolderTexts}) or a CSV/TSV file with a header
 *       ({@link dev.mnemo.text.data.DelimitedTexts}).
 *   <li>{@link dev.mnemo.text.data.SentimentSentences}: the UCI Sentiment Labelled Sentences,
 *       bundled in the jar.
 *   <li>{@link dev.mnemo.text.data.Fortunes}: categories of the Debian {@code fortunes} corpus.
 * </ul>
 *
 * <p>Bad data gives one {@link dev.mnemo.text.data.TextDataException} that names the file, the
 * line and the problem. Nothing here downloads anything.
 */
package dev.mnemo.text.data;
