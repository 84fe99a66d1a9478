package io.mutuality.curriculum;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

@ConfigMapping(prefix = "mutuality.curriculum")
public interface CurriculumConfig {

    /** A directory holding an edited copy of curriculum/; empty means the built-in copy. */
    Optional<String> dir();
}
