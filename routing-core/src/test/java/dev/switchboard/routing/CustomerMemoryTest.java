package dev.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntConsumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CustomerMemoryTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(30);

    @Test
    void forgetsTheCustomerServedLongestAgo_whenOneMoreWouldExceedItsBound() {
        CustomerMemory memory = new CustomerMemory(2, TTL, START);
        memory.serve("maria", "ana", START, false);
        memory.serve("joao", "ben", START.plusSeconds(1), false);
        memory.serve("maria", "ben", START.plusSeconds(2), false);
        memory.serve("li", "ana", START.plusSeconds(3), false);

        Instant now = START.plusSeconds(4);
        assertThat(memory.get("joao", now)).as("served longest ago").isNull();
        assertThat(memory.get("maria", now).last()).isEqualTo("ben");
        assertThat(memory.current(now)).containsOnlyKeys("li", "maria");
    }

    @Test
    void forgetsACustomer_aTtlAfterItWasLastServed() {
        CustomerMemory memory = new CustomerMemory(10, TTL, START);
        memory.serve("maria", "ana", START, false);
        memory.serve("maria", "ana", START.plus(Duration.ofMinutes(20)), false);

        assertThat(memory.get("maria", START.plus(Duration.ofMinutes(49))).primary()).isEqualTo("ana");
        assertThat(memory.get("maria", START.plus(Duration.ofMinutes(50)))).isNull();
        assertThat(memory.current(START.plus(Duration.ofMinutes(50)))).isEmpty();
    }

    @Test
    void forgetsABurstOfExpiredCustomers_aFewAtEachChange() {
        CustomerMemory memory = new CustomerMemory(1_000, TTL, START);
        for (int i = 0; i < 100; i++) {
            memory.serve("customer-" + i, "ana", START, false);
        }
        Instant later = START.plus(TTL);
        memory.serve("maria", "ben", later, false);
        assertThat(memory.held()).as("two of the expired forgotten").isEqualTo(99);
        assertThat(memory.current(later)).containsOnlyKeys("maria");

        for (int i = 0; i < 49; i++) {
            memory.serve("maria", "ben", later, false);
        }
        assertThat(memory.held()).isEqualTo(1);
    }

    @Test
    void aCustomerServedAgainAfterItsTtlRanOut_startsAFreshMemory() {
        CustomerMemory memory = new CustomerMemory(10, TTL, START);
        memory.serve("maria", "ana", START, false);
        memory.serve("maria", "ana", START.plusSeconds(1), false);
        memory.serve("maria", "ben", START.plus(Duration.ofHours(1)), false);

        CustomerOwners owners = memory.get("maria", START.plus(Duration.ofHours(1)));
        assertThat(owners).isEqualTo(CustomerOwners.first("ben", START.plus(Duration.ofHours(1))));
    }

    @Test
    void unlessLast_keepsTheMemoryOfTheOwnerWhoServedLast() {
        CustomerMemory memory = new CustomerMemory(10, TTL, START);
        memory.serve("maria", "ana", START, false);
        memory.serve("maria", "ana", START.plusSeconds(5), true);
        memory.serve("maria", "ben", START.plusSeconds(6), true);

        assertThat(memory.get("maria", START.plusSeconds(7)))
                .isEqualTo(new CustomerOwners("ana", "ben", 1, START.plusSeconds(6)));
    }

    @Test
    void aCustomerRemoved_isForgotten_andFreesItsPlace() {
        CustomerMemory memory = new CustomerMemory(1, TTL, START);
        memory.serve("maria", "ana", START, false);
        memory.remove("maria");
        memory.put("joao", CustomerOwners.first("ben", START), START);

        assertThat(memory.get("maria", START)).isNull();
        assertThat(memory.current(START)).containsOnlyKeys("joao");
        assertThat(memory.isEmpty()).isFalse();
    }

    /** The memory against a model: a map of each customer's serves, forgetting the oldest beyond the bound or the ttl. */
    @Property(tries = 200)
    void remembersWhatAModelOfItsBoundAndTtlRemembers(
            @ForAll @Size(max = 60) List<@IntRange(max = 7) Integer> customers,
            @ForAll @IntRange(min = 1, max = 5) int bound) {
        CustomerMemory memory = new CustomerMemory(bound, TTL, START);
        List<String> order = new ArrayList<>();
        Map<String, CustomerOwners> model = new HashMap<>();
        Instant at = START;
        for (int served : customers) {
            at = at.plus(Duration.ofMinutes(served));
            String customer = "customer-" + served;
            String owner = "owner-" + (served % 3);
            Instant now = at;
            order.removeIf(name -> !model.get(name).servedAt().plus(TTL).isAfter(now));
            model.keySet().retainAll(order);
            CustomerOwners before = model.get(customer);
            model.put(customer, before == null ? CustomerOwners.first(owner, at) : before.servedBy(owner, at));
            order.remove(customer);
            order.add(customer);
            while (order.size() > bound) {
                model.remove(order.remove(0));
            }
            memory.serve(customer, owner, at, false);

            assertThat(memory.current(at)).isEqualTo(model);
        }
    }

    @Test
    void servesOnSeveralThreadsAtOnce_countEveryServe() throws InterruptedException {
        CustomerMemory memory = new CustomerMemory(1_000, TTL, START);
        onThreads(4, thread -> {
            for (int i = 0; i < 20_000; i++) {
                memory.serve("customer-" + thread + "-" + (i % 20), "owner-" + thread, START, false);
            }
        });

        Map<String, CustomerOwners> remembered = memory.current(START);
        assertThat(remembered).hasSize(80);
        remembered.forEach((customer, owners) -> assertThat(owners).as(customer).isEqualTo(new CustomerOwners(
                "owner-" + customer.charAt(9), "owner-" + customer.charAt(9), 1_000, START)));
    }

    @Test
    void forgetsOnSeveralThreadsAtOnce_andKeepsItsOrder() throws InterruptedException {
        CustomerMemory memory = new CustomerMemory(50, TTL, START);
        onThreads(4, thread -> {
            for (int i = 0; i < 20_000; i++) {
                memory.serve("customer-" + (i % 80), "owner-" + thread, START, false);
                memory.get("customer-" + ((i + 7) % 80), START);
            }
        });
        assertThat(memory.current(START)).hasSizeLessThanOrEqualTo(50);

        for (int i = 0; i < 50; i++) {
            memory.serve("later-" + i, "ana", START.plusSeconds(1), false);
        }
        assertThat(memory.current(START.plusSeconds(1))).as("the 50 served last, and nothing else")
                .hasSize(50).allSatisfy((customer, owners) -> assertThat(customer).startsWith("later-"));
    }

    private static void onThreads(int threads, IntConsumer work) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> running = new ArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            int index = thread;
            Thread serving = new Thread(() -> {
                try {
                    go.await();
                    work.accept(index);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            serving.start();
            running.add(serving);
        }
        go.countDown();
        for (Thread serving : running) {
            serving.join();
        }
    }
}
