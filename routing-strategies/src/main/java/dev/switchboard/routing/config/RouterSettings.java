package dev.switchboard.routing.config;

import dev.switchboard.routing.Router;
import java.time.Duration;

/**
 * The section {@code router}: settings of the router as a whole, {@code wrapUp} (every owner's wrap-up time after a
 * release, unless it has its own) and {@code serveBy} (how waiting conversations of one priority are ordered).
 *
 * @param wrapUp the default wrap-up time
 * @param byLastActivity whether waiting conversations are served by last activity instead of creation
 */
record RouterSettings(Duration wrapUp, boolean byLastActivity) {

    /** The settings of a document without a {@code router} section. */
    static final RouterSettings DEFAULTS = new RouterSettings(Duration.ZERO, false);

    /** How waiting conversations of one priority are ordered. */
    private enum ServeBy {
        CREATION,
        LAST_ACTIVITY
    }

    static RouterSettings read(JsonFields router) {
        Duration wrapUp = router.duration("wrapUp", false, true).orElse(Duration.ZERO);
        boolean byLastActivity = router.choice("serveBy", ServeBy.class).orElse(ServeBy.CREATION)
                == ServeBy.LAST_ACTIVITY;
        router.rejectUnknown("field of router");
        return new RouterSettings(wrapUp, byLastActivity);
    }

    /** Applies these settings to a router builder. */
    void applyTo(Router.Builder builder) {
        builder.wrapUp(wrapUp).serveByLastActivity(byLastActivity);
    }
}
