package io.mutuality.curriculum;

import io.mutuality.common.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/courses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Curriculum")
@PermitAll
public class CourseResource {

    @Inject
    CourseCatalogue catalogue;

    @GET
    @Operation(summary = "The IPS courses Mutuality can schedule and run")
    public List<Course> courses() {
        return catalogue.courses();
    }

    @GET
    @Path("/{courseId}")
    @Operation(summary = "One course")
    public Course course(@PathParam("courseId") String courseId) {
        return catalogue.course(courseId).orElseThrow(() -> ProblemException.notFound("course '" + courseId + "'"));
    }
}
