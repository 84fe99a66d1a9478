package io.mutuality.curriculum;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where curriculum files are read from: a directory on disk, or the copy on the class path. */
interface CurriculumSource {

    /** The file at this path relative to the curriculum root, if it exists. */
    Optional<InputStream> open(String relativePath);

    static CurriculumSource directory(Path root) {
        return relativePath -> {
            Path file = root.resolve(relativePath).normalize();
            if (!file.startsWith(root.normalize()) || !Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Files.newInputStream(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    static CurriculumSource classpath(String root) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return relativePath -> Optional.ofNullable(loader.getResourceAsStream(root + "/" + relativePath));
    }
}
