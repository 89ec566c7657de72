package dev.mnemo.kernels.onednn;

import java.lang.foreign.MemorySegment;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * A JavaCPP pointer to a tensor's memory: oneDNN reads and writes the {@link MemorySegment}
 * itself, nothing is copied. The pointer owns nothing; the segment's scope must outlive the call.
 */
final class SegmentPointer extends FloatPointer {
    SegmentPointer(MemorySegment segment) {
        super((Pointer) null);
        address = segment.address();
        capacity = segment.byteSize() / Float.BYTES;
        limit = capacity;
    }
}
