package dev.switchboard.routing.examples.bench;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.SkillRequirement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The conversations of the benchmarks, built before measuring so that the measured loop creates none.
 *
 * <p>Each benchmark thread cycles through its own array of {@link #CYCLE} conversations whose ids start with the
 * thread's prefix, routing and releasing one per operation, so ids are unique among open conversations. The mix:
 * <ul>
 *   <li>channel: email 35%, chat 30%, WhatsApp 25%, phone 10%; language: en 60%, es 20%, pt 10%, de 5%, fr 5%;
 *       a region for 30%; priority mostly normal, some high and low;</li>
 *   <li>skills: 80% need one common skill at level 2 or 3 (a third of those also prefer a second skill), 15% need
 *       two common skills, 5% need a rarer one (compliance, an offer, implementation) at level 3;</li>
 *   <li>customers: 30% come from {@link #REGULARS} regular customers of the thread, who return often (every
 *       second or so of benchmark time, see {@link ConversationCycle}), and 70% from one-off customers, seen once
 *       per cycle (every 16 seconds). The routers remember a customer's previous owner for
 *       {@link #CUSTOMER_MEMORY_TTL}, so regulars are remembered and one-offs forgotten before they return: sticky
 *       routing finds a previous owner for about 30% of the conversations, in both engines alike. (A memory bounded
 *       by size instead would not do: Caffeine's admission policy keeps the first one-offs it saw and refuses
 *       later ones, where the baseline's LRU map would forget them all, so the two would do different work.)</li>
 * </ul>
 * The skill mix only matters to skill-based routing and the chain; the other strategies ignore it.
 */
public final class ConversationGenerator {

    /** Conversations per benchmark thread, cycled through. A power of two. */
    public static final int CYCLE = 1 << 14;

    /** Regular customers per benchmark thread. */
    public static final int REGULARS = 256;

    /** How long the routers remember a customer's previous owner: less than a cycle, more than regulars' gaps. */
    public static final Duration CUSTOMER_MEMORY_TTL = Duration.ofSeconds(12);

    /** How many customers the routers may remember: more than the benchmarks ever have, so none is evicted. */
    public static final long CUSTOMER_MEMORY_SIZE = 2_000_000;

    /** When every benchmark conversation was created, and the time at which the benchmarks' clocks start. */
    public static final Instant CREATED_AT = Instant.parse("2026-03-02T09:00:00Z");

    static final String[] CHANNELS = {"email", "chat", "whatsapp", "phone"};
    private static final double[] CHANNEL_SHARE = {0.35, 0.30, 0.25, 0.10};
    private static final double[] LANGUAGE_SHARE = {0.60, 0.20, 0.10, 0.05, 0.05};
    private static final String[] TYPES = {"scheduling", "pricing", "complaint", "general"};
    /** The common skills are the first eight of the catalogue. */
    private static final int COMMON_SKILLS = 8;

    /** A background conversation and the agent that holds it when measuring starts. */
    public record Preload(Conversation conversation, String ownerId) {}

    private ConversationGenerator() {}

    /** The {@link #CYCLE} conversations of one benchmark thread, ids prefixed by {@code prefix}. */
    public static Conversation[] cycle(String prefix, long seed) {
        return conversations(prefix, CYCLE, seed);
    }

    /** {@code count} conversations with the mix above, ids {@code prefix + "c" + i}. */
    public static Conversation[] conversations(String prefix, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Conversation[] conversations = new Conversation[count];
        for (int i = 0; i < count; i++) {
            conversations[i] = conversation(prefix, i, random);
        }
        return conversations;
    }

    private static Conversation conversation(String prefix, int i, SplittableRandom random) {
        String customer = random.nextDouble() < 0.30
                ? prefix + "regular-" + random.nextInt(REGULARS)
                : prefix + "customer-" + i;
        Conversation.Builder builder = Conversation.builder(prefix + "c" + i)
                .customer(customer)
                .channel(CHANNELS[pick(CHANNEL_SHARE, random)])
                .type(TYPES[random.nextInt(TYPES.length)])
                .language(RosterGenerator.LANGUAGES[pick(LANGUAGE_SHARE, random)])
                .createdAt(CREATED_AT);
        double p = random.nextDouble();
        builder.priority(p < 0.10 ? Priority.HIGH : p < 0.20 ? Priority.LOW : Priority.NORMAL);
        if (random.nextDouble() < 0.30) {
            builder.region(RosterGenerator.REGIONS[random.nextInt(RosterGenerator.REGIONS.length)]);
        }
        double need = random.nextDouble();
        if (need < 0.80) {
            String skill = commonSkill(random);
            builder.requires(skill, 2 + random.nextInt(2));
            if (random.nextInt(3) == 0) {
                String second = commonSkill(random);
                if (!second.equals(skill)) {
                    builder.require(SkillRequirement.preferred(second, 1));
                }
            }
        } else if (need < 0.95) {
            String first = commonSkill(random);
            String second = commonSkill(random);
            builder.requires(first, 2);
            if (!second.equals(first)) {
                builder.requires(second, 2);
            }
        } else {
            builder.requires(RosterGenerator.SKILLS[COMMON_SKILLS + random.nextInt(4)], 3);
        }
        return builder.build();
    }

    /**
     * The background load of a roster: {@link RosterGenerator.Member#backgroundLoad()} conversations for each agent,
     * on email and chat (never phone, whose limit may be one), from customers of their own.
     */
    public static List<Preload> background(List<RosterGenerator.Member> roster) {
        List<Preload> preloads = new ArrayList<>();
        for (RosterGenerator.Member member : roster) {
            String ownerId = member.owner().id();
            for (int j = 0; j < member.backgroundLoad(); j++) {
                String id = "bg-" + ownerId + "-" + j;
                Conversation conversation = Conversation.builder(id)
                        .customer(id)
                        .channel(j % 2 == 0 ? "email" : "chat")
                        .createdAt(CREATED_AT)
                        .build();
                preloads.add(new Preload(conversation, ownerId));
            }
        }
        return preloads;
    }

    private static String commonSkill(SplittableRandom random) {
        double total = 0;
        for (int s = 0; s < COMMON_SKILLS; s++) {
            total += RosterGenerator.SKILL_SHARE[s];
        }
        double draw = random.nextDouble() * total;
        for (int s = 0; s < COMMON_SKILLS; s++) {
            draw -= RosterGenerator.SKILL_SHARE[s];
            if (draw < 0) {
                return RosterGenerator.SKILLS[s];
            }
        }
        return RosterGenerator.SKILLS[0];
    }

    private static int pick(double[] shares, SplittableRandom random) {
        double draw = random.nextDouble();
        for (int i = 0; i < shares.length - 1; i++) {
            draw -= shares[i];
            if (draw < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }
}
