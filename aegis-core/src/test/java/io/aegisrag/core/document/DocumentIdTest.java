package io.aegisrag.core.document;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentIdTest {

    @Test
    void should_accept_a_canonical_uuid() {
        DocumentId id = DocumentId.random();

        assertThat(new DocumentId(id.value())).isEqualTo(id);
        assertThat(DocumentId.isWellFormed(id.value())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nope", "3FA85F64-5717-4562-B3FC-2C963F66AFA6", "3fa85f64-5717-4562-b3fc-2c963f66afa6x", "../../etc/passwd"})
    void should_reject_anything_but_a_lower_case_uuid(String candidate) {
        assertThat(DocumentId.isWellFormed(candidate)).isFalse();
        assertThatThrownBy(() -> new DocumentId(candidate)).isInstanceOf(IllegalArgumentException.class);
    }
}
