package io.mutuality.cluster;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/**
 * Whether this node is one of several: {@code mutuality.bus} ({@code MUTUALITY_BUS}) says how the
 * nodes hear of each other. {@code in-process}, the default, is a single node with nothing to
 * install; {@code redis} is several nodes sharing one PostgreSQL database and one Redis
 * ({@code quarkus.redis.hosts}, from {@code MUTUALITY_REDIS_URL}).
 */
@ConfigMapping(prefix = "mutuality.bus")
public interface ClusterConfig {

    /** The value of {@code mutuality.bus} itself. */
    @WithParentName
    @WithDefault("in-process")
    Bus bus();

    /** How rooms' events and the counts that nodes share travel. */
    enum Bus {
        /** One node: everything in its own memory. */
        IN_PROCESS,
        /** Several nodes: shared through Redis. */
        REDIS;

        /** The name used in configuration and in the health report. */
        public String configName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
