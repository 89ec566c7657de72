package dev.mnemo.kernel;

/**
 * Whether a backend can run on this machine, and if not, why (for example "oneDNN natives
 * failed to load: ..."). Reasons are shown to users, so they say what to do.
 */
public record Availability(boolean available, String reason) {
    /** The backend can run here. */
    public static Availability yes() {
        return new Availability(true, "available");
    }

    /** The backend cannot run here, for the given reason. */
    public static Availability no(String reason) {
        return new Availability(false, reason);
    }
}
