/** Short programs that use Mnemo's Java API the way a user would; run them with exec:exec (see README). */
package dev.mnemo.examples;
