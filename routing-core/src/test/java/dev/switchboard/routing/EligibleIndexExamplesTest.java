package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.EligibleIndexProperties.Limits;
import dev.switchboard.routing.EligibleIndexProperties.OwnerSpec;
import dev.switchboard.routing.EligibleIndexProperties.Probe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The index agrees with a scan of the candidates, on fixed rosters of up to three words of owners (positions 0 to
 * 150): the same owners in the same order for every walk, and the same owner after every move (next, advanceTo each
 * side of a word boundary, a raised score floor). {@link EligibleIndexProperties} checks the same on random worlds;
 * these examples are fixed, fast and the same on every run.
 */
class EligibleIndexExamplesTest {

    private static final List<String> SKILLS = List.of("billing", "tech", "sales");
    private static final List<String> LANGUAGES = List.of("en", "fr", "de");
    private static final List<String> REGIONS = List.of("eu", "us");
    private static final Limits NO_LIMITS = new Limits(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());
    private static final Limits CAPPED = new Limits(Optional.of(new AssignmentCap(1, Duration.ofMinutes(30))),
            Optional.empty(), Optional.empty(), Optional.empty());

    /** Moves: -1 is next(), -10 and below raise the floor to -10 - move, others advanceTo (see the properties). */
    private static final List<Integer> MOVES = List.of(-1, 0, -1, 63, 64, -14, 65, 1, 127, -1, 128, -20, 129, 64,
            149, 150, 151, -1, 200, -3, -12);

    private static final List<Requirements> OTHERS = List.of(
            skills("billing", 3), skills("tech", 2, "billing", 1), new Requirements(List.of(), "en", "eu"),
            skills("sales", 0, "tech", 4, "billing", 2), skills("billing", 1, "billing", 4), skills("klingon", 0),
            new Requirements(List.of(SkillRequirement.preferred("tech", 5)), "fr", ""));

    private static Requirements skills(Object... skillsAndMinimums) {
        List<SkillRequirement> skills = new ArrayList<>();
        for (int i = 0; i < skillsAndMinimums.length; i += 2) {
            skills.add(SkillRequirement.required((String) skillsAndMinimums[i], (Integer) skillsAndMinimums[i + 1]));
        }
        return new Requirements(skills, "", "");
    }

    /** Owner i of a roster made by a seeded random: some skills, languages, regions, room, presence and a cap. */
    private static OwnerSpec owner(Random random) {
        Map<String, Integer> skills = new HashMap<>();
        for (String skill : SKILLS) {
            if (random.nextInt(4) > 0) {
                skills.put(skill, random.nextInt(6));
            }
        }
        Set<String> languages = random.nextBoolean() ? Set.of(LANGUAGES.get(random.nextInt(3)))
                : Set.of("en", LANGUAGES.get(1 + random.nextInt(2)));
        Set<String> regions = random.nextInt(3) == 0 ? Set.of() : Set.of(REGIONS.get(random.nextInt(2)));
        Capacity capacity = random.nextInt(5) == 0 ? new Capacity(2, Map.of("email", 0)) : Capacity.of(1
                + random.nextInt(3));
        Presence presence = List.of(Presence.ONLINE, Presence.ONLINE, Presence.ONLINE, Presence.BUSY, Presence.AWAY,
                Presence.OFFLINE).get(random.nextInt(6));
        return new OwnerSpec(skills, languages, regions, capacity, random.nextInt(9) > 0,
                random.nextInt(8) == 0 ? CAPPED : NO_LIMITS, presence);
    }

    private static void assertIndexAgreesWithScan(long seed, int owners, int conversations) {
        Random random = new Random(seed);
        Probe probe = new Probe(OTHERS, MOVES);
        EligibleIndexProperties.World world = new EligibleIndexProperties.World();
        Set<String> desk = new TreeSet<>(List.of("o1", "o" + (owners - 1)));
        for (int position : List.of(63, 64, 65, 100, 130)) {
            if (position < owners) {
                desk.add("o" + position);
            }
        }
        RoutingPlan plan = new RoutingPlan(List.of(new QueueSpec("waiting", Duration.ofMinutes(10))), List.of(
                Rule.builder("desk").owners(desk).when(new Condition.Is("type", "desk"))
                        .chain(probe, EligibleIndexProperties.PLACE).queue("waiting").build(),
                Rule.builder("skilled").when(new Condition.Is("type", "skilled")).requires(Rule.Requirement.SKILLS,
                        Rule.Requirement.LANGUAGE).chain(probe, EligibleIndexProperties.PLACE).queue("waiting").build(),
                Rule.builder("everyone").chain(probe, EligibleIndexProperties.PLACE).queue("waiting").build()));
        Router.Builder builder = Router.builder().clock(world.clock).plan(plan);
        for (int i = 0; i < owners; i++) {
            OwnerSpec spec = owner(random);
            builder.owner(spec.owner("o" + i), spec.presence());
        }
        world.router = builder.build();
        probe.router = world.router;

        List<String> types = List.of("desk", "skilled", "general");
        for (int i = 0; i < conversations; i++) {
            Requirements asked = i % 3 == 0 ? Requirements.NONE : OTHERS.get(random.nextInt(OTHERS.size()));
            new EligibleIndexProperties.Route(i % 4 == 0 ? "email" : "chat", types.get(i % 3),
                    Priority.values()[i % Priority.values().length], asked).apply(world);
            if (i % 5 == 4) {
                new EligibleIndexProperties.Release(random.nextInt(50)).apply(world);
            }
            if (i % 7 == 6) {
                new EligibleIndexProperties.SetPresence("o" + random.nextInt(owners),
                        Presence.values()[random.nextInt(Presence.values().length)]).apply(world);
            }
            if (i % 11 == 10) {
                new EligibleIndexProperties.Tick(7).apply(world);
            }
            probe.afterOperation();
            assertThat(probe.mismatches).as("after conversation %d", i).isEmpty();
        }
        assertThat(probe.decisions).isGreaterThanOrEqualTo(conversations);
        assertThat(probe.visits).as("the walks found owners").isPositive();
    }

    @Test
    void onARosterOfThreeWords() {
        assertIndexAgreesWithScan(20261201L, 151, 40);
    }

    @Test
    void onARosterEndingAtAWordBoundary() {
        assertIndexAgreesWithScan(7L, 128, 25);
    }

    @Test
    void onARosterOfLessThanAWord() {
        assertIndexAgreesWithScan(42L, 20, 25);
    }
}
