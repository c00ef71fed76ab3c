package dev.switchboard.routing.spring;

import dev.switchboard.routing.redis.RedisRoutingStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The router's live state in Redis, for an application that runs several instances: with routing-redis on the class
 * path, {@code switchboard.redis.uri} makes a {@link RedisRoutingStore} on that Redis and {@code switchboard.redis.tenant}
 * (closed with the context), and the router is built on it, so every instance on the same tenant shares one live
 * state. A host that defines its own {@link RedisRoutingStore} bean (for its timeouts, prefix or near-cache age) gets
 * its router built on that one instead.
 */
@AutoConfiguration(before = SwitchboardAutoConfiguration.class)
@ConditionalOnClass(RedisRoutingStore.class)
@EnableConfigurationProperties(SwitchboardProperties.class)
public class SwitchboardRedisAutoConfiguration {

    /** The store on {@code switchboard.redis.uri}, for {@code switchboard.redis.tenant}. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "switchboard.redis", name = "uri")
    public RedisRoutingStore switchboardRedisStore(SwitchboardProperties properties) {
        return RedisRoutingStore.builder().uri(properties.redis().uri()).tenant(properties.redis().tenant()).build();
    }

    /** Builds the router's live state on the store, when there is one. */
    @Bean
    public RouterCustomizer switchboardRedisLiveState(ObjectProvider<RedisRoutingStore> store) {
        return builder -> store.ifAvailable(redis -> builder.liveState(redis.liveState()));
    }
}
