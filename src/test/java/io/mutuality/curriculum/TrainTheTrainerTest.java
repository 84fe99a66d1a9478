package io.mutuality.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Train-the-Trainer: a whole module taught back by every pair, a readiness conversation for everyone, a co-training path. */
class TrainTheTrainerTest {

    /** A Train-the-Trainer course this curriculum plans for: twelve people in six pairs, two lead trainers. */
    private static final int PEOPLE = 12;

    private static final int TRAINERS = 2;

    private static Curriculum curriculum;
    private static List<Curriculum.Module> ttt;

    @BeforeAll
    static void load() {
        curriculum = new CurriculumLoader().load(Path.of("curriculum").toAbsolutePath());
        ttt = curriculum.modulesOf(curriculum.course("train-the-trainer").orElseThrow());
    }

    @Test
    void everyPairTeachesBackAWholeCoreModuleWithSetUpAndCoReflection() {
        int pairsTeaching = 0;
        for (Curriculum.Module module : ttt) {
            List<Curriculum.Activity> activities = module.activities();
            for (int i = 0; i < activities.size(); i++) {
                Curriculum.Activity a = activities.get(i);
                if (!"teach-back".equals(a.kind()) || a.parts() == null) {
                    continue;
                }
                int teaching = a.minutes() - a.parts().setup() - a.parts().debrief();
                Matcher named = Pattern.compile("`(core-[a-z-]+)`").matcher(module.notes());
                assertThat(named.find())
                        .as(module.id() + " names the Core module it teaches back")
                        .isTrue();
                Curriculum.Module taught = curriculum.module(named.group(1)).orElseThrow();
                assertThat(curriculum.modulesOf(curriculum.course("core").orElseThrow()))
                        .contains(taught);
                assertThat(teaching).as(module.id()).isEqualTo(taught.minutes());
                assertThat(taught.topics()).as(module.id()).contains(a.teachBack());
                assertThat(a.parts().setup()).as(module.id() + " set-up").isGreaterThanOrEqualTo(10);
                assertThat(a.parts().debrief())
                        .as(module.id() + " stepping out")
                        .isGreaterThanOrEqualTo(5);
                Curriculum.Activity after = activities.get(i + 1);
                assertThat(after.kind()).isEqualTo("co-reflection");
                assertThat(after.minutes()).isGreaterThanOrEqualTo(25);
                assertThat(a.groupSize()).isNotNull();
                pairsTeaching += PEOPLE / a.groupSize();
            }
        }
        assertThat(pairsTeaching).as("pairs that teach a whole module").isGreaterThanOrEqualTo(PEOPLE / 2);
    }

    @Test
    void everyoneHasAOneToOneReadinessConversationInASlotOfItsOwn() {
        Curriculum.Activity conversations = ttt.stream()
                .flatMap(m -> m.activities().stream())
                .filter(a -> a.title() != null && a.title().startsWith("One-to-one readiness conversations"))
                .findFirst()
                .orElseThrow();
        assertThat(conversations.groupSize()).isEqualTo(2);
        assertThat(conversations.minutes() * TRAINERS / PEOPLE)
                .as("minutes per person")
                .isGreaterThanOrEqualTo(10);
        assertThat(curriculum.module("ttt-arriving").orElseThrow().notes())
                .contains("one-to-one readiness conversation");
    }

    @Test
    void theCoTrainingPathIsWrittenDown() {
        String notes =
                curriculum.module("ttt-readiness-conversations").orElseThrow().notes();
        assertThat(notes)
                .contains(
                        "Co-training a Core with an experienced IPS trainer",
                        "What is noticed while co-training",
                        "Deciding readiness together");
        assertThat(ttt).extracting(Curriculum.Module::id).contains("ttt-readiness-conversations");
    }
}
