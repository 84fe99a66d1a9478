package io.mutuality.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one rule for names and titles that people read. */
class TextTest {

    @Test
    void namesAreNfcAndTrimmed() {
        assertThat(Text.name("displayName", "  Zoe\u0308 Nu\u0301n\u0303ez\u00A0"))
                .isEqualTo("Zoë Núñez");
        assertThat(Text.name("title", "\u3000Core in the spring ")).isEqualTo("Core in the spring");
    }

    @Test
    void everyScriptAndEmojiIsWelcome() {
        for (String name : new String[] {
            "Róisín Ní Bhriain",
            "سارة",
            "佐藤 花子",
            "नमिता",
            "👩\u200D👩\u200D👧 family",
            "<img src=x onerror=alert(1)>",
            "O'Brien-Smith"
        }) {
            assertThat(Text.problem(Text.normalise(name))).as(name).isEmpty();
        }
    }

    @Test
    void controlCharactersAreRefused() {
        for (String name :
                new String[] {"Dee\u0000", "Core\u0007", "Line\nbreak", "Tab\tbed", "\u0085next", "Del\u007F"}) {
            assertThat(Text.problem(name)).as(name).hasValue("must not contain control characters");
        }
    }

    @Test
    void directionOverridesAndIsolatesAreRefused() {
        for (int c : new int[] {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}) {
            String name = "Ana" + Character.toString(c) + "gpj.exe";
            assertThat(Text.problem(name))
                    .as("U+%04X", c)
                    .hasValue("must not contain characters that change the direction of text");
        }
    }

    @Test
    void invisibleOnlyNamesAreRefused() {
        for (String name : new String[] {
            "\u200B",
            "\u200B\u200C\u200D",
            "\u200E\u200F",
            "\uFEFF",
            "\u2060\u2060",
            "\u3164",
            "\u115F\u1160",
            "\u2800",
            "\u00AD",
            "\u034F",
            "\uFE0F",
            "\u180E"
        }) {
            assertThat(Text.problem(Text.normalise(name)))
                    .as(String.join(
                            " ",
                            name.codePoints()
                                    .mapToObj(c -> String.format("U+%04X", c))
                                    .toList()))
                    .hasValue("must contain letters, digits or signs that can be seen");
        }
    }

    @Test
    void aRefusalIsAValidationProblemNamingTheField() {
        assertThatThrownBy(() -> Text.name("title", "\u200B\u200B"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.VALIDATION);
                    assertThat(e.errors()).extracting(Problem.FieldError::field).containsExactly("title");
                });
        assertThatThrownBy(() -> Text.name("name", "   ")).isInstanceOf(ProblemException.class);
    }
}
