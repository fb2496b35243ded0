package io.raqib.sink.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestSlotsTest {

    @Test
    void givesAsManySlotsAsItHasThenNoneUntilOneIsClosed() {
        RequestSlots slots = new RequestSlots(2);
        Optional<RequestSlots.Slot> first = slots.tryTake();
        Optional<RequestSlots.Slot> second = slots.tryTake();

        assertThat(first).isPresent();
        assertThat(second).isPresent();
        assertThat(slots.tryTake()).as("all taken: no wait, no slot").isEmpty();

        first.get().close();
        assertThat(slots.tryTake()).isPresent();
        assertThat(slots.tryTake()).isEmpty();
    }

    @Test
    void closingASlotTwiceFreesItOnce() {
        RequestSlots slots = new RequestSlots(1);
        RequestSlots.Slot slot = slots.tryTake().orElseThrow();
        slot.close();
        slot.close();

        assertThat(slots.tryTake()).isPresent();
        assertThat(slots.tryTake()).as("still one slot").isEmpty();
    }

    @Test
    void aHolderHoldsOneSlotAtATimeAndARefusedHolderTakesNone() {
        RequestSlots slots = new RequestSlots(2);
        RequestSlots.Slot levant = slots.tryTake("levant").orElseThrow();

        assertThat(slots.tryTake("levant")).as("one at a time").isEmpty();
        assertThat(slots.holds("levant")).isTrue();
        RequestSlots.Slot gulf = slots.tryTake("gulf").orElseThrow();
        assertThat(slots.tryTake("maghreb")).as("all taken").isEmpty();
        assertThat(slots.holds("maghreb")).as("refused, so holding nothing").isFalse();

        levant.close();
        assertThat(slots.holds("levant")).isFalse();
        assertThat(slots.tryTake("maghreb")).isPresent();
        gulf.close();
        assertThat(slots.tryTake("levant")).isPresent();
    }

    @Test
    void refusesFewerThanOneSlot() {
        assertThatThrownBy(() -> new RequestSlots(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
