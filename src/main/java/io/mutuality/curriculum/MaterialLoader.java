package io.mutuality.curriculum;

import io.mutuality.curriculum.Curriculum.Material;
import io.mutuality.curriculum.Curriculum.Module;
import io.mutuality.curriculum.CurriculumException.Problem;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Loads and checks the printable materials ({@code materials/<id>.md}): cards and sheets a trainer prints for a module. */
final class MaterialLoader {

    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\R(.*?)\\R---\\R?(.*)\\z", Pattern.DOTALL);
    private static final Pattern CARD = Pattern.compile("(?m)^## \\S");

    /** A material's front matter. */
    record Header(String id, String title, String kind) {}

    private MaterialLoader() {}

    /** Every material the index lists, loaded and checked; one that cannot be used is left out with its problems. */
    static Map<String, Material> load(LoadRun run, LocatedYaml indexDoc, List<String> ids) {
        Map<String, Material> materials = new LinkedHashMap<>();
        if (ids == null) {
            return materials;
        }
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || !LoadRun.ID.matcher(id).matches()) {
                run.problem(
                        indexDoc,
                        "/materials/" + i,
                        "'" + id + "' is not a material id (lower-case words joined by hyphens)");
                continue;
            }
            if (materials.containsKey(id)) {
                run.problem(indexDoc, "/materials/" + i, "lists material '" + id + "' twice");
                continue;
            }
            Material material = loadOne(run, id);
            if (material != null) {
                materials.put(id, material);
            }
        }
        return materials;
    }

    private static Material loadOne(LoadRun run, String id) {
        String file = "materials/" + id + ".md";
        String text = run.read(file);
        if (text == null) {
            return null;
        }
        Matcher matcher = FRONT_MATTER.matcher(text);
        if (!matcher.matches()) {
            run.problems.add(new Problem(file, 1, "needs YAML front matter between two lines of ---"));
            return null;
        }
        LocatedYaml doc = run.yaml(file, matcher.group(1), 2);
        Header header = doc == null ? null : run.bind(doc, Header.class);
        if (header == null) {
            return null;
        }
        int before = run.problems.size();
        if (!id.equals(header.id())) {
            run.problem(doc, "/id", "id is '" + header.id() + "' but the file is named for '" + id + "'");
        }
        LoadRun.required(run, doc, "/title", header.title());
        if (header.kind() == null || !Curriculum.MATERIAL_KINDS.contains(header.kind())) {
            run.problem(doc, "/kind", "kind is cards or sheet, not '" + header.kind() + "'");
        }
        String markdown = matcher.group(2).strip();
        if (markdown.isEmpty()) {
            run.problems.add(new Problem(file, null, "has nothing to print after the front matter"));
        } else if ("cards".equals(header.kind())) {
            long cards = CARD.matcher(markdown).results().count();
            if (cards < 2) {
                run.problems.add(
                        new Problem(file, null, "a set of cards has at least two, each starting with a '## ' heading"));
            }
        }
        return run.problems.size() == before ? new Material(id, header.title(), header.kind(), markdown) : null;
    }

    /** Every material the index lists is used by at least one module of a course. */
    static void checkUsed(LoadRun run, LocatedYaml indexDoc, List<String> ids, Collection<Module> modules) {
        if (ids == null) {
            return;
        }
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (modules.stream().noneMatch(m -> m.printables().contains(id))) {
                run.problem(
                        indexDoc,
                        "/materials/" + i,
                        "material '" + id + "' is used by no module (list it in a module's"
                                + " printables, or remove it)");
            }
        }
    }
}
