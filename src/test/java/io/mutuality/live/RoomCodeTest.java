package io.mutuality.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoomCodeTest {

    @Test
    void codesUseNoLookAlikes() {
        for (char c : "0O1IL".toCharArray()) {
            assertThat(RoomCode.ALPHABET).doesNotContain(String.valueOf(c));
        }
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = RoomCode.random(random).value();
            assertThat(code).hasSize(6).matches("[" + RoomCode.ALPHABET + "]{6}");
            seen.add(code);
        }
        assertThat(seen).hasSizeGreaterThan(1990);
    }

    @Test
    void codesAreReadAsPeopleTypeThem() {
        assertThat(RoomCode.parse("kmr 7tx")).contains(new RoomCode("KMR7TX"));
        assertThat(RoomCode.parse("KMR-7TX")).contains(new RoomCode("KMR7TX"));
        assertThat(RoomCode.parse("KMR0TX")).isEmpty();
        assertThat(RoomCode.parse("KMR7T")).isEmpty();
        assertThat(RoomCode.parse(null)).isEmpty();
        assertThat(RoomCode.parse("x".repeat(1000))).isEmpty();
    }
}
