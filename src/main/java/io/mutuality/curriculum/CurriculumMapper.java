package io.mutuality.curriculum;

import io.mutuality.curriculum.Curriculum.Module;
import io.mutuality.curriculum.CurriculumApi.CourseSummary;
import io.mutuality.curriculum.CurriculumApi.ModuleView;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(componentModel = "jakarta-cdi")
public interface CurriculumMapper {

    CourseSummary toSummary(Course course);

    @Mapping(target = "facilitatorNotes", source = "notes")
    ModuleView toView(Module module);
}
