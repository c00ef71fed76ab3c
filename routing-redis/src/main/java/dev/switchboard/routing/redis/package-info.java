/**
 * Switchboard's live routing state in Redis, shared by every instance of a host: {@link
 * dev.switchboard.routing.redis.RedisRoutingStore} runs each operation a decision needs (commit an assignment,
 * release, enqueue, take from a queue, claim due timers, link identities) as one atomic server-side script, with
 * every key of a tenant under one Redis Cluster hash tag; {@link dev.switchboard.routing.redis.RedisLiveState} is a
 * router's whole live state on it (the live-state SPI), so several instances share it. See
 * {@code docs/multi-instance.md} for the key layout.
 */
package dev.switchboard.routing.redis;
