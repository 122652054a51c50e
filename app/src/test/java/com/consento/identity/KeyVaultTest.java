package com.consento.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Arrays;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KeyVaultTest {
    private static byte[] key(int fill) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) fill);
        return k;
    }

    private final KeyVault vault = new KeyVault(key(1), key(2));

    @Test
    @DisplayName("PIPL-51 a value sealed with a subject's data key opens again with that key")
    void sealed_value_opens_with_the_same_key() {
        SecretKey dataKey = vault.unwrap(vault.newWrappedDataKey());

        String sealed = KeyVault.encrypt(dataKey, "+8613800138000 张三");

        assertThat(sealed).doesNotContain("13800138000");
        assertThat(KeyVault.decrypt(dataKey, sealed)).isEqualTo("+8613800138000 张三");
    }

    @Test
    @DisplayName("PIPL-51 sealing the same value twice gives different ciphertexts (fresh IV)")
    void sealing_twice_gives_different_ciphertexts() {
        SecretKey dataKey = vault.unwrap(vault.newWrappedDataKey());

        assertThat(KeyVault.encrypt(dataKey, "x")).isNotEqualTo(KeyVault.encrypt(dataKey, "x"));
    }

    @Test
    @DisplayName("PIPL-51 another subject's data key cannot open a sealed value")
    void another_key_cannot_open() {
        SecretKey alice = vault.unwrap(vault.newWrappedDataKey());
        SecretKey bob = vault.unwrap(vault.newWrappedDataKey());
        String sealed = KeyVault.encrypt(alice, "alice@example.com");

        assertThatIllegalStateException().isThrownBy(() -> KeyVault.decrypt(bob, sealed));
    }

    @Test
    @DisplayName("a wrapped data key opens only under the master key that wrapped it")
    void a_wrapped_data_key_needs_its_master_key() {
        String wrapped = vault.newWrappedDataKey();
        KeyVault sameMaster = new KeyVault(key(1), key(9));
        KeyVault otherMaster = new KeyVault(key(3), key(2));

        assertThat(sameMaster.unwrap(wrapped).getEncoded()).isEqualTo(vault.unwrap(wrapped).getEncoded());
        assertThatIllegalStateException().isThrownBy(() -> otherMaster.unwrap(wrapped));
    }

    @Test
    @DisplayName("the lookup hash is stable across instances sharing the lookup key")
    void the_lookup_hash_is_stable() {
        String once = vault.lookupHash("phone", "+8613800138000");

        assertThat(once).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(vault.lookupHash("phone", "+8613800138000")).isEqualTo(once);
        assertThat(new KeyVault(key(7), key(2)).lookupHash("phone", "+8613800138000")).isEqualTo(once);
    }

    @Test
    @DisplayName("the lookup hash is keyed: another lookup key, domain or value gives another hash")
    void the_lookup_hash_is_keyed() {
        String once = vault.lookupHash("phone", "+8613800138000");

        assertThat(new KeyVault(key(1), key(3)).lookupHash("phone", "+8613800138000")).isNotEqualTo(once);
        assertThat(vault.lookupHash("email", "+8613800138000")).isNotEqualTo(once);
        assertThat(vault.lookupHash("phone", "+8613800138001")).isNotEqualTo(once);
        assertThat(once).isNotEqualTo(com.consento.shared.Sha256.hex("+8613800138000"));
    }

    @Test
    @DisplayName("domain and value cannot be shifted into each other")
    void domain_and_value_are_separated() {
        assertThat(vault.lookupHash("ab", "c")).isNotEqualTo(vault.lookupHash("a", "bc"));
    }
}
