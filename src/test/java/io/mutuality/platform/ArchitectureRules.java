package io.mutuality.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The architecture's rules, written for any root package so that {@link ArchitectureTest} can
 * hold the application to them and also show, on a small fixture that breaks each one, that
 * they do fail. A feature is a package directly under the root ({@code io.mutuality.<feature>}).
 */
final class ArchitectureRules {

    private ArchitectureRules() {}

    /** Features depend on each other in one direction only. */
    static ArchRule noCyclesBetweenFeatures(String root) {
        return slices().matching(root + ".(*)..")
                .namingSlices("feature $1")
                .should()
                .beFreeOfCycles()
                .as("features under " + root + " depend on each other without cycles");
    }

    /**
     * A feature's JPA entities (and the embeddables inside them) are its own: other features go
     * through its services and views, except where {@code allowed} names the entity for that
     * feature (origin feature -> fully qualified entity names).
     */
    static ArchRule noFeatureReachesIntoAnothersEntities(String root, Map<String, Set<String>> allowed) {
        return classes()
                .that()
                .resideInAPackage(root + "..")
                .should(
                        new ArchCondition<JavaClass>(
                                "not use another feature's JPA entities (outside the allowed list)") {
                            @Override
                            public void check(JavaClass origin, ConditionEvents events) {
                                Optional<String> from = feature(root, origin);
                                if (from.isEmpty()) {
                                    return;
                                }
                                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                                    JavaClass target =
                                            dependency.getTargetClass().getBaseComponentType();
                                    Optional<String> to = feature(root, target);
                                    if (to.isEmpty() || to.equals(from) || !persistent(target)) {
                                        continue;
                                    }
                                    if (allowed.getOrDefault(from.get(), Set.of())
                                            .contains(target.getName())) {
                                        continue;
                                    }
                                    events.add(SimpleConditionEvent.violated(
                                            dependency,
                                            "feature " + from.get()
                                                    + " reaches into entity " + target.getName() + " of feature "
                                                    + to.get() + ": "
                                                    + dependency.getDescription()));
                                }
                            }
                        })
                .as("no feature reaches into another feature's JPA entities except " + allowed);
    }

    /** The room engine is pure: no framework, no database, no network, no files. */
    static ArchRule engineIsPure(String enginePackage) {
        return noClasses()
                .that()
                .resideInAPackage(enginePackage + "..")
                .should()
                .dependOnClassesThat(DescribedPredicate.or(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                                "io.quarkus..",
                                "jakarta..",
                                "javax..",
                                "java.sql..",
                                "org.hibernate..",
                                "io.vertx..",
                                "io.smallrye..",
                                "java.nio.file..",
                                "java.nio.channels.."),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf(
                                java.io.File.class,
                                java.io.FileInputStream.class,
                                java.io.FileOutputStream.class,
                                java.io.FileReader.class,
                                java.io.FileWriter.class,
                                java.io.RandomAccessFile.class,
                                java.io.PrintWriter.class)))
                .as("the room engine (" + enginePackage + ") uses no Quarkus, Jakarta, JDBC/JPA, Vert.x or file I/O");
    }

    private static boolean persistent(JavaClass target) {
        return target.isAnnotatedWith("jakarta.persistence.Entity")
                || target.isAnnotatedWith("jakarta.persistence.Embeddable");
    }

    private static Optional<String> feature(String root, JavaClass type) {
        String pkg = type.getPackageName();
        if (!pkg.startsWith(root + ".")) {
            return Optional.empty();
        }
        String rest = pkg.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }
}
