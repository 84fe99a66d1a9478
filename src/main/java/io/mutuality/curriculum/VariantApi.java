package io.mutuality.curriculum;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.mutuality.curriculum.Curriculum.Activity;
import io.mutuality.curriculum.Curriculum.Prompt;
import io.mutuality.curriculum.Curriculum.Scenario;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An organisation's own version of a course, as the API reads and writes it. */
public final class VariantApi {

    static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";
    static final String ID = "[a-z0-9]+(-[a-z0-9]+)*";

    private VariantApi() {}

    /**
     * A variant: the days in the organisation's order, each slot one of the course library's
     * modules, one of the variant's own modules (a local opening, say), or a break. Times
     * follow from the order and the minutes.
     */
    public record VariantRequest(
            @NotBlank @Size(max = 120) @io.mutuality.common.HumanText
            String name,

            @NotBlank @Size(max = 64) String courseId,
            @NotEmpty @Size(max = 10) List<@NotNull @Valid VariantDay> days,
            @Size(max = 30) List<@NotNull @Valid OwnModule> ownModules,
            @Size(max = 100) List<@NotNull Scenario> ownScenarios,
            @Size(max = 100) List<@NotNull Prompt> ownPrompts) {

        public VariantRequest {
            ownModules = ownModules == null ? List.of() : ownModules;
            ownScenarios = ownScenarios == null ? List.of() : ownScenarios;
            ownPrompts = ownPrompts == null ? List.of() : ownPrompts;
        }
    }

    public record VariantDay(
            @NotBlank @Size(max = 120) String title,

            @NotNull @Pattern(regexp = TIME, message = "must be a time such as 09:30")
            String starts,

            @NotNull @Pattern(regexp = TIME, message = "must be a time such as 16:30")
            String ends,

            @NotEmpty @Size(max = 30) List<@NotNull @Valid VariantSlot> agenda) {}

    /** Exactly one of {@code module}, {@code ownModule} or {@code break}. */
    public record VariantSlot(
            @Size(max = 80) String module,
            @Size(max = 80) String ownModule,
            @JsonProperty("break") @Size(max = 80) String breakTitle,
            @Min(1) @Max(240) Integer minutes) {}

    public record OwnModule(
            @NotNull @Pattern(regexp = ID, message = "use lower-case words joined by hyphens") @Size(max = 60)
            String id,

            @NotBlank @Size(max = 200) String title,
            @NotNull @Min(5) @Max(480) Integer minutes,
            @NotBlank @Size(max = 2000) String summary,
            @NotBlank @Size(max = 20000) String facilitatorNotes,
            List<String> tasks,
            List<@NotNull Activity> activities) {}

    public record VariantSummary(
            UUID id, String name, String courseId, String baseVersion, int revision, Instant updatedAt) {}

    public record VariantView(
            VariantSummary variant, VariantRequest definition, CurriculumApi.ResolvedCourse resolved) {}
}
