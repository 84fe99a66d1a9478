package io.mutuality.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feature graph and the room engine's purity, checked on the application's classes; and, on
 * a small fixture compiled here that breaks each rule on purpose, proof that every rule reports
 * what it should (a rule that cannot fail would pass anything).
 */
class ArchitectureTest {

    private static final String ROOT = "io.mutuality";

    /**
     * Where one feature may use another's entity, and why; keep this list short. Every other use
     * of an entity across features goes through the owning feature's services.
     */
    static final Map<String, Set<String>> ALLOWED_ENTITIES = Map.of(
            // Registration reads the cohort aggregate that SchedulingService hands out (title, days,
            // venue, trainers, registration window); it changes seats through scheduling's
            // CohortSeats, as the aggregate's mutators are visible only inside scheduling.
            "registration",
                    Set.of(
                            "io.mutuality.scheduling.Cohort",
                            "io.mutuality.scheduling.TrainingDay",
                            "io.mutuality.scheduling.Venue",
                            "io.mutuality.scheduling.CohortTrainer"),
            // The first-start demo data is made through each feature's service and keeps what they return.
            "demo",
                    Set.of(
                            "io.mutuality.scheduling.Cohort",
                            "io.mutuality.scheduling.Organisation",
                            "io.mutuality.identity.Account"),
            // VariantService.variant returns the variant entity, which scheduling reads to pin a
            // cohort's curriculum; the curriculum package is someone else's change to make.
            "scheduling", Set.of("io.mutuality.curriculum.CourseVariant"),
            // The live rooms read a cohort's title (RoomService, RoomReports) and a staff member's
            // display name (RoomAdmission) from the entities; the live package is being reworked
            // separately, so these stay until that work gives them views.
            "live", Set.of("io.mutuality.scheduling.Cohort", "io.mutuality.identity.Account"));

    private static JavaClasses application;

    @BeforeAll
    static void importApplication() {
        application = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(ROOT);
        assertThat(application).as("the application's classes were found").hasSizeGreaterThan(100);
    }

    @Test
    void featuresHaveNoCycles() {
        ArchitectureRules.noCyclesBetweenFeatures(ROOT).check(application);
    }

    @Test
    void noFeatureReachesIntoAnothersEntitiesOutsideTheAllowedList() {
        ArchitectureRules.noFeatureReachesIntoAnothersEntities(ROOT, ALLOWED_ENTITIES)
                .check(application);
    }

    @Test
    void theRoomEngineIsFreeOfFrameworksDatabasesAndFiles() {
        assertThat(application.containPackage(ROOT + ".live.engine")).isTrue();
        ArchitectureRules.engineIsPure(ROOT + ".live.engine").check(application);
    }

    // ------------------------------------------------------------------ the rules fail where they should

    private static final String FIXTURE = "archfixture";

    private static JavaClasses fixture;

    /** Two features that need each other, one using the other's entity, and an engine that reads a file. */
    @BeforeAll
    static void compileFixture(@TempDir Path dir) throws IOException, URISyntaxException {
        write(dir, "archfixture/alpha/Door.java", """
                package archfixture.alpha;
                public class Door {
                    public archfixture.beta.Key key;
                    public String open() { return key.cut(); }
                }
                """);
        write(dir, "archfixture/beta/Key.java", """
                package archfixture.beta;
                @jakarta.persistence.Entity
                public class Key {
                    @jakarta.persistence.Id public Long id;
                    public String cut() { return "key"; }
                    public archfixture.alpha.Door door() { return null; }
                }
                """);
        write(dir, "archfixture/engine/Rules.java", """
                package archfixture.engine;
                public class Rules {
                    public boolean saved() { return new java.io.File("room.log").exists(); }
                }
                """);
        write(dir, "archfixture/gamma/Lock.java", """
                package archfixture.gamma;
                public class Lock {
                    public boolean fits(archfixture.beta.Key key) { return key != null; }
                }
                """);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("tests run on a JDK").isNotNull();
        String persistence = Path.of(jakarta.persistence.Entity.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        List<String> args = new ArrayList<>(List.of("-d", dir.resolve("classes").toString(), "-cp", persistence));
        try (var sources = Files.walk(dir)) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        assertThat(javac.run(null, null, null, args.toArray(String[]::new)))
                .as("the fixture compiles")
                .isZero();
        fixture = new ClassFileImporter().importPath(dir.resolve("classes"));
    }

    private static void write(Path dir, String file, String source) throws IOException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, source);
    }

    @Test
    void theCycleRuleReportsTwoFeaturesThatNeedEachOther() {
        EvaluationResult result =
                ArchitectureRules.noCyclesBetweenFeatures(FIXTURE).evaluate(fixture);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("alpha").contains("beta");
    }

    @Test
    void theEntityRuleReportsAnotherFeaturesEntityUnlessItIsAllowed() {
        EvaluationResult strict = ArchitectureRules.noFeatureReachesIntoAnothersEntities(FIXTURE, Map.of())
                .evaluate(fixture);
        assertThat(strict.hasViolation()).isTrue();
        assertThat(strict.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("feature alpha reaches into entity archfixture.beta.Key"))
                .anyMatch(line -> line.contains("feature gamma reaches into entity archfixture.beta.Key"))
                .noneMatch(line -> line.contains("feature beta reaches"));

        EvaluationResult allowed = ArchitectureRules.noFeatureReachesIntoAnothersEntities(
                        FIXTURE, Map.of("alpha", Set.of("archfixture.beta.Key")))
                .evaluate(fixture);
        assertThat(allowed.getFailureReport().getDetails())
                .noneMatch(line -> line.contains("feature alpha reaches"))
                .anyMatch(line -> line.contains("feature gamma reaches into entity archfixture.beta.Key"));
    }

    @Test
    void theEngineRuleReportsFileAccess() {
        EvaluationResult result =
                ArchitectureRules.engineIsPure(FIXTURE + ".engine").evaluate(fixture);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("archfixture.engine.Rules")
                .contains("java.io.File");
    }
}
