package io.mutuality.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutuality.common.Problem;
import io.mutuality.common.ProblemException;
import io.mutuality.curriculum.VariantApi.VariantDay;
import io.mutuality.curriculum.VariantApi.VariantRequest;
import io.mutuality.curriculum.VariantApi.VariantSlot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An organisation's own scenarios and modules follow the bank's rules on themes, content notes and parts (no server). */
class VariantCheckTest {

    private static final Curriculum CURRICULUM = new CurriculumLoader().load(Path.of("curriculum"));

    private final VariantService service = new VariantService();

    {
        service.catalogue = new CourseCatalogue() {
            @Override
            public Curriculum curriculum() {
                return CURRICULUM;
            }

            @Override
            public Optional<Course> course(String id) {
                return CURRICULUM.course(id);
            }
        };
    }

    /** The Introduction as the course has it, with these own scenarios and one own module in no slot. */
    private VariantRequest introduction(List<Curriculum.Scenario> scenarios, List<VariantApi.OwnModule> modules) {
        List<VariantDay> days = new ArrayList<>();
        for (Curriculum.Day day :
                CURRICULUM.course("introduction").orElseThrow().days()) {
            days.add(new VariantDay(
                    day.title(),
                    day.starts(),
                    day.ends(),
                    day.agenda().stream()
                            .map(i -> new VariantSlot(i.module(), null, i.breakTitle(), i.minutes()))
                            .toList()));
        }
        return new VariantRequest("Ours", "introduction", days, modules, scenarios, List.of());
    }

    private static Curriculum.Scenario scenario(String id, List<String> themes, String note) {
        return new Curriculum.Scenario(
                id,
                "T",
                "online",
                List.of("connection"),
                themes,
                "moderate",
                note,
                "Shared.",
                Map.of("person-sharing", "A", "peer-supporter", "B"));
    }

    private List<String> errors(VariantRequest request) {
        try {
            service.check(request);
        } catch (ProblemException e) {
            return e.errors().stream().map(f -> f.field() + ": " + f.message()).toList();
        }
        return List.of();
    }

    @Test
    void theCourseAsItIsPasses() {
        assertThat(errors(introduction(List.of(scenario("ours", List.of("limit"), null)), List.of())))
                .isEmpty();
    }

    @Test
    void anOwnScenarioOnASensitiveThemeNeedsItsContentNote() {
        assertThat(errors(introduction(
                        List.of(
                                scenario("ours", List.of("limit", "self-harm"), null),
                                scenario("noted", List.of("self-harm"), "Mentions self-harm."),
                                scenario("odd", List.of("gossip"), null)),
                        List.of())))
                .containsExactly(
                        "ownScenarios[0].contentNote: A scenario about self-harm needs a content note, shown before it opens.",
                        "ownScenarios[2].themes: unknown theme 'gossip'");
    }

    @Test
    void anOwnModulesPartsMustFit() {
        Curriculum.Activity rolePlay = new Curriculum.Activity(
                "role-play",
                null,
                40,
                null,
                "scenarios",
                List.of(),
                3,
                List.of(),
                3,
                null,
                List.of("limit"),
                new Curriculum.Parts(5, 12, 1, 2),
                List.of());
        VariantApi.OwnModule module = new VariantApi.OwnModule(
                "our-limits", "Our limits", 60, "S.", "Notes.", List.of("mutuality"), List.of(rolePlay));
        assertThatThrownBy(() -> service.check(introduction(List.of(), List.of(module))))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).errors())
                        .extracting(Problem.FieldError::message)
                        .containsExactly("the parts take 45 minutes but the activity has 40."));
    }
}
