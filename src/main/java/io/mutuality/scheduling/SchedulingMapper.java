package io.mutuality.scheduling;

import io.mutuality.scheduling.SchedulingApi.CohortView;
import io.mutuality.scheduling.SchedulingApi.OrganisationView;
import io.mutuality.scheduling.SchedulingApi.PlanCohortRequest;
import io.mutuality.scheduling.SchedulingApi.TrainerView;
import java.util.Map;
import java.util.UUID;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(componentModel = "jakarta-cdi")
public interface SchedulingMapper {

    OrganisationView toView(Organisation organisation);

    /** @param trainerNames display names of the booked trainers, by account id */
    @Mapping(target = "leadNeeds", expression = "java(SchedulingService.LEAD_NEEDS.get(cohort.getCourseId()))")
    @Mapping(
            target = "supportContact",
            expression = "java(SchedulingApi.SupportContactView.of(cohort.supportContact().orElse(null)))")
    @Mapping(target = "followUp", expression = "java(SchedulingApi.FollowUpView.of(cohort.followUp().orElse(null)))")
    CohortView toView(Cohort cohort, @Context Map<UUID, String> trainerNames);

    default TrainerView toView(CohortTrainer trainer, @Context Map<UUID, String> trainerNames) {
        return new TrainerView(
                trainer.getAccountId(),
                trainerNames.getOrDefault(trainer.getAccountId(), "A former trainer"),
                trainer.isLead());
    }

    @Mapping(target = "venueName", source = "venue.name")
    @Mapping(target = "venueAddress", source = "venue.address")
    CohortPlan toPlan(PlanCohortRequest request);
}
