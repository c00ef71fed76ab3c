package dev.switchboard.routing.examples.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * gRPC-java's weighted round-robin pick, {@code StaticStrideScheduler} of {@code io.grpc:grpc-xds}: one atomic
 * sequence and stride arithmetic over weights scaled to 16 bits. The class is package-private in
 * {@code io.grpc.xds}, so it is reached by name through method handles from a private lookup into it (both sit in
 * the unnamed module on the class path), made once; the handles are {@code static final}, so the JIT calls
 * {@code pick()} directly, as gRPC's own code would. grpc-xds is only on the benchmarks' and the tests' class paths
 * (see {@code routing-examples/pom.xml}).
 */
final class GrpcStrideScheduler {

    private static final String CLASS_NAME = "io.grpc.xds.WeightedRoundRobinLoadBalancer$StaticStrideScheduler";
    private static final MethodHandle CREATE;
    private static final MethodHandle PICK;

    static {
        try {
            Class<?> type = Class.forName(CLASS_NAME);
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            CREATE = lookup.findConstructor(type, MethodType.methodType(void.class, float[].class, AtomicInteger.class))
                    .asType(MethodType.methodType(Object.class, float[].class, AtomicInteger.class));
            PICK = lookup.findVirtual(type, "pick", MethodType.methodType(int.class))
                    .asType(MethodType.methodType(int.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(CLASS_NAME + " cannot be reached: is io.grpc:grpc-xds on the class path?"
                    + " (the benchmarks profile puts it into benchmarks.jar)", e);
        }
    }

    private final Object scheduler;

    /** gRPC's scheduler for these weights, indexed as given, its sequence starting at zero. */
    GrpcStrideScheduler(float[] weights) {
        try {
            scheduler = (Object) CREATE.invokeExact(weights.clone(), new AtomicInteger());
        } catch (Throwable e) {
            throw new IllegalStateException("gRPC's StaticStrideScheduler refused the weights", e);
        }
    }

    /** The index of the next weight in gRPC's schedule. */
    int pick() {
        try {
            return (int) PICK.invokeExact(scheduler);
        } catch (Throwable e) {
            throw new IllegalStateException("gRPC's StaticStrideScheduler failed to pick", e);
        }
    }
}
