package org.rnncourse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keras's load_data semantics on a tiny archive whose word ranks are known (see TestArchives.small). */
class ImdbKerasSemanticsTest {
    @TempDir
    Path dir;
    ImdbLoader loader;

    @BeforeEach
    void setUp() throws Exception {
        Path archive = TestArchives.write(dir.resolve("aclImdb_v1.tar.gz"), TestArchives.small());
        loader = TestArchives.loader(archive, dir.resolve("cache"));
    }

    /** review text (decoded) → label, for finding reviews whatever the shuffle did. */
    private static Map<String, Integer> byText(int[][] x, int[] y, ImdbData d) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < x.length; i++) {
            m.put(d.decode(x[i]), y[i]);
        }
        return m;
    }

    @Test
    void wordIndexRanksTrainingWordsByFrequencyTiesAlphabetical() {
        Map<String, Integer> wi = loader.getWordIndex();
        assertEquals(TestArchives.SMALL_WORDS.length, wi.size());
        for (int r = 0; r < TestArchives.SMALL_WORDS.length; r++) {
            assertEquals(r + 1, wi.get(TestArchives.SMALL_WORDS[r]), TestArchives.SMALL_WORDS[r]);
        }
        assertFalse(wi.containsKey("unsupword"), "train/unsup must be skipped");
        assertFalse(wi.containsKey("zebra"), "test words are not in the word index");
        assertFalse(wi.containsKey("br"), "<br /> is removed");
    }

    @Test
    void defaultsStartCharThenRankPlusIndexFrom() {
        ImdbData d = loader.loadData(Imdb.options());
        assertEquals(4, d.xTrain().length);
        assertEquals(2, d.xTest().length);
        Map<String, Integer> wi = loader.getWordIndex();
        boolean found = false;
        for (int i = 0; i < d.xTrain().length; i++) {
            int[] x = d.xTrain()[i];
            assertEquals(1, x[0], "every review starts with startChar 1");
            if (x.length == 6) { // "the film was bad bad"
                found = true;
                assertArrayEquals(new int[] {1, wi.get("the") + 3, wi.get("film") + 3, wi.get("was") + 3,
                        wi.get("bad") + 3, wi.get("bad") + 3}, x);
                assertEquals(0, d.yTrain()[i]);
            }
        }
        assertTrue(found);
        Map<String, Integer> train = byText(d.xTrain(), d.yTrain(), d);
        assertEquals(1, train.get("<start> great acting the best don't miss it"));
        assertEquals(1, train.get("<start> the film was great great great"));
        assertEquals(0, train.get("<start> the worst film"));
    }

    @Test
    void encodeTurnsALearnersSentenceIntoTheIdsOfAReview() {
        ImdbData d = loader.loadData(Imdb.options());
        Map<String, Integer> wi = loader.getWordIndex();
        assertArrayEquals(new int[] {1, wi.get("the") + 3, wi.get("film") + 3, wi.get("was") + 3,
                wi.get("bad") + 3, wi.get("bad") + 3}, d.encode("The film was BAD, bad!"));
        assertArrayEquals(new int[] {1, 2, wi.get("film") + 3}, d.encode("zebra film"), "an unknown word is OOV");
        assertEquals("<start> <oov> film", d.decode(d.encode("zebra film")));
        // With numWords, a word whose index is not below numWords becomes OOV, as in load_data.
        ImdbData small = loader.loadData(Imdb.options().numWords(wi.get("the") + 3 + 1));
        int[] ids = small.encode("the film");
        assertEquals(wi.get("the") + 3, ids[1]);
        assertEquals(wi.get("film") + 3 < wi.get("the") + 4 ? wi.get("film") + 3 : 2, ids[2]);
        assertThrows(IllegalArgumentException.class, () -> d.encode(null));
    }

    @Test
    void testWordsUnseenInTrainingAreSkipped() {
        ImdbData d = loader.loadData(Imdb.options());
        Map<String, Integer> test = byText(d.xTest(), d.yTest(), d);
        assertEquals(Map.of("<start> great film", 1, "<start> bad film", 0), test);
    }

    @Test
    void numWordsMapsLargeIndicesToOov() {
        // indices: great 4, the 5, film 6, bad 7, was 8, ... numWords 7 keeps indices < 7
        ImdbData d = loader.loadData(Imdb.options().numWords(7));
        for (int[] x : concat(d)) {
            for (int w : x) {
                assertTrue(w < 7, "index " + w);
            }
        }
        Map<String, Integer> train = byText(d.xTrain(), d.yTrain(), d);
        assertTrue(train.containsKey("<start> the film <oov> <oov> <oov>"), train.toString());
        assertTrue(train.containsKey("<start> great <oov> the <oov> <oov> <oov> <oov>"), train.toString());
    }

    @Test
    void skipTopMapsSmallIndicesToOovIncludingTheStartCharAsKerasDoes() {
        ImdbData d = loader.loadData(Imdb.options().skipTop(6)); // great 4, the 5 → oov; start 1 → oov too
        Map<String, Integer> train = byText(d.xTrain(), d.yTrain(), d);
        assertTrue(train.containsKey("<oov> <oov> film was bad bad"), train.toString());
        ImdbData keep = loader.loadData(Imdb.options().skipTop(1)); // start char 1 survives skipTop 1
        for (int[] x : keep.xTrain()) {
            assertEquals(1, x[0]);
        }
    }

    @Test
    void oovNoneRemovesWordsAndStartNoneHasNoMarker() {
        ImdbData d = loader.loadData(Imdb.options().numWords(7).oovChar(null).startChar(null));
        Map<String, Integer> train = byText(d.xTrain(), d.yTrain(), d);
        assertTrue(train.containsKey("the film"), train.toString());
        assertTrue(train.containsKey("the film great great great"), train.toString()); // "was" (index 8) removed
        for (int[] x : concat(d)) {
            for (int w : x) {
                assertTrue(w >= 4 && w < 7, "index " + w);
            }
        }
    }

    @Test
    void indexFromShiftsWordIndices() {
        Map<String, Integer> wi = loader.getWordIndex();
        ImdbData d = loader.loadData(Imdb.options().indexFrom(10).startChar(7).oovChar(8));
        for (int[] x : d.xTrain()) {
            assertEquals(7, x[0]);
            for (int j = 1; j < x.length; j++) {
                assertTrue(x[j] >= 11);
            }
        }
        Map<String, Integer> train = byText(d.xTrain(), d.yTrain(), d);
        assertTrue(train.containsKey("<start> the worst film"));
        int[] worst = d.xTrain()[indexOf(d, "<start> the worst film")];
        assertArrayEquals(new int[] {7, wi.get("the") + 10, wi.get("worst") + 10, wi.get("film") + 10}, worst);
    }

    @Test
    void maxlenDropsReviewsWhoseLengthWithStartCharIsAtLeastMaxlen() {
        // train lengths with start char: 7, 8, 6, 4; test: 3, 3
        ImdbData d = loader.loadData(Imdb.options().maxlen(7));
        int[] lengths = Arrays.stream(d.xTrain()).mapToInt(x -> x.length).sorted().toArray();
        assertArrayEquals(new int[] {4, 6}, lengths);
        assertEquals(2, d.yTrain().length);
        assertEquals(2, d.xTest().length);
        ImdbData none = loader.loadData(Imdb.options().maxlen(0));
        assertEquals(4, none.xTrain().length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loader.loadData(Imdb.options().maxlen(3)));
        assertTrue(e.getMessage().contains("maxlen=3") && e.getMessage().contains("Increase maxlen"), e.getMessage());
    }

    @Test
    void negativeArgumentsAreRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Imdb.options().numWords(-1));
        assertTrue(e.getMessage().startsWith("numWords"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Imdb.options().maxlen(-5));
        assertTrue(e.getMessage().startsWith("maxlen"), e.getMessage());
    }

    @Test
    void decodeRoundTripAndMarkers() {
        ImdbData d = loader.loadData(Imdb.options());
        Map<String, Integer> wi = d.wordIndex();
        String text = "the film was great great great";
        int[] encoded = new int[] {1, wi.get("the") + 3, wi.get("film") + 3, wi.get("was") + 3,
            wi.get("great") + 3, wi.get("great") + 3, wi.get("great") + 3};
        assertEquals("<start> " + text, d.decode(encoded));
        assertEquals("<start> " + text, loader.decode(encoded));
        assertEquals("<pad> <pad> <start> <oov> ? ?", d.decode(new int[] {0, 0, 1, 2, 3, 99_999}));
        // every review decodes to its own tokens
        for (int[] x : d.xTrain()) {
            String s = d.decode(x);
            assertTrue(s.startsWith("<start> "));
            List<String> tokens = Tokenizer.tokenize(s.substring("<start> ".length()));
            assertEquals(x.length - 1, tokens.size());
        }
    }

    @Test
    void shuffleIsDeterministicPerSeedAndKeepsLabelsWithReviews() {
        int n = 200;
        int[][] ranks = new int[n][];
        int[] labels = new int[n];
        String[] words = new String[n];
        for (int i = 0; i < n; i++) {
            words[i] = "w" + i;
            ranks[i] = new int[] {i + 1};
            labels[i] = i % 2;
        }
        ImdbCorpus c = new ImdbCorpus(words, ranks, labels, ranks.clone(), labels.clone());
        ImdbData a = Imdb.build(c, Imdb.options().seed(5));
        ImdbData b = Imdb.build(c, Imdb.options().seed(5));
        ImdbData other = Imdb.build(c, Imdb.options().seed(6));
        assertArrayEquals(a.xTrain(), b.xTrain());
        assertArrayEquals(a.xTest(), b.xTest());
        assertFalse(Arrays.deepEquals(a.xTrain(), other.xTrain()));
        assertFalse(Arrays.deepEquals(a.xTrain(), a.xTest()), "test is shuffled by the continued generator");
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int rank = a.xTrain()[i][1] - 3;
            order.add(rank);
            assertEquals((rank - 1) % 2, a.yTrain()[i], "label follows its review");
        }
        assertNotEquals(order.subList(0, 10), List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        assertEquals(n, order.stream().distinct().count());
    }

    @Test
    void numWordsZeroKeepsTheLargestIndex() {
        ImdbData d = loader.loadData(Imdb.options().numWords(0));
        int max = 0;
        for (int[] x : concat(d)) {
            for (int w : x) {
                max = Math.max(max, w);
                assertNotEquals(2, w);
            }
        }
        assertEquals(TestArchives.SMALL_WORDS.length + 3, max); // "worst" (rank 11) keeps index 14
    }

    private static int indexOf(ImdbData d, String text) {
        for (int i = 0; i < d.xTrain().length; i++) {
            if (d.decode(d.xTrain()[i]).equals(text)) {
                return i;
            }
        }
        throw new AssertionError(text);
    }

    private static List<int[]> concat(ImdbData d) {
        List<int[]> all = new ArrayList<>(Arrays.asList(d.xTrain()));
        all.addAll(Arrays.asList(d.xTest()));
        return all;
    }
}
