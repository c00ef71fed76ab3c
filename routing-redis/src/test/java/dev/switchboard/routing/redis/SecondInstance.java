package dev.switchboard.routing.redis;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Router;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The second JVM of {@link TwoJvmRoutersTest}: a router on the same Redis and tenant that routes and releases its own
 * conversations until it is killed, printing each call before it makes it ({@code routing <id>},
 * {@code releasing <id>}) and where the conversation is once it returned ({@code routed <id>}, {@code released <id>}),
 * so that the test knows what it committed and which call was in flight when it was killed.
 */
public final class SecondInstance {

    private SecondInstance() {}

    /** Arguments: the Redis URI, the tenant, the seed. */
    public static void main(String[] args) {
        RedisRoutingStore store = RedisRoutingStore.builder().uri(args[0]).tenant(args[1]).build();
        ManualClock clock = new ManualClock(Instant.parse(TwoJvmRoutersTest.START));
        Router router = TwoJvmRoutersTest.router(store, clock);
        SplittableRandom random = new SplittableRandom(Long.parseLong(args[2]));
        List<String> open = new ArrayList<>();
        for (int n = 0; ; n++) {
            boolean route = open.isEmpty() || random.nextInt(100) < 60;
            String id = route ? "second-" + n : open.remove(random.nextInt(open.size()));
            System.out.println((route ? "routing " : "releasing ") + id);
            try {
                if (route) {
                    router.route(Conversation.builder(id).customer("customer-" + n).channel("chat")
                            .createdAt(clock.instant()).build());
                } else {
                    router.release(id);
                }
            } catch (IllegalStateException lostARace) {
                route = router.placement(id).isPresent(); // what the refused call did is read back
            }
            if (route) {
                open.add(id);
            }
            System.out.println((route ? "routed " : "released ") + id);
            System.out.flush();
        }
    }
}
