package dev.switchboard.routing.redis;

import dev.switchboard.routing.Placement;
import dev.switchboard.routing.WaitingConversation;
import java.util.Optional;

/**
 * The waiting conversation a thread's latest call read in serve order, for the check a drain makes right after it
 * that the conversation still waits: answered without a round trip while the thread has made no other call to Redis
 * since, which is as if the read and the check were one read. Another instance may serve the conversation in
 * between, as it may between any read and the thread's next call; every script that moves it checks its place
 * again, and refuses with nothing changed.
 */
final class JustRead {

    private record Read(WaitingConversation entry, long calls) {}

    private final RedisLink link;
    private final ThreadLocal<Read> latest = new ThreadLocal<>();

    JustRead(RedisLink link) {
        this.link = link;
    }

    /** Keeps what this thread's call just read, and returns it. */
    Optional<WaitingConversation> keep(Optional<WaitingConversation> read) {
        if (read.isPresent()) {
            latest.set(new Read(read.get(), link.callsOnThisThread()));
        } else {
            latest.remove();
        }
        return read;
    }

    /**
     * The place of {@code conversationId} as this thread's latest call read it, or null when that call was not the
     * read of it: the thread called Redis since, or read another conversation.
     */
    Placement placement(String conversationId) {
        Read read = latest.get();
        if (read == null) {
            return null;
        }
        latest.remove();
        return read.calls() == link.callsOnThisThread() && read.entry().conversation().id().equals(conversationId)
                ? new Placement.Waiting(read.entry()) : null;
    }
}
