package org.rnncourse.data;

/**
 * A problem with the course's data that the learner can act on: a missing or corrupt archive, a
 * failed download, a bad argument combination. The message is one sentence that names the file,
 * URL or argument at fault and says what to do.
 */
public class ImdbException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ImdbException(String message) {
        super(message);
    }

    public ImdbException(String message, Throwable cause) {
        super(message, cause);
    }
}
