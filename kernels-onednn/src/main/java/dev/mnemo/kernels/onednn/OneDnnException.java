package dev.mnemo.kernels.onednn;

/**
 * A oneDNN call returned an error status. The message names the primitive, the shapes it was
 * given and the status, e.g. {@code oneDNN convolution forward x=[2, 3, 7, 6] w=[4, 3, 3, 2]:
 * unimplemented (status 3)}.
 */
public final class OneDnnException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    OneDnnException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The {@code dnnl_status_t} value oneDNN returned. */
    public int status() {
        return status;
    }
}
