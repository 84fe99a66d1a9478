package io.mutuality.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "mutuality.demo")
public interface DemoConfig {

    /** Create the demo organisation on first start with an empty database. Off in production. */
    boolean enabled();

    /** The password of both demo accounts: public (it is in the README) unless overridden. */
    @WithDefault(PUBLIC_PASSWORD)
    String password();

    String PUBLIC_PASSWORD = "together-we-learn";
}
