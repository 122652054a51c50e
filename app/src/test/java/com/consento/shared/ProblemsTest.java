package com.consento.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    @DisplayName("every problem is collected before failing, each with its JSON pointer")
    void every_problem_is_collected_before_failing() {
        Problems problems = new Problems()
                .require(true, "/a", "fine")
                .require(false, "/b", "b is wrong")
                .add("/c/0", "c is wrong");

        InvalidRequest e = catchThrowableOfType(InvalidRequest.class, () -> problems.throwIfAny("invalid-thing"));

        assertThat(e.type()).isEqualTo("invalid-thing");
        assertThat(e.problems()).extracting(FieldProblem::pointer).containsExactly("/b", "/c/0");
        assertThat(e.getMessage()).isEqualTo("b is wrong");
    }

    @Test
    @DisplayName("no problem, no failure")
    void no_problem_no_failure() {
        assertThatNoException().isThrownBy(() -> new Problems().require(true, "/a", "fine").throwIfAny());
    }

    @Test
    @DisplayName("several problems are summarised with the first one's pointer")
    void several_problems_are_summarised() {
        InvalidRequest e = catchThrowableOfType(InvalidRequest.class,
                () -> new Problems().add("/x", "x bad").add("/y", "y bad").throwIfAny());

        assertThat(e.type()).isEqualTo("validation");
        assertThat(e.getMessage()).isEqualTo("2 problems; the first: /x: x bad");
    }

    @Test
    @DisplayName("channel codes are read in any case and unknown codes are null")
    void channel_codes_are_read_in_any_case() {
        assertThat(Channel.ofCode(" SMS ")).isEqualTo(Channel.SMS);
        assertThat(Channel.ofCode("in_app")).isEqualTo(Channel.IN_APP);
        assertThat(Channel.ofCode("fax")).isNull();
        assertThat(Channel.ofCode(null)).isNull();
        assertThat(Channel.WECHAT.code()).isEqualTo("wechat");
    }

    @Test
    @DisplayName("SHA-256 is lower-case hex of the UTF-8 bytes")
    void sha256_is_lower_case_hex() {
        assertThat(Sha256.hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.hex("同意")).hasSize(64).isLowerCase();
    }
}
