/**
 * Reading and writing model files: a small JSON reader/writer and safetensors.
 *
 * <p>safetensors is an 8-byte little-endian header length, a JSON header mapping each tensor
 * name to its dtype, shape and byte range, then raw little-endian data. Loading never executes
 * code, PyTorch reads and writes the same files, and every size, offset, dtype and shape is
 * checked against the file before a byte of data is trusted. Writes are atomic: a temporary
 * file in the same folder, then a rename.
 */
package dev.mnemo.io;
