package dev.mnemo.kernels.onednn;

import java.util.Arrays;

/** Turns {@code dnnl_status_t} codes into {@link OneDnnException}s that name the call and its shapes. */
final class Status {
    private static final String[] NAMES = {
        "success", "out of memory", "invalid arguments", "unimplemented", "last implementation reached",
        "runtime error", "not required", "invalid graph", "invalid graph op", "invalid shape", "invalid data type"
    };

    private Status() {}

    /**
     * Throws unless {@code status} is {@code dnnl_success}.
     *
     * @param what    the primitive or call, e.g. {@code "lstm forward primitive descriptor"}
     * @param details shapes and options; arrays are printed element-wise
     */
    static void check(int status, String what, Object... details) {
        if (status != 0) {
            throw new OneDnnException(status, message(status, what, details));
        }
    }

    static String message(int status, String what, Object... details) {
        StringBuilder sb = new StringBuilder("oneDNN ").append(what);
        for (Object d : details) {
            sb.append(' ').append(d instanceof int[] a ? Arrays.toString(a)
                    : d instanceof long[] a ? Arrays.toString(a) : String.valueOf(d));
        }
        String name = status >= 0 && status < NAMES.length ? NAMES[status] : "unknown status";
        return sb.append(": ").append(name).append(" (status ").append(status).append(')').toString();
    }
}
