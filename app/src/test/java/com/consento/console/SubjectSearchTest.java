package com.consento.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.identity.Identifier;
import com.consento.identity.IdentifierType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SubjectSearchTest {

    @Test
    @DisplayName("a phone in national or E.164 form means the same E.164 number, and may be a member id too")
    void phone_forms_normalise_alike() {
        assertThat(SubjectSearch.candidates("139 1234 5678")).first()
                .isEqualTo(new Identifier(IdentifierType.PHONE, "+8613912345678"));
        assertThat(SubjectSearch.candidates("+86 139-1234-5678")).first()
                .isEqualTo(new Identifier(IdentifierType.PHONE, "+8613912345678"));
        assertThat(SubjectSearch.candidates("13912345678")).extracting(Identifier::type)
                .containsExactly(IdentifierType.PHONE, IdentifierType.MEMBER);
    }

    @Test
    @DisplayName("an e-mail is searched lower-case; anything else is a member id")
    void email_and_member() {
        assertThat(SubjectSearch.candidates("  Ann@Example.COM ")).containsExactly(
                new Identifier(IdentifierType.EMAIL, "ann@example.com"));
        assertThat(SubjectSearch.candidates("OR-12347")).containsExactly(
                new Identifier(IdentifierType.MEMBER, "OR-12347"));
        assertThat(SubjectSearch.candidates("   ")).isEmpty();
    }

    @Test
    @DisplayName("PIPL-51 the console masks what it shows: +86 139****5678 and a***@example.com")
    void masks_as_the_design_says() {
        assertThat(SubjectSearch.candidates("13912345678").get(0).masked()).isEqualTo("+86 139****5678");
        assertThat(SubjectSearch.candidates("a.lee@example.com").get(0).masked()).isEqualTo("a***@example.com");
        assertThat(LedgerPageController.maskSubject("sub_2n_1a2b3c4d")).isEqualTo("sub_****3c4d");
    }
}
