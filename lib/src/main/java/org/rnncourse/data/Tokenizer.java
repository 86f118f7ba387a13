package org.rnncourse.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The word tokenizer behind {@link Imdb}: it turns one raw review into a list of lower-case words.
 *
 * <p>The rules, in order:
 * <ol>
 *   <li>HTML line breaks as they occur in the IMDB reviews ({@code <br />}, also {@code <br/>} and
 *       {@code <br>}, any case) become a space.</li>
 *   <li>The text is lower-cased with {@link Locale#ROOT} (no language-specific rules).</li>
 *   <li>Typographic apostrophes ({@code ’ ‘ ´ `}) count as the plain apostrophe {@code '}.</li>
 *   <li>A word is a maximal run of letters and digits ({@link Character#isLetterOrDigit(int)}, so
 *       "café" and "10" are words), in which a single apostrophe <em>between</em> two letters or
 *       digits is kept: "don't", "it's", "o'clock", "rock'n'roll" stay one word each.
 *       Apostrophes at the start or end of a word are dropped ("'quoted'" gives "quoted",
 *       "dogs'" gives "dogs").</li>
 *   <li>Everything else &mdash; punctuation, symbols, white space, and the replacement character
 *       U+FFFD that stands for invalid UTF-8 bytes &mdash; separates words and is <b>dropped</b>,
 *       like the punctuation-free word index of Keras's preprocessed IMDB data. So "well-made"
 *       gives "well", "made", and "7/10" gives "7", "10".</li>
 * </ol>
 */
public final class Tokenizer {
    /** Bumped whenever the rules above change, so that cached token files are rebuilt. */
    static final int VERSION = 1;

    private static final Pattern BR = Pattern.compile("(?i)<br\\s*/?>");

    private Tokenizer() {}

    /** The words of {@code text} by the rules in the class comment. */
    public static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        tokenize(text, out::add);
        return out;
    }

    /** Streams the words of {@code text} to {@code sink}, in order (no list is built). */
    static void tokenize(String text, Consumer<String> sink) {
        if (text.indexOf('<') >= 0) {
            text = BR.matcher(text).replaceAll(" ");
        }
        String s = text.toLowerCase(Locale.ROOT);
        int n = s.length();
        StringBuilder word = new StringBuilder(32);
        boolean pendingApostrophe = false;
        int i = 0;
        while (i < n) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (pendingApostrophe) {
                    word.append('\'');
                    pendingApostrophe = false;
                }
                word.appendCodePoint(cp);
            } else if (isApostrophe(cp) && word.length() > 0 && !pendingApostrophe) {
                pendingApostrophe = true; // kept only if a letter or digit follows
            } else {
                pendingApostrophe = false;
                if (word.length() > 0) {
                    sink.accept(word.toString());
                    word.setLength(0);
                }
            }
        }
        if (word.length() > 0) {
            sink.accept(word.toString());
        }
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019' || cp == '\u2018' || cp == '\u00B4' || cp == '`';
    }
}
