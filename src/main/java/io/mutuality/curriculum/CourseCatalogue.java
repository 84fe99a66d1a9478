package io.mutuality.curriculum;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The curriculum feature's public API: the courses, loaded and checked once at start-up. A
 * broken file stops the application with a message naming the file.
 */
@Startup
@ApplicationScoped
public class CourseCatalogue {

    private static final Logger LOG = Logger.getLogger(CourseCatalogue.class);

    @Inject
    CurriculumConfig config;

    private Curriculum curriculum;

    @PostConstruct
    void load() {
        CurriculumSource source = config.dir()
                .filter(dir -> !dir.isBlank())
                .map(dir -> {
                    Path root = Path.of(dir).toAbsolutePath();
                    if (!Files.isDirectory(root)) {
                        throw new CurriculumException(dir, null, "mutuality.curriculum.dir is not a directory");
                    }
                    LOG.infof("Reading the curricula from %s", root);
                    return CurriculumSource.directory(root);
                })
                .orElseGet(() -> CurriculumSource.classpath("curriculum"));
        curriculum = new CurriculumLoader().load(source);
        LOG.infof(
                "Loaded the curricula: %s; %d modules, %d scenarios, %d reframes, %d prompts, %d lexicon terms",
                curriculum.courses().stream()
                        .map(c -> c.id() + " " + c.version())
                        .toList(),
                curriculum.modules().size(),
                curriculum.scenarios().size(),
                curriculum.reframes().size(),
                curriculum.prompts().size(),
                curriculum.lexicon().size());
    }

    private LanguageLens lens;

    /** The language lens over the lexicon, built once. */
    public synchronized LanguageLens lens() {
        if (lens == null) {
            lens = new LanguageLens(curriculum.lexicon());
        }
        return lens;
    }

    public Curriculum curriculum() {
        return curriculum;
    }

    public List<Course> courses() {
        return List.copyOf(curriculum.courses());
    }

    public Optional<Course> course(String id) {
        return curriculum.course(id);
    }
}
