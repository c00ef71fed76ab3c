package dev.switchboard.routing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A call that may change the router's state, as a recorder sees it ({@link Router.Builder#recorder}) and as a replay
 * makes it again ({@link #applyTo}). Queries are not inputs.
 */
public sealed interface RouterInput {

    /** Makes this call on a router; it throws what the router throws. */
    void applyTo(Router router);

    /**
     * The presence of every owner on the roster when the router was built, in roster order (the order given); the
     * first input a recorder sees.
     */
    record Roster(Map<String, Presence> presences) implements RouterInput {
        public Roster {
            Checks.notNull(presences, "presences").forEach((ownerId, presence) -> Checks.notNull(presence,
                    "presence of owner '" + Checks.notNull(ownerId, "owner id in presences") + "'"));
            presences = Collections.unmodifiableMap(new LinkedHashMap<>(presences));
        }

        /** Gives the router's owners that this roster names their recorded presence; others are left as they are. */
        @Override
        public void applyTo(Router router) {
            for (OwnerStatus status : router.roster()) {
                Presence recorded = presences.get(status.owner().id());
                if (recorded != null && recorded != status.presence()) {
                    router.setPresence(status.owner().id(), recorded);
                }
            }
        }
    }

    /** {@link Router#route}. */
    record Route(Conversation conversation) implements RouterInput {
        public Route {
            Checks.notNull(conversation, "conversation");
        }

        @Override
        public void applyTo(Router router) {
            router.route(conversation);
        }
    }

    /** {@link Router#release}. */
    record Release(String conversationId) implements RouterInput {
        public Release {
            Checks.id(conversationId, "conversationId");
        }

        @Override
        public void applyTo(Router router) {
            router.release(conversationId);
        }
    }

    /** {@link Router#transfer}. */
    record Transfer(String conversationId, String toOwnerId, Handoff handoff) implements RouterInput {
        public Transfer {
            Checks.id(conversationId, "conversationId");
            Checks.id(toOwnerId, "toOwnerId");
            Checks.notNull(handoff, "handoff");
        }

        @Override
        public void applyTo(Router router) {
            router.transfer(conversationId, toOwnerId, handoff);
        }
    }

    /** {@link Router#claim}. */
    record Claim(String ownerId, String conversationId) implements RouterInput {
        public Claim {
            Checks.id(ownerId, "ownerId");
            Checks.id(conversationId, "conversationId");
        }

        @Override
        public void applyTo(Router router) {
            router.claim(ownerId, conversationId);
        }
    }

    /** {@link Router#accept}: an owner accepts an offer. */
    record Accept(String ownerId, String conversationId) implements RouterInput {
        public Accept {
            Checks.id(ownerId, "ownerId");
            Checks.id(conversationId, "conversationId");
        }

        @Override
        public void applyTo(Router router) {
            router.accept(ownerId, conversationId);
        }
    }

    /** {@link Router#decline}: an owner declines an offer. */
    record Decline(String ownerId, String conversationId, String reason) implements RouterInput {
        public Decline {
            Checks.id(ownerId, "ownerId");
            Checks.id(conversationId, "conversationId");
            Checks.notNull(reason, "reason");
        }

        @Override
        public void applyTo(Router router) {
            router.decline(ownerId, conversationId, reason);
        }
    }

    /** {@link Router#acknowledge}: the owner's first reply. */
    record Acknowledge(String conversationId) implements RouterInput {
        public Acknowledge {
            Checks.id(conversationId, "conversationId");
        }

        @Override
        public void applyTo(Router router) {
            router.acknowledge(conversationId);
        }
    }

    /** {@link Router#link}. */
    record Link(String identity, String otherIdentity) implements RouterInput {
        public Link {
            Checks.id(identity, "identity");
            Checks.id(otherIdentity, "otherIdentity");
        }

        @Override
        public void applyTo(Router router) {
            router.link(identity, otherIdentity);
        }
    }

    /** {@link Router#replacePlan}. */
    record ReplacePlan(RoutingPlan plan) implements RouterInput {
        public ReplacePlan {
            Checks.notNull(plan, "plan");
        }

        @Override
        public void applyTo(Router router) {
            router.replacePlan(plan);
        }
    }

    /** {@link Router#setPresence}. */
    record SetPresence(String ownerId, Presence presence) implements RouterInput {
        public SetPresence {
            Checks.id(ownerId, "ownerId");
            Checks.notNull(presence, "presence");
        }

        @Override
        public void applyTo(Router router) {
            router.setPresence(ownerId, presence);
        }
    }

    /** {@link Router#setCapacity}. */
    record SetCapacity(String ownerId, Capacity capacity) implements RouterInput {
        public SetCapacity {
            Checks.id(ownerId, "ownerId");
            Checks.notNull(capacity, "capacity");
        }

        @Override
        public void applyTo(Router router) {
            router.setCapacity(ownerId, capacity);
        }
    }

    /** {@link Router#addOwner(Owner, Presence)}. */
    record AddOwner(Owner owner, Presence presence) implements RouterInput {
        public AddOwner {
            Checks.notNull(owner, "owner");
            Checks.notNull(presence, "presence");
        }

        @Override
        public void applyTo(Router router) {
            router.addOwner(owner, presence);
        }
    }

    /** {@link Router#removeOwner}. */
    record RemoveOwner(String ownerId) implements RouterInput {
        public RemoveOwner {
            Checks.id(ownerId, "ownerId");
        }

        @Override
        public void applyTo(Router router) {
            router.removeOwner(ownerId);
        }
    }

    /** {@link Router#tick}. */
    record Tick() implements RouterInput {
        @Override
        public void applyTo(Router router) {
            router.tick();
        }
    }
}
