package org.rnncourse.exercise;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A fixed answer stored the way nbgrader's "hashed autotest" stores it: only the SHA-256 of a salt
 * and the answer's canonical text, so that neither the jar ({@code javap -c -p}) nor reflection
 * shows the answer. The check hashes the learner's answer the same way and compares.
 *
 * <p>Canonical text: a letter in lower case; a whole number in decimal; a real number rounded
 * (half up) to the number of decimals its question states, so 0.66666666 and 0.666667 agree at 6
 * decimals; a list of real numbers, or of whole numbers (a shape), joined by commas. {@code tools/answer_hash.py} computes the
 * same hashes for an author who writes a new question.
 *
 * <p>What a hash does not stop: a 4-way choice or a small count can still be guessed by trying
 * values against the check. It stops reading the answer, not guessing it.
 */
final class HashedAnswer {
    private final String salt;
    private final String sha256;

    /** {@code salt} is the question's own (so equal answers of two questions hash differently). */
    HashedAnswer(String salt, String sha256) {
        this.salt = salt;
        this.sha256 = sha256;
    }

    boolean matches(String canonical) {
        return MessageDigest.isEqual(hash(salt, canonical).getBytes(StandardCharsets.US_ASCII),
                sha256.getBytes(StandardCharsets.US_ASCII));
    }

    boolean matches(char letter) {
        return matches(letter(letter));
    }

    boolean matches(long whole) {
        return matches(Long.toString(whole));
    }

    /** A list of whole numbers, such as a shape (32, 20, 16): canonical text "32,20,16". */
    boolean matches(long[] wholes) {
        if (wholes == null) return false;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < wholes.length; i++) b.append(i == 0 ? "" : ",").append(wholes[i]);
        return matches(b.toString());
    }

    boolean matches(double real, int decimals) {
        return Double.isFinite(real) && matches(real(real, decimals));
    }

    boolean matches(double[] reals, int decimals) {
        return reals != null && matches(reals(reals, decimals));
    }

    static String letter(char c) {
        return String.valueOf(Character.toLowerCase(c));
    }

    /** {@code real} rounded half up to {@code decimals}, with no "-0" (−0.0000001 and 0 agree). */
    static String real(double real, int decimals) {
        BigDecimal r = new BigDecimal(Double.toString(real)).setScale(decimals, RoundingMode.HALF_UP);
        if (r.signum() == 0) r = r.abs();
        return r.toPlainString();
    }

    static String reals(double[] reals, int decimals) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < reals.length; i++) {
            if (!Double.isFinite(reals[i])) return "not finite";
            b.append(i == 0 ? "" : ",").append(real(reals[i], decimals));
        }
        return b.toString();
    }

    static String hash(String salt, String canonical) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((salt + canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
