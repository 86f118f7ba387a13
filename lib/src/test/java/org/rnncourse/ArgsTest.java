package org.rnncourse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Args's messages name the argument, the value and what is allowed, in both languages. */
class ArgsTest {
    @AfterEach
    void backToEnglish() {
        BilingualErrors.english();
    }

    @Test
    void aGoodValueComesBackUnchanged() {
        assertEquals(3, Args.positive("units", 3));
        assertEquals(0.5, Args.inHalfOpen("rate", 0.5, 0, 1));
        assertEquals("x", Args.notNull("name", "x"));
    }

    @Test
    void countsAndNumbersAreRefusedByNameInBothLanguages() {
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> Args.positive("units", 0),
                "units must be a whole number of at least 1, got 0.",
                "units phải là một số nguyên lớn hơn hoặc bằng 1, nhận được 0.");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> Args.atLeast("epochs", -1234, 1),
                "epochs must be a whole number of at least 1, got -1234.",
                "epochs phải là một số nguyên lớn hơn hoặc bằng 1, nhận được -1234.");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> Args.positiveFinite("clipnorm", Double.POSITIVE_INFINITY),
                "clipnorm must be a finite number above 0, got Infinity.",
                "clipnorm phải là một số hữu hạn lớn hơn 0, nhận được Infinity.");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> Args.nonNegativeFinite("minDelta", -2),
                "minDelta must be a finite number of at least 0, got -2.0.",
                "minDelta phải là một số hữu hạn lớn hơn hoặc bằng 0, nhận được -2.0.");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> Args.finite("value", Double.NaN),
                "value must be a finite number, got NaN.",
                "value phải là một số hữu hạn, nhận được NaN.");
    }

    @Test
    void rangesShowTheirBracketsInBothLanguages() {
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> Args.inHalfOpen("rate", 1.0, 0, 1),
                "rate must be in [0.0, 1.0), got 1.0.",
                "rate phải nằm trong [0.0, 1.0), nhận được 1.0.");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> Args.inClosed("beta", 1.5, 0, 1),
                "beta must be in [0.0, 1.0], got 1.5.",
                "beta phải nằm trong [0.0, 1.0], nhận được 1.5.");
    }

    @Test
    void nullsAreNamedInBothLanguages() {
        BilingualErrors.assertMessages(NullPointerException.class, () -> Args.notNull("optimizer", null),
                "optimizer is null: pass a value.", "optimizer là null: hãy truyền vào một giá trị.");
        BilingualErrors.assertMessages(NullPointerException.class, () -> Args.noNulls("layers", new Object[] {"a", null}),
                "layers[1] is null: pass a value.", "layers[1] là null: hãy truyền vào một giá trị.");
    }
}
