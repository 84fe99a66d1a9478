package io.mutuality.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommandMemoryTest {

    private final UUID ana = UUID.randomUUID();
    private final UUID ben = UUID.randomUUID();

    @Test
    void aNewIdIsNewAndARememberedOneGetsItsFirstAnswer() {
        CommandMemory memory = new CommandMemory(10);
        assertThat(memory.recall(ana, "c1")).isInstanceOf(CommandMemory.Recall.New.class);

        memory.remember(ana, "c1", "first");

        assertThat(memory.recall(ana, "c1")).isEqualTo(new CommandMemory.Recall.Answered("first"));
        assertThat(memory.recall(ben, "c1")).isInstanceOf(CommandMemory.Recall.New.class); // ids are per person
    }

    @Test
    void anOldIdWhoseAnswerIsNoLongerKeptSendsTheCallerToTheLog() {
        CommandMemory memory = new CommandMemory(3);
        for (int i = 0; i < 10; i++) {
            memory.remember(ana, "c" + i, "answer " + i);
        }
        assertThat(memory.answersKept()).isEqualTo(3);
        assertThat(memory.recall(ana, "c9")).isEqualTo(new CommandMemory.Recall.Answered("answer 9"));
        assertThat(memory.recall(ana, "c0")).isInstanceOf(CommandMemory.Recall.AskTheLog.class);
        assertThat(memory.recall(ana, "c10")).isInstanceOf(CommandMemory.Recall.New.class);
    }

    @Test
    void idsLearnedFromTheLogAndAnswersForgottenAfterAScrubGoToTheLog() {
        CommandMemory memory = new CommandMemory(100);
        memory.known(ana, "before-restart");
        memory.remember(ben, "b1", "answer");
        memory.forgetAnswers();

        assertThat(memory.recall(ana, "before-restart")).isInstanceOf(CommandMemory.Recall.AskTheLog.class);
        assertThat(memory.recall(ben, "b1")).isInstanceOf(CommandMemory.Recall.AskTheLog.class);
        assertThat(memory.recall(ana, "after-restart")).isInstanceOf(CommandMemory.Recall.New.class);
    }

    @Test
    void theFingerprintSetHoldsEveryIdItWasGivenAndNoOther() {
        CommandMemory.LongSet set = new CommandMemory.LongSet();
        Set<Long> reference = new HashSet<>();
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            long value = i % 5 == 0 ? random.nextInt(100) : random.nextLong();
            set.add(value);
            reference.add(value == 0 ? 1 : value); // 0 and 1 share a slot: a fingerprint, not an identity
        }
        assertThat(set.size()).isEqualTo(reference.size());
        reference.forEach(value -> assertThat(set.contains(value)).isTrue());
        for (int i = 0; i < 50_000; i++) {
            long other = random.nextLong();
            assertThat(set.contains(other)).isEqualTo(reference.contains(other == 0 ? 1 : other));
        }
    }

    @Test
    void fingerprintsOfDifferentPeopleOrIdsDiffer() {
        Set<Long> seen = new HashSet<>();
        UUID[] people = {ana, ben, UUID.randomUUID()};
        for (UUID person : people) {
            for (int i = 0; i < 20_000; i++) {
                seen.add(CommandMemory.fingerprint(person, "c-" + i));
            }
        }
        assertThat(seen).hasSize(60_000);
    }
}
