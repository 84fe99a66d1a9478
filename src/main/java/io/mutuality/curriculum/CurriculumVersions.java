package io.mutuality.curriculum;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mutuality.common.Secrets;
import io.mutuality.curriculum.Curriculum.AgendaItem;
import io.mutuality.curriculum.Curriculum.Day;
import io.mutuality.curriculum.CurriculumApi.ResolvedCourse;
import io.mutuality.curriculum.CurriculumApi.ResolvedDay;
import io.mutuality.curriculum.CurriculumApi.ResolvedSlot;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Pins curricula: when a cohort is planned, the course as it stands (or an organisation's
 * variant at its current revision) is stored whole, and the cohort runs that copy for its
 * whole life. Editing the files afterwards changes only cohorts planned afterwards, and only
 * once the course's version is raised.
 */
@ApplicationScoped
public class CurriculumVersions {

    private static final Logger LOG = Logger.getLogger(CurriculumVersions.class);

    @Inject
    CourseCatalogue catalogue;

    @Inject
    CurriculumMapper mapper;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** What a cohort is pinned to. */
    public record Pin(String source, String version) {}

    /** Resolves a course from the files into what a cohort runs. */
    public ResolvedCourse resolve(Course course) {
        Curriculum curriculum = catalogue.curriculum();
        List<ResolvedDay> days = new ArrayList<>();
        for (int d = 0; d < course.days().size(); d++) {
            Day day = course.days().get(d);
            List<ResolvedSlot> slots = new ArrayList<>();
            for (AgendaItem item : day.agenda()) {
                if (item.module() != null) {
                    var module = curriculum.module(item.module()).orElseThrow();
                    slots.add(new ResolvedSlot(
                            item.at(), module.minutes(), "module", module.title(), mapper.toView(module)));
                } else {
                    slots.add(new ResolvedSlot(item.at(), item.minutes(), "break", item.breakTitle(), null));
                }
            }
            days.add(new ResolvedDay(d + 1, day.title(), day.starts(), day.ends(), slots));
        }
        return new ResolvedCourse(
                course.id(), course.version(), mapper.toSummary(course), null, days, List.of(), List.of());
    }

    /** Pins the course as the files hold it now. */
    @Transactional
    public Pin pin(Course course) {
        return store(resolve(course));
    }

    /** Stores resolved content under its source and version, once; the first copy stays. */
    @Transactional
    public Pin store(ResolvedCourse resolved) {
        var key = new CurriculumSnapshot.Key(resolved.source(), resolved.version());
        if (CurriculumSnapshot.findById(key) == null) {
            String content = write(resolved);
            CurriculumSnapshot snapshot = new CurriculumSnapshot();
            snapshot.key = key;
            snapshot.content = content;
            snapshot.contentHash = Secrets.hash(content);
            snapshot.createdAt = clock.instant();
            snapshot.persist();
        }
        return new Pin(resolved.source(), resolved.version());
    }

    /** The content a cohort pinned to this source and version runs. */
    public Optional<ResolvedCourse> pinned(String source, String version) {
        return Optional.ofNullable(
                        CurriculumSnapshot.<CurriculumSnapshot>findById(new CurriculumSnapshot.Key(source, version)))
                .map(snapshot -> read(snapshot.content));
    }

    /**
     * Warns when a course's files changed but its version did not: pinned cohorts keep the old
     * content. Only a warning in the log, so it runs beside the start-up rather than before the
     * application is ready.
     */
    void checkVersions(@Observes StartupEvent event) {
        Thread check = new Thread(
                () -> {
                    try {
                        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                                .run(this::checkVersions);
                    } catch (RuntimeException e) {
                        LOG.warnf(
                                "Could not compare the curricula with the versions cohorts were planned with: %s",
                                e.getMessage());
                    }
                },
                "curriculum-version-check");
        check.setDaemon(true);
        check.start();
    }

    void checkVersions() {
        for (Course course : catalogue.courses()) {
            CurriculumSnapshot snapshot =
                    CurriculumSnapshot.findById(new CurriculumSnapshot.Key(course.id(), course.version()));
            if (snapshot != null && !snapshot.contentHash.equals(Secrets.hash(write(resolve(course))))) {
                LOG.warnf(
                        "The files of course '%s' changed but its version is still %s. Cohorts already planned keep "
                                + "the content they were planned with; raise the version so new cohorts get the change.",
                        course.id(), course.version());
            }
        }
    }

    private String write(ResolvedCourse resolved) {
        try {
            return json.writeValueAsString(resolved);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ResolvedCourse read(String content) {
        try {
            return json.readValue(content, ResolvedCourse.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A pinned curriculum could not be read", e);
        }
    }
}
