package com.consento.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LocalWritesTest {
    private final LocalWrites writes = new LocalWrites(true, Duration.ofMinutes(10));
    private final List<String> applied = new ArrayList<>();
    private final String key = LocalWrites.key("sub_1", "marketing", "sms");

    private boolean remote(String key, long seq) {
        return writes.applyRemote(key, seq, () -> applied.add(key + "@" + seq));
    }

    @Test
    @DisplayName("PIPL-15b an older grant arriving from another node never undoes this node's later withdrawal")
    void older_remote_change_is_skipped_after_a_later_local_write() {
        writes.record(List.of(new LocalWrites.Write(key, 7)));
        assertThat(remote(key, 6)).as("another node's grant, committed before our withdrawal").isFalse();
        assertThat(remote(key, 7)).as("our own withdrawal coming back").isTrue();
        assertThat(remote(key, 8)).as("anything later applies").isTrue();
        assertThat(writes.size()).isZero();
    }

    @Test
    @DisplayName("changes of keys this node did not write apply as they come")
    void other_keys_apply() {
        writes.record(List.of(new LocalWrites.Write(key, 7)));
        String other = LocalWrites.key("sub_1", "marketing", "email");
        assertThat(remote(other, 3)).isTrue();
        assertThat(applied).containsExactly(other + "@3");
    }

    @Test
    @DisplayName("the latest of several local writes of a key is the one that counts")
    void latest_local_write_counts() {
        writes.record(List.of(new LocalWrites.Write(key, 5)));
        writes.record(List.of(new LocalWrites.Write(key, 9)));
        assertThat(remote(key, 5)).isFalse();
        assertThat(remote(key, 9)).isTrue();
    }

    @Test
    @DisplayName("a local write whose echo never comes is forgotten after its time-to-live")
    void expires() {
        writes.record(List.of(new LocalWrites.Write(key, 5)));
        writes.expire(System.nanoTime() + Duration.ofMinutes(11).toNanos(), false);
        assertThat(remote(key, 4)).isTrue();
    }
}
