package org.rnncourse.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {
    @Test
    void lowerCasesAndRemovesLineBreaks() {
        assertEquals(List.of("great", "movie", "see", "it"), Tokenizer.tokenize("Great MOVIE.<br /><br />See it<BR/>"));
        assertEquals(List.of("a", "b"), Tokenizer.tokenize("a<br>b"));
    }

    @Test
    void dropsPunctuationAndSplitsOnIt() {
        assertEquals(List.of("well", "made", "7", "10", "wow"), Tokenizer.tokenize("Well-made... 7/10!!! (wow)"));
        assertEquals(List.of(), Tokenizer.tokenize(" ,.;:!? -- "));
    }

    @Test
    void keepsApostrophesInsideWordsOnly() {
        assertEquals(List.of("don't", "it's", "o'clock", "rock'n'roll"), Tokenizer.tokenize("Don't it's o'clock rock'n'roll"));
        assertEquals(List.of("quoted", "dogs", "toys"), Tokenizer.tokenize("'quoted' dogs' toys"));
        assertEquals(List.of("don't", "can't", "won't"), Tokenizer.tokenize("don’t can´t won`t"));
        assertEquals(List.of("a", "b"), Tokenizer.tokenize("a''b"));
    }

    @Test
    void keepsNonAsciiLettersAndTreatsReplacementCharAsSeparator() {
        assertEquals(List.of("café", "über", "good", "bad"), Tokenizer.tokenize("Café ÜBER good\uFFFDbad"));
    }
}
