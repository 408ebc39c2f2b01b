package io.github.querylint.core.finding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Fingerprints that survive moving code: rule, path and normalised query, never line numbers. */
public final class Fingerprint {

    private Fingerprint() {
    }

    public static String of(String ruleId, String path, String normalizedQuery) {
        return sha256(ruleId + "\u0000" + path + "\u0000" + normalizedQuery).substring(0, 32);
    }

    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
