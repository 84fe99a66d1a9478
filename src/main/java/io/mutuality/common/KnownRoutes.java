package io.mutuality.common;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The application's REST routes, read once from the JAX-RS annotations of its resources, so that
 * a known path asked for with a method it does not have is answered 405 with {@code Allow}
 * rather than 404, whichever layer notices first.
 */
public final class KnownRoutes {

    private static volatile List<Route> routes;

    private KnownRoutes() {}

    /**
     * One resource method: its path as a pattern, its HTTP method, and the number of literal
     * characters in its template (JAX-RS prefers the template with the most).
     */
    record Route(Pattern path, String method, int literals) {}

    /** The methods the resources declare for a path (HEAD wherever there is GET); empty for an unknown path. */
    public static Set<String> allowedMethods(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        List<Route> matching = routes().stream()
                .filter(r -> r.path().matcher(trimmed).matches())
                .toList();
        int best = matching.stream().mapToInt(Route::literals).max().orElse(0);
        Set<String> allowed = new TreeSet<>();
        for (Route route : matching) {
            if (route.literals() == best) {
                allowed.add(route.method());
                if (route.method().equals(HttpMethod.GET)) {
                    allowed.add(HttpMethod.HEAD);
                }
            }
        }
        return allowed;
    }

    private static List<Route> routes() {
        List<Route> known = routes;
        if (known == null) {
            known = scan(ConfigProvider.getConfig()
                    .getOptionalValue("quarkus.rest.path", String.class)
                    .orElse("/"));
            routes = known;
        }
        return known;
    }

    /** Every resource method of the application, read from the JAX-RS annotations of its beans. */
    static List<Route> scan(String root) {
        List<Route> found = new ArrayList<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path base = type.getAnnotation(Path.class);
            if (base == null || !type.getName().startsWith("io.mutuality.")) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String verb = verb(method);
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    String template = root + "/" + base.value() + (sub == null ? "" : "/" + sub.value());
                    found.add(new Route(
                            pattern(template),
                            verb,
                            PARAMETER
                                    .matcher(template.replaceAll("/+", "/"))
                                    .replaceAll("")
                                    .length()));
                }
            }
        }
        return List.copyOf(found);
    }

    private static String verb(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*[\\w.-]+\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})*))?}");

    /** A JAX-RS path template as a pattern: {@code /a/{id}} matches {@code /a/123}, {@code {x: \d+}} keeps its own. */
    static Pattern pattern(String template) {
        String path = template.replaceAll("/+", "/");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(path);
        int at = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(path.substring(at, parameter.start())));
            String own = parameter.group(1);
            regex.append(own == null ? "[^/]+" : "(?:" + own.strip() + ")");
            at = parameter.end();
        }
        regex.append(Pattern.quote(path.substring(at)));
        return Pattern.compile(regex.toString());
    }
}
